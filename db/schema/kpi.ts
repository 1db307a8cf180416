import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, moment, money, ownedBy, requires, updatedAt, yearInRange } from './columns';
import { byUser, parkId, submittedVersion } from './owners';
import { companies } from './companies';
import { fundingSource, kpiStatus } from './enums';

/** A resident's yearly (quarter null) or quarterly figures. Only accepted annual reports count in the park's reports. */
export const kpiReports = pgTable(
  'kpi_reports',
  {
    id: id(),
    parkId: parkId(),
    companyId: requires('company_id', () => companies.id),
    key: text('key'),
    year: integer('year').notNull(),
    quarter: integer('quarter'),
    status: kpiStatus('status').notNull().default('draft'),
    jobsCreated: integer('jobs_created').notNull().default(0),
    headcount: integer('headcount'),
    investmentRub: money('investment_rub').notNull().default('0'),
    capitalInvestmentRub: money('capital_investment_rub').notNull().default('0'),
    incomeRub: money('income_rub').notNull().default('0'),
    taxesPaidRub: money('taxes_paid_rub').notNull().default('0'),
    rndSpendRub: money('rnd_spend_rub'),
    /** The manager's comment when the report was returned. */
    reviewComment: text('review_comment'),
    version: integer('version').notNull().default(0),
    submittedAt: moment('submitted_at'),
    reviewedAt: moment('reviewed_at'),
    reviewedBy: byUser('reviewed_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('kpi_reports_park_key').on(t.parkId, t.key),
    unique('kpi_reports_company_period').on(t.parkId, t.companyId, t.year, t.quarter).nullsNotDistinct(),
    index('kpi_reports_park_year_status').on(t.parkId, t.year, t.status),
    // A representative's reports, in every park (lib/kpi/list.ts), and a company's profile.
    index('kpi_reports_company').on(t.companyId),
    /**
     * Covers the park reports' sums of accepted annual reports (lib/reports/summary.ts, analytics.ts):
     * they read it with index-only scans instead of fetching a park's reports from all over the heap.
     */
    index('kpi_reports_park_accepted_annual')
      .on(t.parkId, t.year, t.companyId, t.jobsCreated, t.investmentRub, t.capitalInvestmentRub, t.incomeRub, t.taxesPaidRub)
      .where(sql`${t.status} = 'accepted' AND ${t.quarter} IS NULL`),
    check('kpi_capex_le_investment', sql`${t.capitalInvestmentRub} <= ${t.investmentRub}`),
    check(
      'kpi_nonneg',
      sql`${t.jobsCreated} >= 0 AND coalesce(${t.headcount}, 0) >= 0 AND ${t.investmentRub} >= 0 AND ${t.capitalInvestmentRub} >= 0 AND ${t.incomeRub} >= 0 AND ${t.taxesPaidRub} >= 0 AND coalesce(${t.rndSpendRub}, 0) >= 0`,
    ),
    check('kpi_quarter_range', sql`${t.quarter} IS NULL OR ${t.quarter} BETWEEN 1 AND 4`),
    yearInRange('kpi_year_range', t.year),
  ],
);

/** Every submitted version of a KPI report. */
export const kpiReportVersions = pgTable(
  'kpi_report_versions',
  {
    id: id(),
    reportId: ownedBy('report_id', () => kpiReports.id),
    ...submittedVersion(),
  },
  (t) => [unique('kpi_report_versions_report_version').on(t.reportId, t.version)],
);

export const budgetFunding = pgTable(
  'budget_funding',
  {
    id: id(),
    parkId: parkId(),
    key: text('key'),
    year: integer('year').notNull(),
    source: fundingSource('source').notNull(),
    amountRub: money('amount_rub').notNull(),
    document: text('document'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('budget_funding_park_key').on(t.parkId, t.key),
    index('budget_funding_park_year').on(t.parkId, t.year),
    check('budget_funding_nonneg', sql`${t.amountRub} >= 0`),
    yearInRange('budget_funding_year_range', t.year),
  ],
);

/**
 * The KPI reminders already sent: one row per park, company, report year and kind (before or after
 * the deadline). Inserting here first decides whether a reminder goes out, so none is sent twice.
 */
export const kpiReminders = pgTable(
  'kpi_reminders',
  {
    id: id(),
    parkId: parkId(),
    companyId: ownedBy('company_id', () => companies.id),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    sentAt: moment('sent_at').notNull().defaultNow(),
  },
  (t) => [
    unique('kpi_reminders_once').on(t.parkId, t.companyId, t.year, t.kind),
    check('kpi_reminders_kind', sql`${t.kind} IN ('before', 'after')`),
  ],
);

export type KpiReport = typeof kpiReports.$inferSelect;
export type NewKpiReport = typeof kpiReports.$inferInsert;
export type BudgetFunding = typeof budgetFunding.$inferSelect;
