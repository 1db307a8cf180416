import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { pct } from '../money';
import type { DecimalString, ReportPeriod } from '../types';
import { money } from './scope';
import { reportScope, type PeriodArgs } from '../scope';

export interface KpiYear {
  year: number;
  jobsCreated: number;
  investmentRub: DecimalString;
  capitalInvestmentRub: DecimalString;
  incomeRub: DecimalString;
  taxesPaidRub: DecimalString;
  /** (company, year) pairs with a residency overlapping the year, as in the summary's `reporting`. */
  expected: number;
  accepted: number;
  pending: number;
  missing: number;
  /** accepted ÷ expected, percent; 0 when nobody was expected to report. */
  coveragePct: number;
}

type KpiYearRow = Omit<KpiYear, 'jobsCreated' | 'coveragePct'> & { jobs: string };

/** Every year of the period: the park's sums of accepted annual reports and who reported. */
export async function getKpiDynamics(db: DbOrTx, args: PeriodArgs): Promise<{ period: ReportPeriod; years: KpiYear[] }> {
  const { park, from, to } = await reportScope(db, args);
  const rows = await queryRows<KpiYearRow>(
    db,
    sql`
    WITH
    years AS (SELECT generate_series(${from}::int, ${to}::int) AS year),
    sums AS (
      SELECT year, sum(jobs_created) AS jobs, sum(investment_rub) AS inv, sum(capital_investment_rub) AS capex,
             sum(income_rub) AS income, sum(taxes_paid_rub) AS taxes
      FROM kpi_reports
      WHERE park_id = ${park.id} AND status = 'accepted' AND quarter IS NULL AND year BETWEEN ${from}::int AND ${to}::int
      GROUP BY year
    ),
    pairs AS (
      SELECT DISTINCT r.company_id, y.year
      FROM residencies r
      JOIN years y ON r.start_on <= make_date(y.year, 12, 31) AND (r.end_on IS NULL OR r.end_on >= make_date(y.year, 1, 1))
      WHERE r.park_id = ${park.id}
    ),
    coverage AS (
      SELECT p.year, count(*)::int AS expected,
             count(*) FILTER (WHERE k.status = 'accepted')::int AS accepted,
             count(*) FILTER (WHERE k.status = 'submitted')::int AS pending
      FROM pairs p
      LEFT JOIN kpi_reports k ON k.park_id = ${park.id} AND k.company_id = p.company_id AND k.year = p.year AND k.quarter IS NULL
      GROUP BY p.year
    )
    SELECT y.year, coalesce(s.jobs, 0)::text AS jobs,
           ${money(sql`s.inv`)} AS "investmentRub", ${money(sql`s.capex`)} AS "capitalInvestmentRub",
           ${money(sql`s.income`)} AS "incomeRub", ${money(sql`s.taxes`)} AS "taxesPaidRub",
           coalesce(c.expected, 0) AS expected, coalesce(c.accepted, 0) AS accepted, coalesce(c.pending, 0) AS pending
    FROM years y LEFT JOIN sums s ON s.year = y.year LEFT JOIN coverage c ON c.year = y.year
    ORDER BY y.year`,
  );
  return {
    period: { from, to },
    years: rows.map(({ jobs, ...r }) => ({
      year: r.year,
      jobsCreated: Number(jobs),
      investmentRub: r.investmentRub,
      capitalInvestmentRub: r.capitalInvestmentRub,
      incomeRub: r.incomeRub,
      taxesPaidRub: r.taxesPaidRub,
      expected: r.expected,
      accepted: r.accepted,
      pending: r.pending,
      missing: r.expected - r.accepted - r.pending,
      coveragePct: pct(BigInt(r.accepted), BigInt(r.expected)),
    })),
  };
}

export interface ReportingGap {
  year: number;
  companyKey: string | null;
  companyName: string;
  /** `pending`: submitted, awaiting acceptance; `returned`: sent back; `missing`: no annual report (or a draft). */
  state: 'pending' | 'returned' | 'missing';
}

/** Who has not (yet) an accepted annual report for a year of the period in which they were residents. */
export async function getReportingGaps(db: DbOrTx, args: PeriodArgs): Promise<ReportingGap[]> {
  const { park, from, to } = await reportScope(db, args);
  return queryRows<ReportingGap & Record<string, unknown>>(
    db,
    sql`
    WITH pairs AS (
      SELECT DISTINCT r.company_id, y.year
      FROM residencies r
      JOIN generate_series(${from}::int, ${to}::int) AS y(year)
        ON r.start_on <= make_date(y.year, 12, 31) AND (r.end_on IS NULL OR r.end_on >= make_date(y.year, 1, 1))
      WHERE r.park_id = ${park.id}
    )
    SELECT p.year, c.key AS "companyKey", c.name AS "companyName",
           CASE k.status WHEN 'submitted' THEN 'pending' WHEN 'returned' THEN 'returned' ELSE 'missing' END AS state
    FROM pairs p
    JOIN companies c ON c.id = p.company_id
    LEFT JOIN kpi_reports k ON k.park_id = ${park.id} AND k.company_id = p.company_id AND k.year = p.year AND k.quarter IS NULL
    WHERE k.status IS DISTINCT FROM 'accepted'
    ORDER BY p.year, c.name, c.id`,
  );
}
