import type { NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { parkListExport } from '@/app/_server/file-response';
import { exportIncentives } from '@/lib/incentives/incentives';
import { incentiveFiltersSchema } from '@/lib/validation/incentives';

/** The register of tax incentives, filtered as on the page, as CSV (in the reader's regional dialect) or XLSX. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  return parkListExport(request, slug, 'resident.read', 'tax-incentives', async ({ actor, db, park, search, file }) => {
    const t = await getTranslations('incentives');
    return exportIncentives(db, { actor, parkId: park.id, filters: incentiveFiltersSchema.parse(search), label: (key) => t(key), ...file });
  });
}
