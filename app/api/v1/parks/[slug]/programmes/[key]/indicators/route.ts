import { apiGet, formatParam, localeParam } from '@/app/_server/api-handler';
import { downloadResponse } from '@/app/_server/download';
import { CSV_TYPE } from '@/lib/export/csv';
import { indicatorsToCsv, indicatorsToXlsx } from '@/lib/export/indicators';
import { XLSX_TYPE } from '@/lib/export/xlsx';
import { getIndicatorReport } from '@/lib/reports/indicators';
import { getReportDb } from '@/db/client';

/** `technopark-indicators/1` for one programme of the park (&format=json|csv|xlsx, &locale=en|ru for files; CSV in the interchange dialect). */
export const GET = apiGet<{ slug: string; key: string }>(async ({ request, url, actor, params }) => {
  const format = formatParam(url);
  const locale = localeParam(url, request);
  const report = await getIndicatorReport(await getReportDb(), { actor, parkSlug: params.slug, programmeKey: params.key });
  const fileName = `${params.slug}-${report.programme.key}-indicators`;
  if (format === 'csv') return downloadResponse({ body: indicatorsToCsv(report, locale), contentType: CSV_TYPE, fileName: `${fileName}.csv` });
  if (format === 'xlsx') return downloadResponse({ body: await indicatorsToXlsx(report, locale), contentType: XLSX_TYPE, fileName: `${fileName}.xlsx` });
  return report;
});
