import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, parksWhere } from '@/lib/auth/permissions';
import { getParkBySlug, type ParkDto } from '@/lib/parks/parks';
import { parseInput } from '@/lib/validation/parse';
import { parkPeriodSchema, periodSchema, type ParkPeriodInput } from '@/lib/validation/reports';
import { fromKopecks, pct, ratio, roundHalfAway, toKopecks } from './money';
import { periodDays } from './summary';
import { BUDGET_SOURCES, type BudgetSource, type DecimalString, type ReportPeriod } from './types';

/*
 * The analytics behind the summary page and the analysts' comparison (shared/spec/DOMAIN.md,
 * "Beyond the published summary" and "Across parks"). Same rules as the summary: only accepted
 * annual KPI reports count, dates are inclusive, every sum is taken in SQL scoped by park_id,
 * money and areas travel as exact decimal strings, percentages are rounded half away from zero
 * to one decimal and ratios to two.
 */

const money = (expr: SQL) => sql`round(coalesce(${expr}, 0), 2)::text`;
const share = (part: string, whole: string) => pct(toKopecks(part), toKopecks(whole));

type Scope = { park: ParkDto; from: number; to: number; firstDay: string; lastDay: string };

async function parkScope(db: DbOrTx, actor: Actor, input: ParkPeriodInput): Promise<Scope> {
  const { parkSlug, from, to } = parseInput(parkPeriodSchema, input);
  const park = await getParkBySlug(db, { actor, slug: parkSlug, action: 'report.read' });
  return { park, from, to, ...periodDays(from, to) };
}

type PeriodArgs = { actor: Actor } & ParkPeriodInput;

// ------------------------------------------------------------------ funnel

export type FunnelStepKey = 'submitted' | 'screened' | 'passedCouncil' | 'admitted' | 'incentive';

export interface FunnelStep {
  step: FunnelStepKey;
  count: number;
  /** Of the previous step, percent; null for the first step or when the previous step is empty. */
  conversionPct: number | null;
  /** Of the submitted applications, percent; 0 when none were submitted. */
  overallPct: number;
  /** Median days from the previous step to this one, one decimal; null for the first step or without cases. */
  medianDays: number | null;
}

export interface Funnel {
  period: ReportPeriod;
  steps: FunnelStep[];
}

type FunnelRow = {
  submitted: number;
  screened: number;
  passed: number;
  admitted: number;
  incentive: number;
  screened_days: number | string | null;
  passed_days: number | string | null;
  admitted_days: number | string | null;
  incentive_days: number | string | null;
};

/**
 * The applications submitted in the period (drafts never), followed through their later steps
 * whenever those happened: screened = accepted at screening (the first acceptance); passed council
 * = approved (the first approval); admitted = a residency linked to the application, or else the
 * company's first unlinked residency starting on or after the approval; incentive = the company's
 * first tax-incentive grant on or after the residency's start. Each step counts only applications
 * that reached the previous one, so the funnel never widens.
 */
