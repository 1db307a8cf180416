import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { ExitReason, Placement, SmeCategory } from '@/db/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { exportList, type ListColumn, type ListExport } from '@/lib/export/table';
import { beyondCursor, cursorValues, keysetPage, pageOrder, readCursor, type KeysetPage, type SortKey } from '@/lib/keyset';
import { containsPattern, textCondition, whereAll } from '@/lib/sql';
import { residentFiltersSchema, residentPageQuerySchema, SME_CATEGORIES, type ResidentFilters } from '@/lib/validation/residents';

export type ResidentRowDto = {
  residencyId: string;
  companyId: string;
  companyName: string;
  inn: string | null;
  smeCategory: SmeCategory;
  industry: string | null;
  manufacturing: boolean;
  placement: Placement;
  agreementNumber: string | null;
  startOn: string;
  endOn: string | null;
  exitReason: ExitReason | null;
  /** current: not ended by today (it may start later); former: ended before today. */
  status: 'current' | 'former';
  leasedM2: string;
  hasIncentive: boolean;
  /** Past years of this residency without a submitted or accepted annual KPI report. */
  overdueYears: number;
};

export type ResidentCounts = { now: number; sme: number; onSite: number };

export const RESIDENTS_PAGE_SIZE = 50;

// Qualified: the output has text columns of the same names, and ORDER BY would take those.
const byName = { column: sql`rows."companyName"`, type: 'text' } as const;
const byResidency = { column: sql`rows."residencyId"`, type: 'uuid' } as const;

/**
 * Each sort's keys, over the columns of `residentRows`: the column in the chosen direction (an open
 * end last either way), then the name and the residency, ascending, so rows with equal values keep one
 * order across pages.
 */
function sortKeys(sort: NonNullable<ResidentFilters['sort']>, desc: boolean): SortKey[] {
  const first: Record<typeof sort, Omit<SortKey, 'desc'>> = {
    name: byName,
    start: { column: sql`rows."startOn"`, type: 'date' },
    end: { column: sql`coalesce(rows."endOn", ${sql.raw(desc ? `'-infinity'` : `'infinity'`)}::date)`, type: 'date' },
    area: { column: sql`rows."leasedM2"`, type: 'numeric' },
    // The enum type sorts in the order of its list (db/schema/values.ts): micro first.
    sme: { column: sql`rows."smeCategory"`, type: { enumType: 'sme_category', values: SME_CATEGORIES } },
  };
  return sort === 'name' ? [{ ...byName, desc }, byResidency] : [{ ...first[sort], desc }, byName, byResidency];
}

/**
 * The park's residents, one row a company (its latest residency in the park), with the values the
 * directory shows, filters and sorts by, typed. A year of residency is overdue when it has ended
 * (before today's year) and the company has no submitted or accepted annual report for it.
 */
const residentRows = (parkId: string, today: string) => sql`
    WITH latest AS (
      SELECT DISTINCT ON (r.company_id) r.*
      FROM residencies r WHERE r.park_id = ${parkId}
      ORDER BY r.company_id, r.start_on DESC
    ),
    rows AS (
      SELECT l.id AS "residencyId", l.company_id AS "companyId", c.name AS "companyName", c.inn,
             c.sme_category AS "smeCategory", c.industry, c.manufacturing, l.placement,
             l.agreement_number AS "agreementNumber", l.start_on AS "startOn", l.end_on AS "endOn", l.exit_reason AS "exitReason",
             CASE WHEN l.end_on IS NOT NULL AND l.end_on < ${today}::date THEN 'former' ELSE 'current' END AS status,
             (SELECT coalesce(sum(p.area_m2), 0) FROM leases le JOIN premises p ON p.id = le.premises_id
                WHERE le.residency_id = l.id AND le.start_on <= ${today}::date AND (le.end_on IS NULL OR le.end_on >= ${today}::date)) AS "leasedM2",
             EXISTS (SELECT 1 FROM tax_incentives ti WHERE ti.park_id = ${parkId} AND ti.company_id = l.company_id AND ti.status = 'active'
                AND ti.valid_from <= ${today}::date AND (ti.valid_to IS NULL OR ti.valid_to >= ${today}::date)) AS "hasIncentive",
             (SELECT count(*) FROM generate_series(
                  extract(year FROM l.start_on)::int,
                  least(extract(year FROM coalesce(l.end_on, ${today}::date))::int, extract(year FROM ${today}::date)::int - 1)) AS y(year)
                WHERE NOT EXISTS (SELECT 1 FROM kpi_reports k WHERE k.park_id = ${parkId} AND k.company_id = l.company_id
                  AND k.year = y.year AND k.quarter IS NULL AND k.status IN ('submitted', 'accepted')))::int AS "overdueYears"
      FROM latest l JOIN companies c ON c.id = l.company_id
    )`;

