import type { NextRequest } from 'next/server';
import { getLocale } from 'next-intl/server';
import { parkFileResponse } from '@/app/_server/file-response';
import { csvDialectFor, CSV_TYPE } from '@/lib/export/csv';
import { summaryToCsv, summaryToXlsx } from '@/lib/export/summary';
import { XLSX_TYPE } from '@/lib/export/xlsx';
import type { Locale } from '@/lib/i18n/locales';
import { parkScope } from '@/lib/reports/scope';
import { getParkSummary } from '@/lib/reports/summary';
import { getKpiDynamics } from '@/lib/reports/analytics/kpi-dynamics';
import { summaryToPdf } from '@/lib/export/report-pdf';
import { periodSchema } from '@/lib/validation/reports';
import { getReportDb } from '@/db/client';

const TYPES = { xlsx: XLSX_TYPE, csv: CSV_TYPE, json: 'application/json; charset=utf-8', pdf: 'application/pdf' } as const;

/**
 * The park summary for ?from=&to= as XLSX, CSV, JSON (`technopark-summary/1`) or a PDF document with its
 * charts, in the reader's language; the CSV in the reader's regional dialect, so Excel opens it as columns.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const search = request.nextUrl.searchParams;
  const format = search.get('format') ?? 'xlsx';
  if (!(format in TYPES)) return new Response('format: must be xlsx, csv, json or pdf', { status: 400 });
  const period = periodSchema.safeParse({ from: search.get('from') ?? '', to: search.get('to') ?? '' });
  if (!period.success) return new Response('from, to: whole years, from not after to', { status: 400 });
  const { from, to } = period.data;
  const locale = (await getLocale()) as Locale;
  return parkFileResponse(slug, 'report.read', `${slug}-summary-${from}-${to}.${format}`, async ({ actor, park }) => {
    // parkScope checks report.read in the park again (without reading it again): the route never decides who may read.
    const reports = await getReportDb();
    const scope = await parkScope(reports, { actor, park, from, to });
    const kind = format as keyof typeof TYPES;
    if (kind === 'pdf') {
      const [summary, dynamics] = await Promise.all([getParkSummary(reports, { scope, locale }), getKpiDynamics(reports, { scope })]);
      return { body: await summaryToPdf(summary, dynamics.years, locale), contentType: TYPES.pdf };
    }
    const summary = await getParkSummary(reports, { scope, locale });
    const body =
      kind === 'xlsx' ? await summaryToXlsx(summary, locale) : kind === 'csv' ? summaryToCsv(summary, locale, csvDialectFor(locale)) : `${JSON.stringify(summary, null, 2)}\n`;
    return { body, contentType: TYPES[kind] };
  });
}
