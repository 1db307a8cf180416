import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { Actor } from '@/lib/auth/actor';
import { parseInput } from '@/lib/validation/parse';
import { reportLocaleSchema, summaryQuerySchema, type SummaryQueryInput } from '@/lib/validation/reports';
import { fromKopecks, pct, ratio, toKopecks } from './money';
import { parkScope, periodDays, reportScope, type ReportScope } from './scope';
import { summaryNarrative } from './summary-narrative';
import { supportFigures, supportItems } from './support';
import { BUDGET_SOURCES, SUMMARY_FORMAT, type BudgetSource, type BudgetSourceShare, type ParkSummary, type ReportLocale } from './types';

type SummaryRow = {
  requests: number;
  passed_council: number;
  tax_incentive_residents: number;
  residents_supported: number;
  residents_supported_on_site: number;
  residents_at_end: number;
  sme_residents_at_end: number;
  area_total: string;
  area_leased: string;
  investment: string;
  capital_investment: string;
  jobs: string;
  income: string;
  taxes: string;
  ly_investment: string;
  ly_capital_investment: string;
  ly_jobs: string;
  ly_income: string;
  ly_taxes: string;
  taxes_to_date: string;
  budget: Record<string, string> | string | null;
  payback_year: number | null;
  expected: number;
  accepted: number;
  pending: number;
  support_rent: string;
  support_services: string;
};

/**
 * The figures of `technopark-summary/1` for one park as ONE statement (one snapshot), every sum
 * taken in SQL over the park's rows through its park_id indexes. Money and areas come back as
 * exact decimal text (`round(…, 2)::text`); JS only divides the exact totals for percentages.
 */
