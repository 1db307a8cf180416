import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { fromKopecks, ratio, toKopecks } from '../money';
import { BUDGET_SOURCES, type BudgetSource, type DecimalString, type ReportPeriod } from '../types';
import { money } from './scope';
import { reportScope, type PeriodArgs } from '../scope';

export interface FundingYear {
  year: number;
  totalRub: DecimalString;
  bySource: Record<BudgetSource, DecimalString>;
}

export interface PaybackYear {
  year: number;
  taxesRub: DecimalString;
  budgetRub: DecimalString;
  cumulativeTaxesRub: DecimalString;
  cumulativeBudgetRub: DecimalString;
  /** Cumulative taxes ÷ cumulative budget funding, two decimals; null while no funding. */
  taxesPerBudgetRub: number | null;
}

export interface BudgetAnalytics {
  period: ReportPeriod;
  /** Funding of every year up to TO that received any, by source. */
  funding: FundingYear[];
  /** Every year from the first with taxes or funding up to TO. */
  payback: PaybackYear[];
  /** As in the summary: the first year whose cumulative taxes reached the (positive) cumulative funding. */
  paybackYear: number | null;
}

type FundingRow = { year: number } & Record<BudgetSource, string>;
type PaybackRow = { year: number; taxes: string; budget: string; cum_taxes: string; cum_budget: string };

/** Budget funding by source and year, and residents' cumulative taxes against it, up to the period's end. */
export async function getBudgetAnalytics(db: DbOrTx, args: PeriodArgs): Promise<BudgetAnalytics> {
  const { park, from, to } = await reportScope(db, args);
  // Independent statements: sent at once.
  const [funding, payback] = await Promise.all([
    queryRows<FundingRow>(
      db,
      sql`
      SELECT year,
             ${sql.join(
               BUDGET_SOURCES.map((s) => sql`${money(sql`sum(amount_rub) FILTER (WHERE source = ${s})`)} AS ${sql.identifier(s)}`),
               sql`, `,
             )}
      FROM budget_funding WHERE park_id = ${park.id} AND year <= ${to}::int
      GROUP BY year ORDER BY year`,
    ),
    queryRows<PaybackRow>(
      db,
      sql`
      WITH
      taxes AS (
        SELECT year, sum(taxes_paid_rub) AS amount FROM kpi_reports
        WHERE park_id = ${park.id} AND status = 'accepted' AND quarter IS NULL AND year <= ${to}::int
        GROUP BY year
    ),
      budget AS (
        SELECT year, sum(amount_rub) AS amount FROM budget_funding WHERE park_id = ${park.id} AND year <= ${to}::int GROUP BY year
    ),
      years AS (
        SELECT generate_series(least((SELECT min(year) FROM taxes), (SELECT min(year) FROM budget)), ${to}::int) AS year
      )
      SELECT y.year, ${money(sql`t.amount`)} AS taxes, ${money(sql`b.amount`)} AS budget,
             ${money(sql`sum(coalesce(t.amount, 0)) OVER (ORDER BY y.year)`)} AS cum_taxes,
             ${money(sql`sum(coalesce(b.amount, 0)) OVER (ORDER BY y.year)`)} AS cum_budget
      FROM years y LEFT JOIN taxes t ON t.year = y.year LEFT JOIN budget b ON b.year = y.year
      ORDER BY y.year`,
    ),
  ]);
  const series = payback.map((r) => {
    const cumBudget = toKopecks(r.cum_budget);
    return {
      year: r.year,
      taxesRub: r.taxes,
      budgetRub: r.budget,
      cumulativeTaxesRub: r.cum_taxes,
      cumulativeBudgetRub: r.cum_budget,
      taxesPerBudgetRub: cumBudget > 0n ? ratio(toKopecks(r.cum_taxes), cumBudget) : null,
    };
  });
  const reached = series.find((y) => toKopecks(y.cumulativeBudgetRub) > 0n && toKopecks(y.cumulativeTaxesRub) >= toKopecks(y.cumulativeBudgetRub));
  return {
    period: { from, to },
    funding: funding.map((r) => {
      const total = BUDGET_SOURCES.reduce((sum, s) => sum + toKopecks(r[s]), 0n);
      return {
        year: r.year,
        totalRub: fromKopecks(total),
        bySource: Object.fromEntries(BUDGET_SOURCES.map((s) => [s, r[s]])) as Record<BudgetSource, DecimalString>,
      };
    }),
    payback: series,
    paybackYear: reached?.year ?? null,
  };
}