export async function getFunnel(db: DbOrTx, { actor, ...input }: PeriodArgs): Promise<Funnel> {
  const { park, from, to, firstDay, lastDay } = await parkScope(db, actor, input);
  const median = (expr: SQL, from_: SQL) => sql`(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expr}) FROM ${from_})`;
  const [row] = await queryRows<FunnelRow>(
    db,
    sql`
    WITH
    cohort AS (
      SELECT a.id, a.company_id, a.submitted_on FROM applications a
      WHERE a.park_id = ${park.id} AND a.status <> 'draft' AND a.submitted_on BETWEEN ${firstDay}::date AND ${lastDay}::date
    ),
    screened AS (
      SELECT c.*, s.first_on AS screened_on FROM cohort c
      CROSS JOIN LATERAL (
        SELECT min(decided_on) AS first_on FROM screening_decisions s WHERE s.application_id = c.id AND s.outcome = 'accepted'
      ) s
      WHERE s.first_on IS NOT NULL
    ),
    passed AS (
      SELECT s.*, d.first_on AS approved_on FROM screened s
      CROSS JOIN LATERAL (
        SELECT min(decided_on) AS first_on FROM council_decisions d
        WHERE d.application_id = s.id AND d.park_id = ${park.id} AND d.decision = 'approved'
      ) d
      WHERE d.first_on IS NOT NULL
    ),
    admitted AS (
      SELECT p.*, r.start_on AS admitted_on FROM passed p
      CROSS JOIN LATERAL (
        SELECT r.start_on FROM residencies r
        WHERE r.park_id = ${park.id}
          AND (r.application_id = p.id OR (r.application_id IS NULL AND r.company_id = p.company_id AND r.start_on >= p.approved_on))
        ORDER BY (r.application_id IS NOT NULL) DESC, r.start_on
        LIMIT 1
      ) r
    ),
    incentive AS (
      SELECT a.*, t.first_on AS granted_on FROM admitted a
      CROSS JOIN LATERAL (
        SELECT min(granted_on) AS first_on FROM tax_incentives t
        WHERE t.park_id = ${park.id} AND t.company_id = a.company_id AND t.granted_on >= a.admitted_on
      ) t
      WHERE t.first_on IS NOT NULL
    )
    SELECT
      (SELECT count(*)::int FROM cohort) AS submitted,
      (SELECT count(*)::int FROM screened) AS screened,
      (SELECT count(*)::int FROM passed) AS passed,
      (SELECT count(*)::int FROM admitted) AS admitted,
      (SELECT count(*)::int FROM incentive) AS incentive,
      ${median(sql`screened_on - submitted_on`, sql`screened`)} AS screened_days,
      ${median(sql`approved_on - screened_on`, sql`passed`)} AS passed_days,
      ${median(sql`admitted_on - approved_on`, sql`admitted`)} AS admitted_days,
      ${median(sql`granted_on - admitted_on`, sql`incentive`)} AS incentive_days`,
  );
  const counts = [row.submitted, row.screened, row.passed, row.admitted, row.incentive];
  const days = [null, row.screened_days, row.passed_days, row.admitted_days, row.incentive_days];
  const keys: FunnelStepKey[] = ['submitted', 'screened', 'passedCouncil', 'admitted', 'incentive'];
  return {
    period: { from, to },
    steps: keys.map((step, i) => ({
      step,
      count: counts[i],
      conversionPct: i === 0 || counts[i - 1] === 0 ? null : pct(BigInt(counts[i]), BigInt(counts[i - 1])),
      overallPct: pct(BigInt(counts[i]), BigInt(counts[0])),
      medianDays: days[i] === null || days[i] === undefined ? null : roundHalfAway(Number(days[i]), 1),
    })),
  };
}

