import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { fundingSource, kpiStatus } from './enums';
import { parks } from './parks';
import { users } from './users';

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

/** A resident's yearly (quarter null) or quarterly figures. Only accepted annual reports count in the park's reports. */
export const kpiReports = pgTable(
  'kpi_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
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
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('kpi_reports_park_key').on(t.parkId, t.key),
    unique('kpi_reports_company_period').on(t.parkId, t.companyId, t.year, t.quarter).nullsNotDistinct(),
    index('kpi_reports_park_year_status').on(t.parkId, t.year, t.status),
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
    check('kpi_year_range', sql`${t.year} BETWEEN 1900 AND 2200`),
  ],
);

/** Every submitted version of a KPI report. */
export const kpiReportVersions = pgTable(
  'kpi_report_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => kpiReports.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('kpi_report_versions_report_version').on(t.reportId, t.version)],
);

export const budgetFunding = pgTable(
  'budget_funding',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    key: text('key'),
    year: integer('year').notNull(),
    source: fundingSource('source').notNull(),
    amountRub: money('amount_rub').notNull(),
    document: text('document'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('budget_funding_park_key').on(t.parkId, t.key),
    index('budget_funding_park_year').on(t.parkId, t.year),
    check('budget_funding_nonneg', sql`${t.amountRub} >= 0`),
    check('budget_funding_year_range', sql`${t.year} BETWEEN 1900 AND 2200`),
  ],
);

/**
 * The KPI reminders already sent: one row per park, company, report year and kind (before or after
 * the deadline). Inserting here first decides whether a reminder goes out, so none is sent twice.
 */
export const kpiReminders = pgTable(
  'kpi_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('kpi_reminders_once').on(t.parkId, t.companyId, t.year, t.kind),
    check('kpi_reminders_kind', sql`${t.kind} IN ('before', 'after')`),
  ],
);

export type KpiReport = typeof kpiReports.$inferSelect;
export type NewKpiReport = typeof kpiReports.$inferInsert;
export type BudgetFunding = typeof budgetFunding.$inferSelect;
