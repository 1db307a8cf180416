import { roundHalfAway } from './money';
import {
  INDICATORS_FORMAT,
  type IndicatorDirection,
  type IndicatorReport,
  type IndicatorStatus,
  type IndicatorStatusFields,
  type IndicatorValue,
  type YearValue,
} from './types';

export interface IndicatorStatusInput {
  direction: IndicatorDirection;
  values: readonly IndicatorValue[];
}

/** An indicator of a programme as stored: its identity and its yearly series. */
export interface IndicatorInput extends IndicatorStatusInput {
  key: string;
  name: string;
  unit: string;
}

// Fractional powers carry float noise in the last bits; a growth rate that
// equals the required one mathematically must not come out "off track".
const GROWTH_TOLERANCE = 1e-12;

/**
 * The indicator's figures and status by the rule of docs/reports.md ("Indicator status").
 *
 * - latest: the actual of the latest year; target: the target of the latest
 *   target year. If a year holds several values of one kind, the last one
 *   listed counts; non-finite values are ignored as if missing.
 * - requiredGrowthPct = (target ÷ latest)^(1 ÷ (target year − latest year)) − 1
 *   and growthSoFarPct = (latest ÷ first)^(1 ÷ (latest year − first year)) − 1,
 *   in percent with two decimals. Each is reported whenever it can be computed,
 *   for an achieved indicator too (a negative required growth says how much
 *   slack there is). It is null when it cannot: no target after the latest
 *   actual, fewer than two actuals, or a ratio with a non-positive base or a
 *   negative value (the geometric rate does not exist there).
 *
 * Status, in this order:
 * 1. no_data without an actual or without a target: nothing to measure.
 * 2. achieved when the latest actual meets the target (≥ for higher-is-better,
 *    ≤ for lower-is-better). This holds even with a single actual: a met
 *    target is met, however short the series.
 * 3. no_data with fewer than two actuals (no growth so far to compare).
 * 4. off_track when the target year is not after the latest actual's year:
 *    the deadline has come and the target is not met.
 * 5. off_track when either growth rate cannot be computed (zero or negative
 *    values): on track must be shown by the rule, and here it cannot be.
 * 6. on_track when the growth so far is at least the required growth (for
 *    lower-is-better, at most: the value must fall at least as fast), else
 *    off_track.
 * The output never holds NaN or Infinity.
 */
export function computeIndicatorStatus({ direction, values }: IndicatorStatusInput): IndicatorStatusFields {
  const actuals = seriesOf(values, 'actual');
  const targets = seriesOf(values, 'target');
  const first = actuals[0];
  const latest = actuals.at(-1) ?? null;
  const target = targets.at(-1) ?? null;

  const requiredGrowth =
    latest && target && target.year > latest.year
      ? yearlyGrowth(latest.value, target.value, target.year - latest.year)
      : null;
  const growthSoFar =
    latest && actuals.length >= 2 ? yearlyGrowth(first.value, latest.value, latest.year - first.year) : null;

  return {
    latest,
    target,
    requiredGrowthPct: asPercent(requiredGrowth),
    growthSoFarPct: asPercent(growthSoFar),
    status: decideStatus(),
  };

  function decideStatus(): IndicatorStatus {
    if (!latest || !target) return 'no_data';
    const met = direction === 'higher' ? latest.value >= target.value : latest.value <= target.value;
    if (met) return 'achieved';
    if (actuals.length < 2) return 'no_data';
    if (requiredGrowth === null || growthSoFar === null) return 'off_track';
    const tolerance = GROWTH_TOLERANCE * Math.max(1, Math.abs(requiredGrowth), Math.abs(growthSoFar));
    const onTrack =
      direction === 'higher'
        ? growthSoFar >= requiredGrowth - tolerance
        : growthSoFar <= requiredGrowth + tolerance;
    return onTrack ? 'on_track' : 'off_track';
  }
}

/** The report of a programme: its indicators in the order given. */
export function buildIndicatorReport(
  programme: { key: string; name: string },
  indicators: readonly IndicatorInput[],
): IndicatorReport {
  return {
    format: INDICATORS_FORMAT,
    programme: { key: programme.key, name: programme.name },
    indicators: indicators.map((indicator) => ({
      key: indicator.key,
      name: indicator.name,
      unit: indicator.unit,
      direction: indicator.direction,
      ...computeIndicatorStatus(indicator),
    })),
  };
}

/** One value per year of the given kind, ascending by year. */
function seriesOf(values: readonly IndicatorValue[], kind: IndicatorValue['kind']): YearValue[] {
  const byYear = new Map<number, number>();
  for (const v of values) {
    if (v.kind === kind && Number.isFinite(v.value) && Number.isInteger(v.year)) byYear.set(v.year, v.value);
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, value]) => ({ year, value }));
}

/** The constant yearly rate that takes `from` to `to` in `years` years, or null where none exists. */
function yearlyGrowth(from: number, to: number, years: number): number | null {
  if (years <= 0 || from <= 0 || to < 0) return null;
  const growth = Math.pow(to / from, 1 / years) - 1;
  return Number.isFinite(growth) ? growth : null;
}

function asPercent(growth: number | null): number | null {
  if (growth === null) return null;
  const percent = growth * 100;
  return Number.isFinite(percent) ? roundHalfAway(percent, 2) : null;
}

/** What a page shows for an indicator: the contract's status, or that its target year has passed without an actual. */
export type ShownIndicatorStatus = IndicatorStatus | 'target_year_no_data';

/**
 * The status a reader is shown in `currentYear`. The report's status (the contract's, in every export)
 * projects the trend to the target year; once that year is over with no actual for it, the projection
 * can no longer be checked, so the page says "no data for the target year" instead, with the trend
 * beside it. An achieved indicator stays achieved.
 */
export function shownIndicatorStatus(indicator: Pick<IndicatorStatusFields, 'status' | 'latest' | 'target'>, currentYear: number): ShownIndicatorStatus {
  const { status, latest, target } = indicator;
  if ((status === 'on_track' || status === 'off_track') && target && latest && target.year < currentYear && latest.year < target.year) return 'target_year_no_data';
  return status;
}
