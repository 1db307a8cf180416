import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { pct, toKopecks, fromKopecks } from '@/lib/reports/money';
import { KPI_FIGURES, type KpiFigure } from '@/lib/validation/kpi';
import type { KpiFiguresDto } from './common';

/** A figure to compare against: what the base says, null where it says nothing (a plan has no taxes, say). */
export type ComparedFigures = Record<KpiFigure, string | number | null>;

/**
 * The report's figure minus the base's: the difference in the figure's own unit (roubles as an exact
 * decimal string, counts as whole numbers), and in percent of the base (one decimal, half away from
 * zero). Null where either side is missing; the percentage also where the base is zero.
 */
export type FigureDifference = { absolute: string | number | null; pct: number | null };
export type FigureDifferences = Record<KpiFigure, FigureDifference>;

export type KpiComparison = {
  /** The company's accepted report in this park for the year before (the same quarter, for a quarterly report). */
  previous: { reportId: string; year: number; quarter: number | null; figures: ComparedFigures; differences: FigureDifferences } | null;
  /**
   * The plan for the report's year in the application the company was admitted on (else its latest
   * approved application in the park), for an annual report. `figures` is null when that application
   * plans no such year.
   */
  plan: { applicationId: string; title: string; year: number; figures: ComparedFigures | null; differences: FigureDifferences | null } | null;
};

const isMoney = (figure: KpiFigure) => figure.endsWith('Rub');

/** Each figure of `report` against `base`, exactly (money as kopecks). */
export function figureDifferences(report: ComparedFigures, base: ComparedFigures): FigureDifferences {
  const scaled = (figure: KpiFigure, value: string | number) => (isMoney(figure) ? toKopecks(String(value)) : BigInt(value) * 100n);
  return Object.fromEntries(
    KPI_FIGURES.map((figure) => {
      const a = report[figure];
      const b = base[figure];
      if (a === null || b === null) return [figure, { absolute: null, pct: null }];
      const diff = scaled(figure, a) - scaled(figure, b);
      const whole = scaled(figure, b);
      const absolute = isMoney(figure) ? fromKopecks(diff) : Number(diff / 100n);
      return [figure, { absolute, pct: whole === 0n ? null : pct(diff, whole < 0n ? -whole : whole) }];
    }),
  ) as FigureDifferences;
}

/**
 * What a report is compared with on the manager's review screen. Called only for a report the actor
 * was already allowed to review (lib/kpi/review.ts), with its park and company.
 */
export async function comparisonFor(
  db: DbOrTx,
  report: { id: string; parkId: string; companyId: string; year: number; quarter: number | null; figures: KpiFiguresDto },
): Promise<KpiComparison> {
  const current = report.figures as ComparedFigures;
  const [previous] = await queryRows<KpiFiguresDto & { id: string; year: number; quarter: number | null }>(
    db,
    sql`SELECT id::text AS id, year, quarter, jobs_created AS "jobsCreated", headcount, investment_rub::text AS "investmentRub",
               capital_investment_rub::text AS "capitalInvestmentRub", income_rub::text AS "incomeRub", taxes_paid_rub::text AS "taxesPaidRub",
               rnd_spend_rub::text AS "rndSpendRub"
        FROM kpi_reports
        WHERE park_id = ${report.parkId} AND company_id = ${report.companyId} AND status = 'accepted'
          AND year = ${report.year - 1} AND quarter IS NOT DISTINCT FROM ${report.quarter}::int
        LIMIT 1`,
  );
  let plan: KpiComparison['plan'] = null;
  if (report.quarter === null) {
    // The application behind the residency that covers the year, else the company's latest approval here.
    const [source] = await queryRows<{ id: string; title: string }>(
      db,
      sql`SELECT a.id::text AS id, a.title FROM applications a
          LEFT JOIN residencies r ON r.application_id = a.id AND r.park_id = a.park_id
               AND r.start_on <= make_date(${report.year}::int, 12, 31) AND (r.end_on IS NULL OR r.end_on >= make_date(${report.year}::int, 1, 1))
          WHERE a.park_id = ${report.parkId} AND a.company_id = ${report.companyId}
            AND (r.id IS NOT NULL OR a.status = 'approved')
          ORDER BY (r.id IS NOT NULL) DESC, r.start_on DESC NULLS LAST, a.submitted_on DESC NULLS LAST, a.id
          LIMIT 1`,
    );
    if (source) {
      const [year] = await queryRows<{ investmentRub: string; capitalInvestmentRub: string; newJobs: number; incomeRub: string }>(
        db,
        sql`SELECT investment_rub::text AS "investmentRub", capital_investment_rub::text AS "capitalInvestmentRub", new_jobs AS "newJobs", income_rub::text AS "incomeRub"
            FROM application_plan_years WHERE application_id = ${source.id} AND year = ${report.year}`,
      );
      const figures: ComparedFigures | null = year
        ? {
            jobsCreated: Number(year.newJobs),
            headcount: null,
            investmentRub: year.investmentRub,
            capitalInvestmentRub: year.capitalInvestmentRub,
            incomeRub: year.incomeRub,
            taxesPaidRub: null,
            rndSpendRub: null,
          }
        : null;
      plan = { applicationId: source.id, title: source.title, year: report.year, figures, differences: figures && figureDifferences(current, figures) };
    }
  }
  return {
    previous: previous
      ? (() => {
          const { id, year, quarter, ...figures } = previous;
          const base = { ...figures, jobsCreated: Number(figures.jobsCreated), headcount: figures.headcount === null ? null : Number(figures.headcount) } as ComparedFigures;
          return { reportId: id, year: Number(year), quarter: quarter === null ? null : Number(quarter), figures: base, differences: figureDifferences(current, base) };
        })()
      : null,
    plan,
  };
}