// ------------------------------------------------------------------ KPI dynamics

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
export async function getKpiDynamics(db: DbOrTx, { actor, ...input }: PeriodArgs): Promise<{ period: ReportPeriod; years: KpiYear[] }> {
  const { park, from, to } = await parkScope(db, actor, input);
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
export async function getReportingGaps(db: DbOrTx, { actor, ...input }: PeriodArgs): Promise<ReportingGap[]> {
  const { park, from, to } = await parkScope(db, actor, input);
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

// ------------------------------------------------------------------ occupancy

export interface AreaUse {
  totalM2: DecimalString;
  leasedM2: DecimalString;
  usePct: number;
}

export interface OccupancyMonth extends AreaUse {
  /** YYYY-MM */
  month: string;
  /** The month's last day, on which the figures are taken. */
  day: string;
  /** Leased area held by manufacturing residents. */
  manufacturingM2: DecimalString;
  /** manufacturingM2 ÷ leasedM2, percent; 0 without leased area. */
  manufacturingSharePct: number;
}

export interface Occupancy {
  period: ReportPeriod;
  parkType: ParkDto['type'];
  months: OccupancyMonth[];
  /** On the period's last day, per building and per kind of premises. */
  byBuilding: (AreaUse & { key: string; name: string })[];
  byKind: (AreaUse & { kind: string })[];
  /**
   * The industrial park rule: at least half of the leased area held by manufacturing residents,
   * on the period's last day. `applies` is true for industrial parks only.
   */
  manufacturingRule: { applies: boolean; leasedM2: DecimalString; manufacturingM2: DecimalString; sharePct: number; met: boolean };
}

type MonthRow = { day: string; total: string; leased: string; manufacturing: string };
type GroupRow = { building_key: string | null; building_name: string | null; kind: string | null; total: string; leased: string };

/** The premises available and leased on one day, with the lessee's manufacturing flag. */
function premisesOn(parkId: string, day: SQL) {
  return sql`
    premises p
    LEFT JOIN LATERAL (
      SELECT l.company_id FROM leases l
      WHERE l.premises_id = p.id AND l.park_id = ${parkId} AND l.start_on <= ${day} AND (l.end_on IS NULL OR l.end_on >= ${day})
      LIMIT 1
    ) l ON true
    LEFT JOIN companies c ON c.id = l.company_id`;
}

function availableOn(day: SQL) {
  return sql`(p.available_from IS NULL OR p.available_from <= ${day}) AND (p.available_to IS NULL OR p.available_to >= ${day})`;
}

/** Area in use on the last day of every month of the period, and by building and kind on the period's last day. */
export async function getOccupancy(db: DbOrTx, { actor, ...input }: PeriodArgs): Promise<Occupancy> {
  const { park, from, to, firstDay, lastDay } = await parkScope(db, actor, input);
  const months = await queryRows<MonthRow>(
    db,
    sql`
    WITH days AS (
      SELECT (m + interval '1 month' - interval '1 day')::date AS day
      FROM generate_series(${firstDay}::timestamp, ${lastDay}::timestamp, interval '1 month') AS g(m)
    )
    SELECT d.day::text AS day,
           ${money(sql`sum(p.area_m2)`)} AS total,
           ${money(sql`sum(p.area_m2) FILTER (WHERE l.company_id IS NOT NULL)`)} AS leased,
           ${money(sql`sum(p.area_m2) FILTER (WHERE c.manufacturing)`)} AS manufacturing
    FROM days d
    LEFT JOIN premises p ON p.park_id = ${park.id} AND ${availableOn(sql`d.day`)}
    LEFT JOIN LATERAL (
      SELECT l.company_id FROM leases l
      WHERE l.premises_id = p.id AND l.park_id = ${park.id} AND l.start_on <= d.day AND (l.end_on IS NULL OR l.end_on >= d.day)
      LIMIT 1
    ) l ON true
    LEFT JOIN companies c ON c.id = l.company_id
    GROUP BY d.day
    ORDER BY d.day`,
  );
  const last = sql`${lastDay}::date`;
  const groups = await queryRows<GroupRow>(
    db,
    sql`
    SELECT b.key AS building_key, b.name AS building_name, p.kind::text AS kind,
           ${money(sql`sum(p.area_m2)`)} AS total,
           ${money(sql`sum(p.area_m2) FILTER (WHERE l.company_id IS NOT NULL)`)} AS leased
    FROM ${premisesOn(park.id, last)}
    JOIN buildings b ON b.id = p.building_id
    WHERE p.park_id = ${park.id} AND ${availableOn(last)}
    GROUP BY GROUPING SETS ((b.key, b.name), (p.kind))
    ORDER BY b.key NULLS LAST, p.kind NULLS LAST`,
  );
  const use = (total: string, leased: string): AreaUse => ({ totalM2: total, leasedM2: leased, usePct: share(leased, total) });
  const monthly = months.map((m) => ({
    month: m.day.slice(0, 7),
    day: m.day,
    ...use(m.total, m.leased),
    manufacturingM2: m.manufacturing,
    manufacturingSharePct: share(m.manufacturing, m.leased),
  }));
  const end = monthly.at(-1)!;
  return {
    period: { from, to },
    parkType: park.type,
    months: monthly,
    byBuilding: groups.filter((g) => g.building_key !== null).map((g) => ({ key: g.building_key!, name: g.building_name!, ...use(g.total, g.leased) })),
    byKind: groups.filter((g) => g.kind !== null).map((g) => ({ kind: g.kind!, ...use(g.total, g.leased) })),
    manufacturingRule: {
      applies: park.type === 'industrial',
      leasedM2: end.leasedM2,
      manufacturingM2: end.manufacturingM2,
      sharePct: end.manufacturingSharePct,
      met: toKopecks(end.manufacturingM2) * 2n >= toKopecks(end.leasedM2),
    },
  };
}

// ------------------------------------------------------------------ budget and payback

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
export async function getBudgetAnalytics(db: DbOrTx, { actor, ...input }: PeriodArgs): Promise<BudgetAnalytics> {
  const { park, from, to } = await parkScope(db, actor, input);
  const funding = await queryRows<FundingRow>(
    db,
    sql`
    SELECT year,
           ${sql.join(
             BUDGET_SOURCES.map((s) => sql`${money(sql`sum(amount_rub) FILTER (WHERE source = ${s})`)} AS ${sql.identifier(s)}`),
             sql`, `,
           )}
    FROM budget_funding WHERE park_id = ${park.id} AND year <= ${to}::int
    GROUP BY year ORDER BY year`,
  );
  const payback = await queryRows<PaybackRow>(
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
  );
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

// ------------------------------------------------------------------ all of it

export interface ParkAnalytics {
  funnel: Funnel;
  kpi: { period: ReportPeriod; years: KpiYear[] };
  occupancy: Occupancy;
  budget: BudgetAnalytics;
}

/** Everything the summary page charts, for one park and period. */
export async function getParkAnalytics(db: DbOrTx, args: PeriodArgs): Promise<ParkAnalytics> {
  const funnel = await getFunnel(db, args);
  const kpi = await getKpiDynamics(db, args);
  const occupancy = await getOccupancy(db, args);
  const budget = await getBudgetAnalytics(db, args);
  return { funnel, kpi, occupancy, budget };
}

// ------------------------------------------------------------------ across parks

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
  jobsCreated: number;
  investmentRub: DecimalString;
  incomeRub: DecimalString;
  taxesPaidRub: DecimalString;
  /** All funding up to TO. */
  budgetRub: DecimalString;
  /** Taxes of all years up to TO ÷ budget funding up to TO, two decimals; null without funding. */
  taxesPerBudgetRub: number | null;
  paybackYear: number | null;
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
  jobs: string;
  investment: string;
  income: string;
  taxes: string;
  taxes_to_date: string;
  budget: string;
  payback_year: number | null;
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
           coalesce(k.jobs, 0)::text AS jobs, ${money(sql`k.investment`)} AS investment,
           ${money(sql`k.income`)} AS income, ${money(sql`k.taxes`)} AS taxes, ${money(sql`k.taxes_to_date`)} AS taxes_to_date,
           ${money(sql`b.amount`)} AS budget, pb.year AS payback_year
    FROM scope s
    LEFT JOIN supported sp ON sp.park_id = s.id
    LEFT JOIN at_end e ON e.park_id = s.id
    LEFT JOIN area a ON a.park_id = s.id
    LEFT JOIN kpi k ON k.park_id = s.id
    LEFT JOIN budget b ON b.park_id = s.id
    LEFT JOIN payback pb ON pb.park_id = s.id
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
        jobsCreated: Number(r.jobs),
        investmentRub: r.investment,
        incomeRub: r.income,
        taxesPaidRub: r.taxes,
        budgetRub: r.budget,
        taxesPerBudgetRub: budget > 0n ? ratio(toKopecks(r.taxes_to_date), budget) : null,
        paybackYear: r.payback_year === null ? null : Number(r.payback_year),
      };
    }),
    byYear,
    undatedParks: undated.n,
  };
}
