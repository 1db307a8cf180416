import { firstValue, type SearchParams } from '@/app/_server/search-params';
import type { ReportYears } from '@/lib/reports/report-years';
import { MAX_REPORT_YEARS, periodSchema, reportYearSchema } from '@/lib/validation/reports';

export type Period = { from: number; to: number };

/** The last seven complete years: a whole-year report never shows a year still running. */
export function defaultPeriod(currentYear: number): Period {
  return { from: currentYear - 7, to: currentYear - 1 };
}

/**
 * The period a report opens on: the last seven complete years, unless the residents' results of the
 * last complete year are not in yet (no accepted annual report for it); then the seven years up to the
 * last year with results, so the first view shows known figures rather than a wall of "missing". A park
 * without any accepted report opens on the last seven complete years.
 */
export function openingPeriod(currentYear: number, years: ReportYears): Period {
  const complete = defaultPeriod(currentYear);
  if (!years || years.lastReported === null || years.lastReported >= complete.to) return complete;
  const to = years.lastReported;
  return { from: Math.max(Math.min(years.first, to), to - 6), to };
}

/** What was wrong with the period in the address, so the page can say it. */
export type PeriodProblem = { kind: 'reversed'; from: number; to: number } | { kind: 'tooLong'; max: number } | { kind: 'notYears' };

/**
 * The period of `?from=&to=`, checked by the reports' own schema; without both, the default. An
 * invalid period falls back to the default and says what was wrong, so a hand-edited URL never shows
 * an error page nor a silently different period.
 */
export function readPeriod(search: SearchParams, fallback: Period): { period: Period; invalid: PeriodProblem | null } {
  const from = firstValue(search.from);
  const to = firstValue(search.to);
  if (from === undefined && to === undefined) return { period: fallback, invalid: null };
  const parsed = periodSchema.safeParse({ from: from ?? '', to: to ?? '' });
  if (parsed.success) return { period: { from: parsed.data.from, to: parsed.data.to }, invalid: null };
  const years = reportYearSchema.safeParse(from ?? '').success && reportYearSchema.safeParse(to ?? '').success ? { from: Number(from), to: Number(to) } : null;
  if (!years) return { period: fallback, invalid: { kind: 'notYears' } };
  return { period: fallback, invalid: years.from > years.to ? { kind: 'reversed', ...years } : { kind: 'tooLong', max: MAX_REPORT_YEARS } };
}

export type PresetKey = 'last7' | 'lastYear' | 'records7' | 'records';
export type Preset = Period & { key: PresetKey };

/**
 * Periods one click away: the last seven complete years, the last complete year and, from the park's
 * records, the seven years up to its last year with accepted annual reports (the demo Kuzbass park's
 * results end in 2016: 2010–2016) and all its years with records. Duplicates are dropped.
 */
export function periodPresets(currentYear: number, years: ReportYears): Preset[] {
  const last7 = defaultPeriod(currentYear);
  const presets: Preset[] = [{ key: 'last7', ...last7 }, { key: 'lastYear', from: currentYear - 1, to: currentYear - 1 }];
  if (years) {
    const last = Math.min(years.last, currentYear);
    const first = Math.min(years.first, last);
    if (years.lastReported !== null) {
      const reported = Math.min(years.lastReported, currentYear);
      presets.push({ key: 'records7', from: Math.max(first, reported - 6), to: reported });
    }
    presets.push({ key: 'records', from: first, to: last });
  }
  return presets.filter((p, i) => presets.findIndex((q) => q.from === p.from && q.to === p.to) === i);
}

/** The years a picker offers: from the earliest of the records, the period and fifteen years back, to this year. */
export function pickerYears(currentYear: number, period: Period, years: ReportYears): number[] {
  const first = Math.min(period.from, years?.first ?? currentYear, currentYear - 15);
  const last = Math.max(period.to, currentYear);
  return Array.from({ length: last - first + 1 }, (_, i) => last - i);
}

export const periodLabel = ({ from, to }: Period) => (from === to ? String(from) : `${from}–${to}`);
