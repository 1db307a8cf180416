import type { NextRequest } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { getReportDb } from '@/db/client';
import { downloadResponse } from '@/app/_server/download';
import { searchValues } from '@/app/_server/search-params';
import { getActor } from '@/app/_server/session';
import { can } from '@/lib/auth/permissions';
import { COMPARE_COLUMNS, comparisonToCsv, comparisonToXlsx, type CompareLabels } from '@/lib/export/compare';
import { csvDialectFor, CSV_TYPE } from '@/lib/export/csv';
import { XLSX_TYPE } from '@/lib/export/xlsx';
import type { Locale } from '@/lib/i18n/locales';
import { compareParks } from '@/lib/reports/analytics/comparison';
import { periodSchema } from '@/lib/validation/reports';
import { readSort, sortParks } from '../sort';

/** The comparison of parks for ?from=&to= as CSV (the reader's regional dialect) or XLSX, sorted as on the page, in the reader's language. */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return new Response('Sign in first', { status: 401 });
  if (!can(actor, 'report.compare')) return new Response('Not found', { status: 404 });
  const search = searchValues(request.nextUrl.searchParams);
  const format = search.format ?? 'xlsx';
  if (format !== 'xlsx' && format !== 'csv') return new Response('format: must be xlsx or csv', { status: 400 });
  const period = periodSchema.safeParse({ from: search.from ?? '', to: search.to ?? '' });
  if (!period.success) return new Response('from, to: whole years, from not after to', { status: 400 });
  const { from, to } = period.data;
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('compareReport');
  // compareParks checks report.compare again and reads only the parks the actor may compare.
  const report = await compareParks(await getReportDb(), { actor, from, to });
  const { sort, dir } = readSort(search);
  const parks = sortParks(report.parks, sort, dir, locale);
  const label = from === to ? String(from) : `${from}–${to}`;
  const labels: CompareLabels = {
    sheet: t('export.sheet'),
    title: t('export.title', { period: label }),
    columns: Object.fromEntries(COMPARE_COLUMNS.map((c) => [c, t(`export.columns.${c}`, { year: to })])) as CompareLabels['columns'],
    notReached: t('notReached'),
  };
  const fileName = `parks-compared-${from}-${to}.${format}`;
  if (format === 'xlsx') return downloadResponse({ body: await comparisonToXlsx(parks, labels), contentType: XLSX_TYPE, fileName });
  return downloadResponse({ body: comparisonToCsv(parks, labels, csvDialectFor(locale)), contentType: CSV_TYPE, fileName });
}
