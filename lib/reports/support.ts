import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { SERVICE_KINDS, type ServiceKind } from '@/db/schema/values';
import { divideRounded, fromKopecks, ratio, toKopecks } from './money';
import { reportScope, type PeriodArgs } from './scope';
import type { DecimalString, ReportPeriod, SummarySupport } from './types';

/*
 * What the park's support to its residents is worth (docs/reports.md, "Resident support"), defined ONCE
 * here and read by the park summary, the cross-park comparison, the resident's profile and the chart by
 * kind: each of them sums the rows of supportItems() their own way (all, by park, by year, by kind).
 */

/** Where support is counted: the parks (a set expression: one id, or a subquery), a company within them, whole years. */
export type SupportFilter = {
  /** `l.park_id IN (…)`: `sql\`${id}::uuid\`` or `sql\`SELECT id FROM scope\``. */
  parks: SQL;
  companyId?: string;
  from: number;
  to: number;
};

/**
 * One row per lease and year (kind `rent`) and per done request (its service's kind), over the years
 * FROM..TO: `park_id`, `company_id`, `year`, `kind`, and two exact sums of at most four decimals —
 * `rent_base` = max(0, market − rate) × m² × the lease's days inside that year (both ends inclusive;
 * the × 12 / 365 is applied to the total, outside SQL's division, by supportFigures) and
 * `services` = (unit market price − unit price) × quantity, of requests whose doneOn lies in the year.
 * Summing rent_base over a period's years counts each lease day once, as the period itself would.
 */
export function supportItems({ parks, companyId, from, to }: SupportFilter): SQL {
  const company = (column: SQL) => (companyId ? sql`AND ${column} = ${companyId}::uuid` : sql``);
  return sql`
    SELECT l.park_id, l.company_id, y.year, 'rent'::text AS kind,
           greatest(l.market_rate_rub_per_m2_month - l.rate_rub_per_m2_month, 0) * p.area_m2
             * (least(coalesce(l.end_on, make_date(y.year, 12, 31)), make_date(y.year, 12, 31)) - greatest(l.start_on, make_date(y.year, 1, 1)) + 1) AS rent_base,
           0::numeric AS services
    FROM leases l
    JOIN premises p ON p.id = l.premises_id
    JOIN generate_series(${from}::int, ${to}::int) AS y(year)
      ON l.start_on <= make_date(y.year, 12, 31) AND (l.end_on IS NULL OR l.end_on >= make_date(y.year, 1, 1))
    WHERE l.park_id IN (${parks}) ${company(sql`l.company_id`)}
      AND l.rate_rub_per_m2_month IS NOT NULL AND l.market_rate_rub_per_m2_month IS NOT NULL
    UNION ALL
    SELECT sr.park_id, sr.company_id, extract(year FROM sr.done_on)::int, s.kind::text, 0::numeric,
           (sr.unit_market_price_rub - sr.unit_price_rub) * sr.quantity
    FROM service_requests sr
    JOIN services s ON s.id = sr.service_id
    WHERE sr.park_id IN (${parks}) ${company(sql`sr.company_id`)}
      AND sr.status = 'done' AND sr.done_on BETWEEN make_date(${from}::int, 1, 1) AND make_date(${to}::int, 12, 31)`;
}

/** The exact decimal text `"-12.3456"` in units of 10^-SUPPORT_SCALE (at most that many decimals). */
const SUPPORT_SCALE = 4;
const PER_KOPECK = 10n ** BigInt(SUPPORT_SCALE - 2);
function toScaled(text: string): bigint {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match || (match[3] ?? '').length > SUPPORT_SCALE) throw new RangeError(`unexpected support sum "${text}"`);
  const value = BigInt(match[2] + (match[3] ?? '').padEnd(SUPPORT_SCALE, '0'));
  return match[1] ? -value : value;
}

/** The rent support in roubles of an exact rent_base sum (× 12 / 365, rounded once to kopecks). */
export function rentRubOf(rentBase: string): DecimalString {
  return fromKopecks(divideRounded(12n * toScaled(rentBase), 365n * PER_KOPECK));
}

/** The services support in roubles of an exact services sum (rounded once to kopecks). */
export function servicesRubOf(services: string): DecimalString {
  return fromKopecks(divideRounded(toScaled(services), PER_KOPECK));
}

