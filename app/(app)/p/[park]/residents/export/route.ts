import type { NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { parkFileResponse } from '@/app/_server/file-response';
import { todayIso } from '@/lib/dates';
import { exportResidents, parseResidentFilters } from '@/lib/residents/directory';

/** The resident directory, filtered as on the page, as CSV or XLSX. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const search = Object.fromEntries(request.nextUrl.searchParams);
  const format = search.format === 'xlsx' ? 'xlsx' : 'csv';
  const today = todayIso();
  return parkFileResponse(slug, 'resident.read', `residents-${slug}-${today}.${format}`, async ({ actor, db, park }) => {
    const t = await getTranslations('residents');
    return exportResidents(db, { actor, parkId: park.id, today, filters: parseResidentFilters(search), format, label: (key) => t(key) });
  });
}