export function summaryStatement(parkId: string, from: number, to: number): SQL {
  const { firstDay, lastDay } = periodDays(from, to);
  const first = sql`${firstDay}::date`;
  const last = sql`${lastDay}::date`;
  const fromYear = sql`${from}::int`;
  const toYear = sql`${to}::int`;
  const money = (expr: ReturnType<typeof sql>) => sql`round(coalesce(${expr}, 0), 2)::text`;
  return sql`
    WITH
    requests AS (
      SELECT count(*)::int AS n FROM applications
      WHERE park_id = ${parkId} AND status <> 'draft' AND submitted_on BETWEEN ${first} AND ${last}
    ),
    council AS (
      SELECT count(DISTINCT application_id)::int AS n FROM council_decisions
      WHERE park_id = ${parkId} AND decision = 'approved' AND decided_on BETWEEN ${first} AND ${last}
    ),
    incentives AS (
      SELECT count(DISTINCT company_id)::int AS n FROM tax_incentives
      WHERE park_id = ${parkId} AND granted_on BETWEEN ${first} AND ${last}
    ),
    supported AS (
      SELECT count(DISTINCT company_id)::int AS n,
             count(DISTINCT company_id) FILTER (WHERE placement = 'on_site')::int AS on_site
      FROM residencies
      WHERE park_id = ${parkId} AND start_on <= ${last} AND (end_on IS NULL OR end_on >= ${first})
    ),
    at_end AS (
      SELECT count(DISTINCT r.company_id)::int AS n,
             count(DISTINCT r.company_id) FILTER (WHERE c.sme_category IN ('micro', 'small', 'medium'))::int AS sme
      FROM residencies r JOIN companies c ON c.id = r.company_id
      WHERE r.park_id = ${parkId} AND r.start_on <= ${last} AND (r.end_on IS NULL OR r.end_on >= ${last})
    ),
    area AS (
      SELECT ${money(sql`sum(p.area_m2)`)} AS total,
             ${money(sql`sum(p.area_m2) FILTER (WHERE leased.yes)`)} AS leased
      FROM premises p
      LEFT JOIN LATERAL (
        SELECT true AS yes FROM leases l
        WHERE l.premises_id = p.id AND l.park_id = ${parkId} AND l.start_on <= ${last} AND (l.end_on IS NULL OR l.end_on >= ${last})
        LIMIT 1
      ) leased ON true
      WHERE p.park_id = ${parkId}
        AND (p.available_from IS NULL OR p.available_from <= ${last})
        AND (p.available_to IS NULL OR p.available_to >= ${last})
    ),
    kpi_years AS (
      SELECT year, sum(investment_rub) AS investment, sum(capital_investment_rub) AS capital_investment,
             sum(jobs_created) AS jobs, sum(income_rub) AS income, sum(taxes_paid_rub) AS taxes
      FROM kpi_reports
      WHERE park_id = ${parkId} AND status = 'accepted' AND quarter IS NULL AND year <= ${toYear}
      GROUP BY year
    ),
    kpi AS (
      SELECT ${money(sql`sum(investment) FILTER (WHERE year >= ${fromYear})`)} AS investment,
             ${money(sql`sum(capital_investment) FILTER (WHERE year >= ${fromYear})`)} AS capital_investment,
             coalesce(sum(jobs) FILTER (WHERE year >= ${fromYear}), 0)::text AS jobs,
             ${money(sql`sum(income) FILTER (WHERE year >= ${fromYear})`)} AS income,
             ${money(sql`sum(taxes) FILTER (WHERE year >= ${fromYear})`)} AS taxes,
             ${money(sql`sum(investment) FILTER (WHERE year = ${toYear})`)} AS ly_investment,
             ${money(sql`sum(capital_investment) FILTER (WHERE year = ${toYear})`)} AS ly_capital_investment,
             coalesce(sum(jobs) FILTER (WHERE year = ${toYear}), 0)::text AS ly_jobs,
             ${money(sql`sum(income) FILTER (WHERE year = ${toYear})`)} AS ly_income,
             ${money(sql`sum(taxes) FILTER (WHERE year = ${toYear})`)} AS ly_taxes,
             ${money(sql`sum(taxes)`)} AS taxes_to_date
      FROM kpi_years
    ),
    budget AS (
      SELECT json_object_agg(source, amount) AS by_source
      FROM (
        SELECT source::text AS source, round(sum(amount_rub), 2)::text AS amount
        FROM budget_funding WHERE park_id = ${parkId} AND year <= ${toYear}
        GROUP BY source
      ) s
    ),
    yearly AS (
      SELECT year, sum(taxes) AS taxes, sum(funding) AS funding
      FROM (
        SELECT year, taxes, 0::numeric AS funding FROM kpi_years
        UNION ALL
        SELECT year, 0::numeric, amount_rub FROM budget_funding
        WHERE park_id = ${parkId} AND year <= ${toYear}
      ) x
      GROUP BY year
    ),
    payback AS (
      SELECT min(year) AS year
      FROM (
        SELECT year, sum(taxes) OVER (ORDER BY year) AS taxes, sum(funding) OVER (ORDER BY year) AS funding FROM yearly
      ) c
      WHERE funding > 0 AND taxes >= funding
    ),
    pairs AS (
      SELECT DISTINCT r.company_id, y.year
      FROM residencies r
      JOIN generate_series(${fromYear}, ${toYear}) AS y(year)
        ON r.start_on <= make_date(y.year, 12, 31) AND (r.end_on IS NULL OR r.end_on >= make_date(y.year, 1, 1))
      WHERE r.park_id = ${parkId} AND r.start_on <= ${last} AND (r.end_on IS NULL OR r.end_on >= ${first})
    ),
    annual AS (
      -- At most one annual report per company and year (kpi_reports_company_period). Accepted ones
      -- come from the covering index kpi_reports_park_accepted_annual, submitted ones are few.
      SELECT company_id, year, 'accepted' AS status FROM kpi_reports
      WHERE park_id = ${parkId} AND status = 'accepted' AND quarter IS NULL AND year BETWEEN ${fromYear} AND ${toYear}
      UNION ALL
      SELECT company_id, year, 'submitted' FROM kpi_reports
      WHERE park_id = ${parkId} AND status = 'submitted' AND quarter IS NULL AND year BETWEEN ${fromYear} AND ${toYear}
    ),
    support AS (
      SELECT coalesce(sum(rent_base), 0)::text AS rent, coalesce(sum(services), 0)::text AS services
      FROM (${supportItems({ parks: sql`${parkId}::uuid`, from, to })}) i
    ),
    reporting AS (
      SELECT count(*)::int AS expected,
             count(*) FILTER (WHERE a.status = 'accepted')::int AS accepted,
             count(*) FILTER (WHERE a.status = 'submitted')::int AS pending
      FROM pairs p
      LEFT JOIN annual a ON a.company_id = p.company_id AND a.year = p.year
    )
    -- Scalar subqueries rather than a join of the single-row CTEs: no join order for the planner to search.
    SELECT (SELECT n FROM requests) AS requests,
           (SELECT n FROM council) AS passed_council,
           (SELECT n FROM incentives) AS tax_incentive_residents,
           (SELECT n FROM supported) AS residents_supported,
           (SELECT on_site FROM supported) AS residents_supported_on_site,
           (SELECT n FROM at_end) AS residents_at_end,
           (SELECT sme FROM at_end) AS sme_residents_at_end,
           (SELECT total FROM area) AS area_total,
           (SELECT leased FROM area) AS area_leased,
           (SELECT investment FROM kpi) AS investment,
           (SELECT capital_investment FROM kpi) AS capital_investment,
           (SELECT jobs FROM kpi) AS jobs,
           (SELECT income FROM kpi) AS income,
           (SELECT taxes FROM kpi) AS taxes,
           (SELECT ly_investment FROM kpi) AS ly_investment,
           (SELECT ly_capital_investment FROM kpi) AS ly_capital_investment,
           (SELECT ly_jobs FROM kpi) AS ly_jobs,
           (SELECT ly_income FROM kpi) AS ly_income,
           (SELECT ly_taxes FROM kpi) AS ly_taxes,
           (SELECT taxes_to_date FROM kpi) AS taxes_to_date,
           (SELECT by_source FROM budget) AS budget,
           (SELECT year FROM payback) AS payback_year,
           (SELECT expected FROM reporting) AS expected,
           (SELECT accepted FROM reporting) AS accepted,
           (SELECT pending FROM reporting) AS pending,
           (SELECT rent FROM support) AS support_rent,
           (SELECT services FROM support) AS support_services`;
}

