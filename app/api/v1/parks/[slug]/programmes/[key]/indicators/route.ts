import { apiGet, CSV_TYPE, fileResponse, formatParam, localeParam, XLSX_TYPE } from '@/app/_server/api-handler';
import { getIndicatorReport } from '@/lib/reports/indicators';
import { indicatorsToCsv, indicatorsToXlsx } from '@/lib/reports/summary-export';

/** `technopark-indicators/1` for one programme of the park (&format=json|csv|xlsx, &locale=en|ru for files). */
export const GET = apiGet<{ slug: string; key: string }>(async ({ request, url, db, actor, params }) => {
  const format = formatParam(url);
  const locale = localeParam(url, request);
  const report = await getIndicatorReport(db, { actor, parkSlug: params.slug, programmeKey: params.key });
  const fileName = `${params.slug}-${report.programme.key}-indicators`;
  if (format === 'csv') return fileResponse(indicatorsToCsv(report, locale), CSV_TYPE, `${fileName}.csv`);
  if (format === 'xlsx') return fileResponse(await indicatorsToXlsx(report, locale), XLSX_TYPE, `${fileName}.xlsx`);
  return report;
});
