import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, parksWhere } from '@/lib/auth/permissions';
import type { ParkDto } from '@/lib/parks/parks';
import { parseInput } from '@/lib/validation/parse';
import { periodSchema } from '@/lib/validation/reports';
import { ratio, toKopecks } from '../money';
import { periodDays } from '../scope';
import { supportFigures, supportItems } from '../support';
import type { DecimalString, ReportPeriod, SummarySupport } from '../types';
import type { AreaUse } from './occupancy-history';
import { availableOn, money, share } from './scope';

export interface ParkComparison {
  slug: string;
  name: string;
  region: string;
  type: ParkDto['type'];
  foundedOn: string | null;
  closedOn: string | null;
  residentsSupported: number;
  residentsAtEnd: number;
  smeResidentsAtEnd: number;
  area: AreaUse;
  /**
   * Accepted annual KPI reports of the period: with none, the residents' sums below are not zero but
   * unknown, and pages leave them empty.
   */
  reportsAccepted: number;
  jobsCreated: number;
  investmentRub: DecimalString;
  incomeRub: DecimalString;
  taxesPaidRub: DecimalString;
  /** All funding up to TO. */
  budgetRub: DecimalString;
  /** Taxes of all years up to TO ÷ budget funding up to TO, two decimals; null without funding. */
  taxesPerBudgetRub: number | null;
  paybackYear: number | null;
  /** The resident support of the period, as the park summary's `support` block (taxes of the period per rouble of it). */
  support: SummarySupport;
}

export interface ParksByYear {
  year: number;
  /** Parks founded in the year. */
  founded: number;
  /** Parks that stopped operating in the year. */
  closed: number;
  /** Parks operating at the year's end: founded by then and not closed on or before it. */
  operating: number;
}

export interface ParkComparisonReport {
  period: ReportPeriod;
  parks: ParkComparison[];
  byYear: ParksByYear[];
  /** Parks without a founding date, left out of byYear. */
  undatedParks: number;
}

type CompareRow = {
  slug: string;
  name: string;
  region: string;
  type: ParkDto['type'];
  founded_on: string | null;
  closed_on: string | null;
  supported: number;
  at_end: number;
  sme_at_end: number;
  area_total: string;
  area_leased: string;
  reports: number;
  jobs: string;
  investment: string;
  income: string;
  taxes: string;
  taxes_to_date: string;
  budget: string;
  payback_year: number | null;
  support_rent: string;
  support_services: string;
};

/**
 * The parks the actor may compare (`report.compare`), side by side for the whole years FROM..TO,
 * with the definitions of the park summary, and the count of parks founded, closed and operating
 * per year of the period (parks.founded_on, closed_on).
 */
