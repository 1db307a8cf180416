import { apiGet, CSV_TYPE, fileResponse, formatParam, localeParam, XLSX_TYPE } from '@/app/_server/api-handler';
import { summaryToCsv, summaryToXlsx } from '@/lib/reports/summary-export';
import { getParkSummary } from '@/lib/reports/summary';

/** `technopark-summary/1` for ?from=YEAR&to=YEAR (&locale=en|ru, &format=json|csv|xlsx). */
export const GET = apiGet<{ slug: string }>(async ({ request, url, db, actor, params }) => {
  const format = formatParam(url);
  const locale = localeParam(url, request);
  const summary = await getParkSummary(db, {
    actor,
    parkSlug: params.slug,
    from: url.searchParams.get('from') ?? '',
    to: url.searchParams.get('to') ?? '',
    locale,
  });
  const fileName = `${summary.park.slug}-summary-${summary.period.from}-${summary.period.to}`;
  if (format === 'csv') return fileResponse(summaryToCsv(summary, locale), CSV_TYPE, `${fileName}.csv`);
  if (format === 'xlsx') return fileResponse(await summaryToXlsx(summary, locale), XLSX_TYPE, `${fileName}.xlsx`);
  return summary;
});
