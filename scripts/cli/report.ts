import { getReportDb } from '@/db/client';
import { systemActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { getIndicatorReport } from '@/lib/reports/indicators';
import { indicatorsToCsv, indicatorsToXlsx } from '@/lib/export/indicators';
import { summaryToCsv, summaryToXlsx } from '@/lib/export/summary';
import { getParkSummary } from '@/lib/reports/summary';
import type { ReportLocale } from '@/lib/reports/types';
import { output, parse, required, UsageError, type Command } from './args';

const USAGE =
  'usage: report summary --park SLUG --from YEAR --to YEAR [--format json|csv|xlsx] [--locale en|ru] [--out FILE]\n' +
  '       report indicators --park SLUG --programme KEY [--format json|csv|xlsx] [--locale en|ru] [--out FILE]';

const FORMATS = ['json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

function format(value: string | undefined): Format {
  const f = value ?? 'json';
  if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  return f as Format;
}

function locale(value: string | undefined): ReportLocale {
  const l = value ?? 'en';
  if (l !== 'en' && l !== 'ru') throw new UsageError('--locale must be en or ru');
  return l;
}

function year(value: string | undefined, flag: string): number {
  const text = required(value, flag);
  if (!/^\d{1,4}$/.test(text)) throw new UsageError(`${flag} must be a year, e.g. 2016`);
  return Number(text);
}

/** A missing park or programme, named as the user typed it. */
function named(error: unknown, park: string, programme?: string): unknown {
  if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') return error;
  if (error.params?.what === 'programme') return new AppError('NOT_FOUND', `--programme ${programme}: no programme with key "${programme}" in park ${park}`);
  return new AppError('NOT_FOUND', `--park ${park}: no park with slug "${park}"`);
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The options every report takes: its format, the language of its labels, and where it goes. */
const OUTPUT_OPTIONS = { format: { type: 'string' }, locale: { type: 'string' }, out: { type: 'string' } } as const;

type ReportWriters<R> = { csv: (report: R, locale: ReportLocale) => string; xlsx: (report: R, locale: ReportLocale) => Promise<Buffer> };

/**
 * --format and --locale, checked after a command's own options, and the writing of its report by them to
 * --out or stdout: JSON as it is, CSV or XLSX by the report's writers.
 */
function reportOutput(values: { format?: string; locale?: string; out?: string }) {
  const fmt = format(values.format);
  const lang = locale(values.locale);
  return {
    locale: lang,
    async write<R>(report: R, writers: ReportWriters<R>) {
      if (fmt === 'csv') output(writers.csv(report, lang), values.out);
      else if (fmt === 'xlsx') output(await writers.xlsx(report, lang), values.out);
      else output(json(report), values.out);
    },
  };
}

/**
 * `report summary`: technopark-summary/1 for the whole years FROM..TO. Its CSV is part of the public
 * interface: commas and a decimal point whatever `--locale` (which words only the labels).
 */
const summary: Command = async (args) => {
  const { values } = parse(args, { park: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, ...OUTPUT_OPTIONS });
  const park = required(values.park, '--park');
  const from = year(values.from, '--from');
  const to = year(values.to, '--to');
  const out = reportOutput(values);
  const db = await getReportDb();
  const report = await getParkSummary(db, { actor: systemActor('cli'), parkSlug: park, from, to, locale: out.locale }).catch((error: unknown) => {
    throw named(error, park);
  });
  await out.write(report, { csv: summaryToCsv, xlsx: summaryToXlsx });
};

/** `report indicators`: technopark-indicators/1 for one programme of the park. */
const indicators: Command = async (args) => {
  const { values } = parse(args, { park: { type: 'string' }, programme: { type: 'string' }, ...OUTPUT_OPTIONS });
  const park = required(values.park, '--park');
  const programme = required(values.programme, '--programme');
  const out = reportOutput(values);
  const db = await getReportDb();
  const report = await getIndicatorReport(db, { actor: systemActor('cli'), parkSlug: park, programmeKey: programme }).catch((error: unknown) => {
    throw named(error, park, programme);
  });
  await out.write(report, { csv: indicatorsToCsv, xlsx: indicatorsToXlsx });
};

/** `report summary …` and `report indicators …` (docs/cli.md, "report summary" and "report indicators"). */
export const reportCommand: Command = async (args) => {
  const [sub, ...rest] = args;
  if (sub === 'summary') return summary(rest);
  if (sub === 'indicators') return indicators(rest);
  throw new UsageError(USAGE);
};