/** The DTO's columns, read from `residentRows`. */
const DTO_COLUMNS = sql`"residencyId", "companyId", "companyName", inn, "smeCategory"::text AS "smeCategory", industry, manufacturing,
    placement::text AS placement, "agreementNumber", "startOn"::text AS "startOn", "endOn"::text AS "endOn", "exitReason"::text AS "exitReason",
    status, "leasedM2"::text AS "leasedM2", "hasIncentive", "overdueYears"`;

/** The filters as conditions on `residentRows`. */
function residentConditions(f: ResidentFilters): SQL[] {
  const where: SQL[] = [];
  const status = f.status ?? 'current';
  if (status === 'current') where.push(sql`status = 'current'`);
  if (status === 'former') where.push(sql`status = 'former'`);
  if (f.placement) where.push(sql`placement = ${f.placement}`);
  if (f.sme) where.push(sql`"smeCategory" = ${f.sme}`);
  if (f.industry) where.push(textCondition(f.industry, (industry) => sql`industry = ${industry}`));
  if (f.incentive) where.push(f.incentive === 'yes' ? sql`"hasIncentive"` : sql`NOT "hasIncentive"`);
  if (f.overdue) where.push(f.overdue === 'yes' ? sql`"overdueYears" > 0` : sql`"overdueYears" = 0`);
  if (f.q) {
    where.push(
      textCondition(f.q, (q) => {
        const p = containsPattern(q);
        return sql`("companyName" ILIKE ${p} OR coalesce(inn, '') ILIKE ${p} OR coalesce("agreementNumber", '') ILIKE ${p})`;
      }),
    );
  }
  return where;
}

type ResidentRow = Omit<ResidentRowDto, 'overdueYears'> & { overdueYears: number | string };
const toDto = ({ manufacturing, hasIncentive, overdueYears, ...r }: ResidentRow): ResidentRowDto => ({
  ...r,
  manufacturing: Boolean(manufacturing),
  hasIncentive: Boolean(hasIncentive),
  overdueYears: Number(overdueYears),
});

/** The park's residents, filtered and sorted, all of them (the directory's export). */
export async function listResidents(
  db: DbOrTx,
  { actor, parkId, today, filters = {} }: { actor: Actor; parkId: string; today: string; filters?: ResidentFilters },
): Promise<ResidentRowDto[]> {
  assertCan(actor, 'resident.read', parkId);
  const f = residentFiltersSchema.parse(filters);
  const keys = sortKeys(f.sort ?? 'name', f.dir === 'desc');
  const rows = await queryRows<ResidentRow>(
    db,
    sql`${residentRows(parkId, today)}
    SELECT ${DTO_COLUMNS} FROM rows ${whereAll(residentConditions(f))} ORDER BY ${pageOrder(keys, undefined)}`,
  );
  return rows.map(toDto);
}

export type ResidentsPage = KeysetPage<ResidentRowDto> & { total: number };

/**
 * One page of the directory (RESIDENTS_PAGE_SIZE rows) in the order of `listResidents`, after or
 * before the cursor in `query` (keyset paging, lib/keyset.ts), and how many residents match in all.
 */
export async function listResidentsPage(
  db: DbOrTx,
  { actor, parkId, today, query: raw }: { actor: Actor; parkId: string; today: string; query: unknown },
): Promise<ResidentsPage> {
  assertCan(actor, 'resident.read', parkId);
  const query = residentPageQuerySchema.parse(raw ?? {});
  const keys = sortKeys(query.sort ?? 'name', query.dir === 'desc');
  const cursor = readCursor(keys, query);
  const where = residentConditions(query);
  const [fetched, [{ total }]] = await Promise.all([
    queryRows<ResidentRow & { cursor: string[] }>(
      db,
      sql`${residentRows(parkId, today)}
      SELECT ${DTO_COLUMNS}, ${cursorValues(keys)} AS cursor FROM rows
      ${whereAll(cursor ? [...where, beyondCursor(keys, cursor)] : where)}
      ORDER BY ${pageOrder(keys, cursor)} LIMIT ${RESIDENTS_PAGE_SIZE + 1}`,
    ),
    queryRows<{ total: number }>(db, sql`${residentRows(parkId, today)} SELECT count(*)::int AS total FROM rows ${whereAll(where)}`),
  ]);
  const page = keysetPage(fetched, RESIDENTS_PAGE_SIZE, cursor, (r) => r.cursor);
  return { ...page, rows: page.rows.map(({ cursor: _, ...r }) => toDto(r)), total: Number(total) };
}

