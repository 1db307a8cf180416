import type { NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { parkFileResponse } from '@/app/_server/file-response';
import { todayIso } from '@/lib/dates';
import { exportIncentives, parseIncentiveFilters } from '@/lib/incentives/incentives';

/** The register of tax incentives, filtered as on the page, as CSV or XLSX. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const search = Object.fromEntries(request.nextUrl.searchParams);
  const format = search.format === 'xlsx' ? 'xlsx' : 'csv';
  const today = todayIso();
  return parkFileResponse(slug, 'resident.read', `tax-incentives-${slug}-${today}.${format}`, async ({ actor, db, park }) => {
    const t = await getTranslations('incentives');
    return exportIncentives(db, { actor, parkId: park.id, today, filters: parseIncentiveFilters(search), format, label: (key) => t(key) });
  });
}
