import type { NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { parkListExport } from '@/app/_server/file-response';
import { exportResidents } from '@/lib/residents/directory';
import { residentFiltersSchema } from '@/lib/validation/residents';

/** The resident directory, filtered as on the page, as CSV (in the reader's regional dialect) or XLSX. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  return parkListExport(request, slug, 'resident.read', 'residents', async ({ actor, db, park, search, file }) => {
    const t = await getTranslations('residents');
    return exportResidents(db, { actor, parkId: park.id, filters: residentFiltersSchema.parse(search), label: (key) => t(key), ...file });
  });
}
