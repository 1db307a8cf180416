import type { NextRequest } from 'next/server';
import { getLocale } from 'next-intl/server';
import { parkFileResponse } from '@/app/_server/file-response';
import { csvDialectFor, CSV_TYPE } from '@/lib/export/csv';
import { indicatorsToCsv, indicatorsToXlsx } from '@/lib/export/indicators';
import { XLSX_TYPE } from '@/lib/export/xlsx';
import type { Locale } from '@/lib/i18n/locales';
import { getIndicatorReport } from '@/lib/reports/indicators';
import { getReportDb } from '@/db/client';

const TYPES = { xlsx: XLSX_TYPE, csv: CSV_TYPE, json: 'application/json; charset=utf-8' } as const;

/** An indicator programme's status report as XLSX, CSV (the reader's regional dialect) or JSON (`technopark-indicators/1`). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ park: string; key: string }> }) {
  const { park: slug, key } = await params;
  const format = request.nextUrl.searchParams.get('format') ?? 'xlsx';
  if (!(format in TYPES)) return new Response('format: must be xlsx, csv or json', { status: 400 });
  const locale = (await getLocale()) as Locale;
  const kind = format as keyof typeof TYPES;
  const fileKey = key.replace(/[^A-Za-z0-9._-]+/g, '_');
  return parkFileResponse(slug, 'report.read', `${slug}-${fileKey}-indicators.${kind}`, async ({ actor, park }) => {
    // A programme of another park, like a missing one, is "not found" (answered 404).
    const report = await getIndicatorReport(await getReportDb(), { actor, parkSlug: park.slug, programmeKey: key });
    const body =
      kind === 'xlsx' ? await indicatorsToXlsx(report, locale) : kind === 'csv' ? indicatorsToCsv(report, locale, csvDialectFor(locale)) : `${JSON.stringify(report, null, 2)}\n`;
    return { body, contentType: TYPES[kind] };
  });
}
