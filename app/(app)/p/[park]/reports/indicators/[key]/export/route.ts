import type { NextRequest } from 'next/server';
import { getLocale } from 'next-intl/server';
import { parkFileResponse } from '@/app/_server/file-response';
import { csvDialectFor, CSV_TYPE } from '@/lib/export/csv';
import { indicatorsToCsv, indicatorsToXlsx } from '@/lib/export/indicators';
import { XLSX_TYPE } from '@/lib/export/xlsx';
import type { Locale } from '@/lib/i18n/locales';
import { getIndicatorReport } from '@/lib/reports/indicators';
import { indicatorsToPdf } from '@/lib/export/report-pdf';
import { getProgrammeGrid } from '@/lib/programmes/programmes';
import { todayIso } from '@/lib/dates';
import { getReportDb } from '@/db/client';

const TYPES = { xlsx: XLSX_TYPE, csv: CSV_TYPE, json: 'application/json; charset=utf-8', pdf: 'application/pdf' } as const;

/** An indicator programme's status report as XLSX, CSV (the reader's regional dialect), JSON (`technopark-indicators/1`) or a PDF document. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ park: string; key: string }> }) {
  const { park: slug, key } = await params;
  const format = request.nextUrl.searchParams.get('format') ?? 'xlsx';
  if (!(format in TYPES)) return new Response('format: must be xlsx, csv, json or pdf', { status: 400 });
  const locale = (await getLocale()) as Locale;
  const kind = format as keyof typeof TYPES;
  const fileKey = key.replace(/[^A-Za-z0-9._-]+/g, '_');
  return parkFileResponse(slug, 'report.read', `${slug}-${fileKey}-indicators.${kind}`, async ({ actor, db, park }) => {
    // A programme of another park, like a missing one, is "not found" (answered 404).
    const report = await getIndicatorReport(await getReportDb(), { actor, parkSlug: park.slug, programmeKey: key });
    if (kind === 'pdf') {
      const grid = await getProgrammeGrid(db, { actor, parkId: park.id, key });
      const series = new Map(grid.indicators.map((i) => [i.key, Object.entries(i.values).map(([k, v]) => ({ year: Number(k.split(':')[0]), kind: k.split(':')[1] as 'actual' | 'target', value: Number(v) }))]));
      return { body: await indicatorsToPdf(report, series, { locale, park: park.name, currentYear: Number(todayIso(park.timeZone).slice(0, 4)) }), contentType: TYPES.pdf };
    }
    const body =
      kind === 'xlsx' ? await indicatorsToXlsx(report, locale) : kind === 'csv' ? indicatorsToCsv(report, locale, csvDialectFor(locale)) : `${JSON.stringify(report, null, 2)}\n`;
    return { body, contentType: TYPES[kind] };
  });
}
