import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';

export const MIN_REPORT_YEAR = 1900;
export const MAX_REPORT_YEAR = 2200;
/** The longest period a report covers, in whole years. */
export const MAX_REPORT_YEARS = 100;

const yearRange = `the year must be a whole year from ${MIN_REPORT_YEAR} to ${MAX_REPORT_YEAR}`;

/**
 * A whole year. Accepts a number or its decimal digits (query strings, CLI options) — never "",
 * "2010.5", "1e3" or " 2010".
 */
export const reportYearSchema = z
  .union([z.number(), z.string().regex(/^-?\d{1,6}$/, yearRange).transform(Number)], { error: yearRange })
  .pipe(z.number().int(yearRange).min(MIN_REPORT_YEAR, yearRange).max(MAX_REPORT_YEAR, yearRange));

export const reportLocaleSchema = z.enum(locales);

const parkSlug = z.string().min(1).max(100);

/** FROM ≤ TO and at most MAX_REPORT_YEARS whole years. */
function checkPeriod(ctx: { value: { from: number; to: number }; issues: unknown[] }) {
  const { from, to } = ctx.value;
  if (from > to) ctx.issues.push({ code: 'custom', input: ctx.value, path: ['to'], message: 'the period must not end before it starts' });
  else if (to - from + 1 > MAX_REPORT_YEARS)
    ctx.issues.push({ code: 'custom', input: ctx.value, path: ['to'], message: `the period may cover at most ${MAX_REPORT_YEARS} years` });
}

/** A park and a period of whole years FROM..TO, both inclusive. */
export const parkPeriodSchema = z.object({ parkSlug, from: reportYearSchema, to: reportYearSchema }).check(checkPeriod);

/** The park summary's input: a park, a period and the narrative's language. */
export const summaryQuerySchema = z
  .object({ parkSlug, from: reportYearSchema, to: reportYearSchema, locale: reportLocaleSchema.default('en') })
  .check(checkPeriod);

/** A period across the parks the actor may compare. */
export const periodSchema = z.object({ from: reportYearSchema, to: reportYearSchema }).check(checkPeriod);

export const programmeQuerySchema = z.object({ parkSlug, programmeKey: z.string().min(1).max(200) });

export type SummaryQueryInput = z.input<typeof summaryQuerySchema>;
export type ParkPeriodInput = z.input<typeof parkPeriodSchema>;