async function querySummary(db: DbOrTx, parkId: string, from: number, to: number): Promise<SummaryRow> {
  const [row] = await queryRows<SummaryRow>(db, summaryStatement(parkId, from, to));
  return row;
}

/** json_object_agg arrives parsed (postgres.js, PGlite) — or as text where a driver leaves json alone. */
function budgetBySource(value: SummaryRow['budget']): Record<BudgetSource, bigint> {
  const raw: Record<string, string> = typeof value === 'string' ? JSON.parse(value) : (value ?? {});
  return Object.fromEntries(BUDGET_SOURCES.map((s) => [s, raw[s] ? toKopecks(raw[s]) : 0n])) as Record<BudgetSource, bigint>;
}

/**
 * The park summary `technopark-summary/1` for the whole years FROM..TO (docs/reports.md, "Park summary").
 * Needs `report.read` in the park; a park the actor may not read is "not found".
 *
 * Readings of the definitions where they leave a choice (docs/reports.md, "Summary definitions"): a request is an application
 * whose (first) submission date lies in the period and that is not a draft; a council decision
 * counts by its date, whenever the application was submitted, and an application approved twice
 * counts once; a tax-incentive grant counts by its grant date even if it was later revoked (it was
 * received); a residency, lease or premises availability is active on a day when it started on or
 * before it and ends (inclusive) on or after it, or never.
 */
export async function getParkSummary(
  db: DbOrTx,
  args: ({ actor: Actor } & SummaryQueryInput) | { scope: ReportScope; locale?: SummaryQueryInput['locale'] },
): Promise<ParkSummary> {
  let scope: ReportScope;
  let locale: ReportLocale;
  if ('scope' in args) {
    scope = await reportScope(db, args);
    locale = parseInput(reportLocaleSchema.default('en'), args.locale);
  } else {
    const { actor, ...input } = args;
    const parsed = parseInput(summaryQuerySchema, input);
    scope = await parkScope(db, { actor, parkSlug: parsed.parkSlug, from: parsed.from, to: parsed.to });
    locale = parsed.locale;
  }
  const { park, from, to } = scope;
  const row = await querySummary(db, park.id, from, to);

  const areaTotal = toKopecks(row.area_total);
  const areaLeased = toKopecks(row.area_leased);
  const budget = budgetBySource(row.budget);
  const budgetTotal = BUDGET_SOURCES.reduce((sum, s) => sum + budget[s], 0n);
  const bySource = Object.fromEntries(
    BUDGET_SOURCES.map((s): [BudgetSource, BudgetSourceShare] => [s, { amountRub: fromKopecks(budget[s]), sharePct: pct(budget[s], budgetTotal) }]),
  ) as Record<BudgetSource, BudgetSourceShare>;

  const figures: Omit<ParkSummary, 'narrative'> = {
    format: SUMMARY_FORMAT,
    park: { slug: park.slug, name: park.name },
    period: { from, to },
    requests: row.requests,
    passedCouncil: row.passed_council,
    taxIncentiveResidents: row.tax_incentive_residents,
    residentsSupported: row.residents_supported,
    residentsSupportedOnSite: row.residents_supported_on_site,
    residentsAtEnd: row.residents_at_end,
    smeResidentsAtEnd: row.sme_residents_at_end,
    area: { totalM2: row.area_total, leasedM2: row.area_leased, usePct: pct(areaLeased, areaTotal) },
    totals: {
      investmentRub: row.investment,
      capitalInvestmentRub: row.capital_investment,
      jobsCreated: Number(row.jobs),
      incomeRub: row.income,
      taxesPaidRub: row.taxes,
    },
    lastYear: {
      year: to,
      investmentRub: row.ly_investment,
      capitalInvestmentRub: row.ly_capital_investment,
      jobsCreated: Number(row.ly_jobs),
      incomeRub: row.ly_income,
      taxesPaidRub: row.ly_taxes,
    },
    budget: { totalRub: fromKopecks(budgetTotal), bySource },
    payback: {
      taxesPerBudgetRub: budgetTotal > 0n ? ratio(toKopecks(row.taxes_to_date), budgetTotal) : null,
      paybackYear: row.payback_year === null ? null : Number(row.payback_year),
    },
    reporting: {
      expected: row.expected,
      accepted: row.accepted,
      pending: row.pending,
      missing: row.expected - row.accepted - row.pending,
    },
    support: supportFigures(row.support_rent, row.support_services, row.taxes),
  };
  return { ...figures, narrative: summaryNarrative(figures, locale) };
}
