import type { NextRequest } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/app/_server/session';
import { compareParks } from '@/lib/reports/analytics';
import { COMPARE_COLUMNS, comparisonToCsv, comparisonToXlsx, type CompareLabels } from '@/lib/reports/compare-export';
import { periodSchema } from '@/lib/validation/reports';
import { readSort, sortParks } from '../sort';

/** The comparison of parks for ?from=&to= as CSV or XLSX, sorted as on the page, in the reader's language. */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return new Response('Sign in first', { status: 401 });
  if (!can(actor, 'report.compare')) return new Response('Not found', { status: 404 });
  const search = Object.fromEntries(request.nextUrl.searchParams);
  const format = search.format ?? 'xlsx';
  if (format !== 'xlsx' && format !== 'csv') return new Response('format: must be xlsx or csv', { status: 400 });
  const period = periodSchema.safeParse({ from: search.from ?? '', to: search.to ?? '' });
  if (!period.success) return new Response('from, to: whole years, from not after to', { status: 400 });
  const { from, to } = period.data;
  const locale = (await getLocale()) as 'en' | 'ru';
  const t = await getTranslations('compareReport');
  // compareParks checks report.compare again and reads only the parks the actor may compare.
  const report = await compareParks(await getDb(), { actor, from, to });
  const { sort, dir } = readSort(search);
  const parks = sortParks(report.parks, sort, dir, locale);
  const period_ = from === to ? String(from) : `${from}–${to}`;
  const labels: CompareLabels = {
    sheet: t('export.sheet'),
    title: t('export.title', { period: period_ }),
    columns: Object.fromEntries(COMPARE_COLUMNS.map((c) => [c, t(`export.columns.${c}`, { year: to })])) as CompareLabels['columns'],
    notReached: t('notReached'),
  };
  const body = format === 'xlsx' ? new Uint8Array(await comparisonToXlsx(parks, labels)) : comparisonToCsv(parks, labels);
  return new Response(body, {
    headers: {
      'content-type': format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="parks-compared-${from}-${to}.${format}"`,
      'cache-control': 'no-store',
    },
  });
}
