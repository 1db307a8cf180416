import { apiGet, formatParam, localeParam } from '@/app/_server/api-handler';
import { downloadResponse } from '@/app/_server/download';
import { CSV_TYPE } from '@/lib/export/csv';
import { summaryToCsv, summaryToXlsx } from '@/lib/export/summary';
import { XLSX_TYPE } from '@/lib/export/xlsx';
import { getParkSummary } from '@/lib/reports/summary';
import { getReportDb } from '@/db/client';

/**
 * `technopark-summary/1` for ?from=YEAR&to=YEAR (&locale=en|ru, &format=json|csv|xlsx). The CSV is for
 * scripts: the interchange dialect (commas, decimal point) whatever the language of its labels.
 */
export const GET = apiGet<{ slug: string }>(async ({ request, url, actor, params }) => {
  const format = formatParam(url);
  const locale = localeParam(url, request);
  const summary = await getParkSummary(await getReportDb(), {
    actor,
    parkSlug: params.slug,
    from: url.searchParams.get('from') ?? '',
    to: url.searchParams.get('to') ?? '',
    locale,
  });
  const fileName = `${summary.park.slug}-summary-${summary.period.from}-${summary.period.to}`;
  if (format === 'csv') return downloadResponse({ body: summaryToCsv(summary, locale), contentType: CSV_TYPE, fileName: `${fileName}.csv` });
  if (format === 'xlsx') return downloadResponse({ body: await summaryToXlsx(summary, locale), contentType: XLSX_TYPE, fileName: `${fileName}.xlsx` });
  return summary;
});