/**
 * The support block from the exact sums of supportItems: `rentBase` = Σ rent_base, `services` = Σ services.
 * Every figure is one exact rational rounded once, half away from zero: rent = 12·R / 365,
 * total = (12·R + 365·S) / 365, taxes per rouble = taxes · 365 / (12·R + 365·S).
 */
export function supportFigures(rentBase: string, services: string, taxesRub: string): SummarySupport {
  const r = toScaled(rentBase);
  const s = toScaled(services);
  const total365 = 12n * r + 365n * s;
  return {
    rentRub: rentRubOf(rentBase),
    servicesRub: servicesRubOf(services),
    totalRub: fromKopecks(divideRounded(total365, 365n * PER_KOPECK)),
    taxesPerSupportRub: total365 === 0n ? null : ratio(toKopecks(taxesRub) * PER_KOPECK * 365n, total365),
  };
}

/** A year's support: rent, services and their total, each rounded once from the exact sums. */
export type SupportYear = { year: number } & Omit<SummarySupport, 'taxesPerSupportRub'>;

/**
 * The support one company received in one park, by year FROM..TO, the years with any support only.
 * No access check: the caller (the resident's profile) has decided who may read this company's record.
 */
export async function querySupportByYear(db: DbOrTx, { parkId, companyId, from, to }: { parkId: string; companyId: string; from: number; to: number }): Promise<SupportYear[]> {
  const rows = await queryRows<{ year: number; rent: string; services: string }>(
    db,
    sql`
    SELECT year, sum(rent_base)::text AS rent, sum(services)::text AS services
    FROM (${supportItems({ parks: sql`${parkId}::uuid`, companyId, from, to })}) i
    GROUP BY year
    HAVING sum(rent_base) <> 0 OR sum(services) <> 0
    ORDER BY year`,
  );
  return rows.map((r) => {
    const { taxesPerSupportRub: _, ...figures } = supportFigures(r.rent, r.services, '0');
    return { year: Number(r.year), ...figures };
  });
}

/** The kinds a support chart stacks: every service kind, and rent. */
export const SUPPORT_KINDS = ['rent', ...SERVICE_KINDS] as const;
export type SupportKind = 'rent' | ServiceKind;

export interface SupportByKind {
  period: ReportPeriod;
  /** The kinds with any support in the period, in SUPPORT_KINDS order. */
  kinds: SupportKind[];
  /** Every year of the period; a kind without support in a year is "0.00". */
  years: { year: number; totalRub: DecimalString; byKind: Record<SupportKind, DecimalString> }[];
}

/** The park's support by kind (rent, and each service kind) and year of the period: the summary's chart. */
export async function getSupportByKind(db: DbOrTx, args: PeriodArgs): Promise<SupportByKind> {
  const { park, from, to } = await reportScope(db, args);
  // Each kind's exact sums, and beside them the year's (over all kinds), which the year's total is rounded from.
  const rows = await queryRows<{ year: number; kind: SupportKind; rent: string; services: string; yearRent: string; yearServices: string }>(
    db,
    sql`
    SELECT year, kind, sum(rent_base)::text AS rent, sum(services)::text AS services,
           (sum(sum(rent_base)) OVER (PARTITION BY year))::text AS "yearRent", (sum(sum(services)) OVER (PARTITION BY year))::text AS "yearServices"
    FROM (${supportItems({ parks: sql`${park.id}::uuid`, from, to })}) i
    GROUP BY year, kind`,
  );
  const cells = new Map(rows.map((r) => [`${r.year}|${r.kind}`, r]));
  const yearSums = new Map(rows.map((r) => [Number(r.year), r]));
  const present = new Set<SupportKind>();
  const years = [];
  for (let year = from; year <= to; year++) {
    const byKind = {} as Record<SupportKind, DecimalString>;
    for (const kind of SUPPORT_KINDS) {
      const cell = cells.get(`${year}|${kind}`);
      const amount = cell ? (kind === 'rent' ? rentRubOf(cell.rent) : servicesRubOf(cell.services)) : '0.00';
      byKind[kind] = amount;
      if (toKopecks(amount) !== 0n) present.add(kind);
    }
    const sums = yearSums.get(year);
    years.push({ year, totalRub: supportFigures(sums?.yearRent ?? '0', sums?.yearServices ?? '0', '0').totalRub, byKind });
  }
  return { period: { from, to }, kinds: SUPPORT_KINDS.filter((k) => present.has(k)), years };
}