/** Residents today (residency active on the day), of which SMEs and on site: the park's headline counts. */
export async function countResidents(db: DbOrTx, { actor, parkId, today }: { actor: Actor; parkId: string; today: string }): Promise<ResidentCounts> {
  assertCan(actor, 'resident.read', parkId);
  const [row] = await queryRows<{ now: number; sme: number; onSite: number }>(
    db,
    sql`
    WITH active AS (
      SELECT r.company_id, bool_or(r.placement = 'on_site') AS on_site, min(c.sme_category::text) AS sme
      FROM residencies r JOIN companies c ON c.id = r.company_id
      WHERE r.park_id = ${parkId} AND r.start_on <= ${today}::date AND (r.end_on IS NULL OR r.end_on >= ${today}::date)
      GROUP BY r.company_id
    )
    SELECT count(*)::int AS now, (count(*) FILTER (WHERE sme <> 'none'))::int AS sme, (count(*) FILTER (WHERE on_site))::int AS "onSite" FROM active`,
  );
  return { now: Number(row.now), sme: Number(row.sme), onSite: Number(row.onSite) };
}

/**
 * The industries of the park's residents, for the directory's filter: read through the park's own
 * residencies (its index) and each one's company by key, so the cost follows the park's residents, not
 * the installation's companies.
 */
export async function listResidentIndustries(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<string[]> {
  assertCan(actor, 'resident.read', parkId);
  const rows = await queryRows<{ industry: string }>(
    db,
    sql`SELECT DISTINCT industry FROM (
          SELECT (SELECT c.industry FROM companies c WHERE c.id = r.company_id) AS industry FROM residencies r WHERE r.park_id = ${parkId}
        ) AS i
        WHERE industry IS NOT NULL ORDER BY industry`,
  );
  return rows.map((r) => r.industry);
}

const yesNo = (b: boolean, label: ListExport['label']) => label(b ? 'values.yes' : 'values.no');

/** The directory's download, column by column; headers and values are keys under the `residents` catalogue namespace. */
const RESIDENT_COLUMNS: ListColumn<ResidentRowDto>[] = [
  { key: 'company', kind: 'text', cell: (r) => r.companyName },
  { key: 'inn', kind: 'text', cell: (r) => r.inn },
  { key: 'sme', kind: 'text', cell: (r, label) => label(`sme.${r.smeCategory}`) },
  { key: 'industry', kind: 'text', cell: (r) => r.industry },
  { key: 'manufacturing', kind: 'text', cell: (r, label) => yesNo(r.manufacturing, label) },
  { key: 'placement', kind: 'text', cell: (r, label) => label(`placement.${r.placement}`) },
  { key: 'agreement', kind: 'text', cell: (r) => r.agreementNumber },
  { key: 'start', kind: 'date', cell: (r) => r.startOn },
  { key: 'end', kind: 'date', cell: (r) => r.endOn },
  { key: 'exitReason', kind: 'text', cell: (r, label) => (r.exitReason ? label(`exitReason.${r.exitReason}`) : null) },
  { key: 'leasedM2', kind: 'decimal', cell: (r) => r.leasedM2 },
  { key: 'incentive', kind: 'text', cell: (r, label) => yesNo(r.hasIncentive, label) },
  { key: 'overdueYears', kind: 'count', cell: (r) => r.overdueYears },
];

/** The filtered directory as CSV or XLSX, in the reader's language and CSV dialect. */
export async function exportResidents(
  db: DbOrTx,
  { actor, parkId, today, filters, ...as }: { actor: Actor; parkId: string; today: string; filters: ResidentFilters } & ListExport,
) {
  return exportList(await listResidents(db, { actor, parkId, today, filters }), RESIDENT_COLUMNS, as);
}