export async function compareParks(db: DbOrTx, { actor, ...input }: { actor: Actor; from: number | string; to: number | string }): Promise<ParkComparisonReport> {
  const { from, to } = parseInput(periodSchema, input);
  assertCan(actor, 'report.compare');
  const { firstDay, lastDay } = periodDays(from, to);
  const allowed = parksWhere(actor, 'report.compare');
  if (allowed !== 'all' && allowed.length === 0) return { period: { from, to }, parks: [], byYear: [], undatedParks: 0 };
  const scope = allowed === 'all' ? sql`true` : sql`id IN (${sql.join(allowed.map((id) => sql`${id}::uuid`), sql`, `)})`;
  const first = sql`${firstDay}::date`;
  const last = sql`${lastDay}::date`;
  const toYear = sql`${to}::int`;
  const rows = await queryRows<CompareRow>(
    db,
    sql`
    WITH
    scope AS (SELECT id, slug, name, region, type, founded_on, closed_on FROM parks WHERE ${scope}),
    supported AS (
      SELECT park_id, count(DISTINCT company_id)::int AS n FROM residencies
      WHERE park_id IN (SELECT id FROM scope) AND start_on <= ${last} AND (end_on IS NULL OR end_on >= ${first})
      GROUP BY park_id
    ),
    at_end AS (
      SELECT r.park_id, count(DISTINCT r.company_id)::int AS n,
             count(DISTINCT r.company_id) FILTER (WHERE c.sme_category IN ('micro', 'small', 'medium'))::int AS sme
      FROM residencies r JOIN companies c ON c.id = r.company_id
      WHERE r.park_id IN (SELECT id FROM scope) AND r.start_on <= ${last} AND (r.end_on IS NULL OR r.end_on >= ${last})
      GROUP BY r.park_id
    ),
    area AS (
      SELECT p.park_id, sum(p.area_m2) AS total, sum(p.area_m2) FILTER (WHERE l.yes) AS leased
      FROM premises p
      LEFT JOIN LATERAL (
        SELECT true AS yes FROM leases l
        WHERE l.premises_id = p.id AND l.start_on <= ${last} AND (l.end_on IS NULL OR l.end_on >= ${last})
        LIMIT 1
      ) l ON true
      WHERE p.park_id IN (SELECT id FROM scope) AND ${availableOn(last)}
      GROUP BY p.park_id
    ),
    kpi AS (
      SELECT park_id,
             count(*) FILTER (WHERE year >= ${from}::int)::int AS reports,
             sum(jobs_created) FILTER (WHERE year >= ${from}::int) AS jobs,
             sum(investment_rub) FILTER (WHERE year >= ${from}::int) AS investment,
             sum(income_rub) FILTER (WHERE year >= ${from}::int) AS income,
             sum(taxes_paid_rub) FILTER (WHERE year >= ${from}::int) AS taxes,
             sum(taxes_paid_rub) AS taxes_to_date
      FROM kpi_reports
      WHERE park_id IN (SELECT id FROM scope) AND status = 'accepted' AND quarter IS NULL AND year <= ${toYear}
      GROUP BY park_id
    ),
    budget AS (
      SELECT park_id, sum(amount_rub) AS amount FROM budget_funding
      WHERE park_id IN (SELECT id FROM scope) AND year <= ${toYear}
      GROUP BY park_id
    ),
    yearly AS (
      SELECT park_id, year, sum(taxes) AS taxes, sum(funding) AS funding
      FROM (
        SELECT park_id, year, taxes_paid_rub AS taxes, 0::numeric AS funding FROM kpi_reports
        WHERE park_id IN (SELECT id FROM scope) AND status = 'accepted' AND quarter IS NULL AND year <= ${toYear}
        UNION ALL
        SELECT park_id, year, 0::numeric, amount_rub FROM budget_funding
        WHERE park_id IN (SELECT id FROM scope) AND year <= ${toYear}
      ) x
      GROUP BY park_id, year
    ),
    support AS (
      SELECT park_id, sum(rent_base)::text AS rent, sum(services)::text AS services
      FROM (${supportItems({ parks: sql`SELECT id FROM scope`, from, to })}) i
      GROUP BY park_id
    ),
    payback AS (
      SELECT park_id, min(year) AS year
      FROM (
        SELECT park_id, year,
               sum(taxes) OVER (PARTITION BY park_id ORDER BY year) AS taxes,
               sum(funding) OVER (PARTITION BY park_id ORDER BY year) AS funding
        FROM yearly
      ) c
      WHERE funding > 0 AND taxes >= funding
      GROUP BY park_id
    )
    SELECT s.slug, s.name, s.region, s.type, s.founded_on::text AS founded_on, s.closed_on::text AS closed_on,
           coalesce(sp.n, 0) AS supported, coalesce(e.n, 0) AS at_end, coalesce(e.sme, 0) AS sme_at_end,
           ${money(sql`a.total`)} AS area_total, ${money(sql`a.leased`)} AS area_leased,
           coalesce(k.reports, 0) AS reports, coalesce(k.jobs, 0)::text AS jobs, ${money(sql`k.investment`)} AS investment,
           ${money(sql`k.income`)} AS income, ${money(sql`k.taxes`)} AS taxes, ${money(sql`k.taxes_to_date`)} AS taxes_to_date,
           ${money(sql`b.amount`)} AS budget, pb.year AS payback_year,
           coalesce(su.rent, '0') AS support_rent, coalesce(su.services, '0') AS support_services
    FROM scope s
    LEFT JOIN supported sp ON sp.park_id = s.id
    LEFT JOIN at_end e ON e.park_id = s.id
    LEFT JOIN area a ON a.park_id = s.id
    LEFT JOIN kpi k ON k.park_id = s.id
    LEFT JOIN budget b ON b.park_id = s.id
    LEFT JOIN payback pb ON pb.park_id = s.id
    LEFT JOIN support su ON su.park_id = s.id
    ORDER BY s.name, s.slug`,
  );
  const byYear = await queryRows<ParksByYear & Record<string, unknown>>(
    db,
    sql`
    WITH scope AS (SELECT founded_on, closed_on FROM parks WHERE ${scope} AND founded_on IS NOT NULL)
    SELECT y.year,
           (SELECT count(*)::int FROM scope WHERE extract(year FROM founded_on) = y.year) AS founded,
           (SELECT count(*)::int FROM scope WHERE extract(year FROM closed_on) = y.year) AS closed,
           (SELECT count(*)::int FROM scope
             WHERE founded_on <= make_date(y.year, 12, 31) AND (closed_on IS NULL OR closed_on > make_date(y.year, 12, 31))) AS operating
    FROM generate_series(${from}::int, ${to}::int) AS y(year)
    ORDER BY y.year`,
  );
  const [undated] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM parks WHERE ${scope} AND founded_on IS NULL`);
  return {
    period: { from, to },
    parks: rows.map((r) => {
      const budget = toKopecks(r.budget);
      return {
        slug: r.slug,
        name: r.name,
        region: r.region,
        type: r.type,
        foundedOn: r.founded_on,
        closedOn: r.closed_on,
        residentsSupported: r.supported,
        residentsAtEnd: r.at_end,
        smeResidentsAtEnd: r.sme_at_end,
        area: { totalM2: r.area_total, leasedM2: r.area_leased, usePct: share(r.area_leased, r.area_total) },
        reportsAccepted: r.reports,
        jobsCreated: Number(r.jobs),
        investmentRub: r.investment,
        incomeRub: r.income,
        taxesPaidRub: r.taxes,
        budgetRub: r.budget,
        taxesPerBudgetRub: budget > 0n ? ratio(toKopecks(r.taxes_to_date), budget) : null,
        paybackYear: r.payback_year === null ? null : Number(r.payback_year),
        support: supportFigures(r.support_rent, r.support_services, r.taxes),
      };
    }),
    byYear,
    undatedParks: undated.n,
  };
}
