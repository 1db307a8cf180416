/**
 * The JSON report formats described in docs/reports.md. They are a public
 * interface: change them only additively (a new optional field), never by
 * renaming a field or changing what it means.
 */

import { FUNDING_SOURCES, type FundingSource, type IndicatorDirection, type IndicatorValueKind } from '@/db/schema/values';
import type { Locale } from '@/lib/i18n/locales';

/**
 * An exact decimal amount of roubles (or of m²) with two decimals, e.g.
 * "11000000000.00". Kept as a string so no binary float ever touches money.
 */
export type DecimalString = string;

export const SUMMARY_FORMAT = 'technopark-summary/1';
export const INDICATORS_FORMAT = 'technopark-indicators/1';

/** The summary's budget lists every funding source, in this order. */
export const BUDGET_SOURCES = FUNDING_SOURCES;
export type BudgetSource = FundingSource;

/** A whole-year period FROM..TO, both inclusive. */
export interface ReportPeriod {
  from: number;
  to: number;
}

export interface SummaryArea {
  /** Area of premises available on the period's last day. */
  totalM2: DecimalString;
  /** Area of those premises under a lease active on the last day. */
  leasedM2: DecimalString;
  /** leasedM2 ÷ totalM2 in percent, one decimal, half away from zero; 0 when there is no area. */
  usePct: number;
}

/** Sums of accepted annual KPI reports. */
export interface SummaryKpiSums {
  investmentRub: DecimalString;
  capitalInvestmentRub: DecimalString;
  jobsCreated: number;
  incomeRub: DecimalString;
  taxesPaidRub: DecimalString;
}

export interface SummaryLastYear extends SummaryKpiSums {
  year: number;
}

export interface BudgetSourceShare {
  amountRub: DecimalString;
  /** Share of the budget total in percent, one decimal; 0 when the total is zero. */
  sharePct: number;
}

export interface SummaryBudget {
  /** All budget funding of the years up to the period's end. */
  totalRub: DecimalString;
  /** Every source is always present, with "0.00" and 0 when it gave nothing. */
  bySource: Record<BudgetSource, BudgetSourceShare>;
}

export interface SummaryPayback {
  /** Taxes of all years up to TO ÷ budget funding of all years up to TO, two decimals; null without funding. */
  taxesPerBudgetRub: number | null;
  /** The first year ≤ TO whose cumulative taxes reached the (positive) cumulative funding; null if none. */
  paybackYear: number | null;
}

export interface SummaryReporting {
  /** Pairs (company, year) with the year in the period and a residency overlapping that year. */
  expected: number;
  accepted: number;
  pending: number;
  missing: number;
}

/**
 * What the park's support of its residents was worth in the period (docs/reports.md, "Resident support"):
 * rent below the market rate and services below the market price. Each amount is rounded to kopecks
 * only at the end, from the exact sums.
 */
export interface SummarySupport {
  /** Over leases with both rates: max(0, market − resident rate) × area × 12 / 365 × the lease's days inside the period. */
  rentRub: DecimalString;
  /** Over requests done in the period: (unit market price − unit price) × quantity. */
  servicesRub: DecimalString;
  /** rentRub + servicesRub, of the exact sums. */
  totalRub: DecimalString;
  /** totals.taxesPaidRub ÷ the exact total, two decimals; null when the total is zero. */
  taxesPerSupportRub: number | null;
}

/** `technopark-summary/1`: the park summary for the whole years FROM..TO. */
export interface ParkSummary {
  format: typeof SUMMARY_FORMAT;
  park: { slug: string; name: string };
  period: ReportPeriod;
  /** Applications submitted in the period. */
  requests: number;
  /** Applications approved by the council in the period. */
  passedCouncil: number;
  /** Distinct companies with a tax-incentive grant dated in the period. */
  taxIncentiveResidents: number;
  /** Distinct companies whose residency overlaps the period. */
  residentsSupported: number;
  /** Of those, with an on-site residency that overlaps the period. */
  residentsSupportedOnSite: number;
  /** Distinct companies with a residency active on the last day. */
  residentsAtEnd: number;
  /** Of those, smeCategory micro, small or medium. */
  smeResidentsAtEnd: number;
  area: SummaryArea;
  totals: SummaryKpiSums;
  lastYear: SummaryLastYear;
  budget: SummaryBudget;
  payback: SummaryPayback;
  reporting: SummaryReporting;
  /** Added to the format additively: what the park's support of its residents was worth. */
  support: SummarySupport;
  /** The summary in words, in the report's language. */
  narrative: string;
}

export type { IndicatorDirection, IndicatorValueKind };
export type IndicatorStatus = 'achieved' | 'on_track' | 'off_track' | 'no_data';

export interface IndicatorValue {
  year: number;
  kind: IndicatorValueKind;
  value: number;
}

export interface YearValue {
  year: number;
  value: number;
}

/** The computed part of an indicator in `technopark-indicators/1`. */
export interface IndicatorStatusFields {
  /** The last actual value by year. */
  latest: YearValue | null;
  /** The target of the latest target year. */
  target: YearValue | null;
  /** Percent, two decimals, half away from zero. */
  requiredGrowthPct: number | null;
  /** Percent, two decimals, half away from zero. */
  growthSoFarPct: number | null;
  status: IndicatorStatus;
}

export interface IndicatorReportItem extends IndicatorStatusFields {
  key: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
}

/** `technopark-indicators/1`: an indicator programme's status. */
export interface IndicatorReport {
  format: typeof INDICATORS_FORMAT;
  programme: { key: string; name: string };
  indicators: IndicatorReportItem[];
}

/** The languages reports are written in: the product's. */
export type ReportLocale = Locale;
