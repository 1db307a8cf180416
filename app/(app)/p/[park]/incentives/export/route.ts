import type { NextRequest } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { parkFileResponse } from '@/app/_server/file-response';
import { searchValues } from '@/app/_server/search-params';
import { todayIso } from '@/lib/dates';
import { csvDialectFor } from '@/lib/export/csv';
import type { Locale } from '@/lib/i18n/locales';
import { exportIncentives } from '@/lib/incentives/incentives';
import { incentiveFiltersSchema } from '@/lib/validation/incentives';

/** The register of tax incentives, filtered as on the page, as CSV (in the reader's regional dialect) or XLSX. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const search = searchValues(request.nextUrl.searchParams);
  const format = search.format === 'xlsx' ? 'xlsx' : 'csv';
  const today = todayIso();
  const dialect = csvDialectFor((await getLocale()) as Locale);
  return parkFileResponse(slug, 'resident.read', `tax-incentives-${slug}-${today}.${format}`, async ({ actor, db, park }) => {
    const t = await getTranslations('incentives');
    const filters = incentiveFiltersSchema.parse(search);
    return exportIncentives(db, { actor, parkId: park.id, today, filters, format, label: (key) => t(key), dialect });
  });
}
