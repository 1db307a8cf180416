import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { companies, companyMembers, kpiReports } from '@/db/schema';
import type { KpiStatus } from '@/db/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { actingUser, assertCan } from '@/lib/auth/permissions';
import { todayIso } from '@/lib/dates';
import { beyondCursor, cursorValues, keysetPage, pageOrder, readCursor, type KeysetPage, type PageRequest, type SortKey } from '@/lib/keyset';
import { deadlineOf, periodBounds } from './common';
import { type KpiReportDto, type ReportRow, selectReports, toDto } from './report-dto';

/*
 * Lists of KPI reports: the park's, by state, for its managers; and every period the representative's
 * companies can report, with the report where there is one.
 */

export type KpiListFilter = 'submitted' | 'accepted' | 'returned';

export type KpiListRow = Omit<KpiReportDto, 'reviewComment'>;

/** How many reports a page of the park's list shows. */
export const KPI_LIST_PAGE_SIZE = 50;

/** The list's order: newest period first (the annual report before its quarters), then by company. */
const LIST_KEYS: readonly SortKey[] = [
  { column: sql`${kpiReports.year}`, type: 'numeric', desc: true },
  { column: sql`coalesce(${kpiReports.quarter}, 0)`, type: 'numeric' },
  { column: sql`${companies.name}`, type: 'text' },
  { column: sql`${kpiReports.id}`, type: 'uuid' },
];

/**
 * One page of the park's reports in one state (never the residents' drafts), newest period first,
 * after or before the cursor in `page` (keyset paging, lib/keyset.ts): a park with thousands of
 * reports sends fifty at a time.
 */
export async function listKpiReports(
  db: DbOrTx,
  { actor, parkId, status, year, page = {} }: { actor: Actor; parkId: string; status: KpiListFilter; year?: number | null; page?: PageRequest },
): Promise<KeysetPage<KpiListRow>> {
  assertCan(actor, 'kpi.review', parkId);
  const cursor = readCursor(LIST_KEYS, page);
  const fetched = await selectReports(db, { cursor: cursorValues(LIST_KEYS) })
    .where(and(eq(kpiReports.parkId, parkId), eq(kpiReports.status, status), year ? eq(kpiReports.year, year) : undefined, cursor ? beyondCursor(LIST_KEYS, cursor) : undefined))
    .orderBy(pageOrder(LIST_KEYS, cursor))
    .limit(KPI_LIST_PAGE_SIZE + 1);
  const result = keysetPage(fetched, KPI_LIST_PAGE_SIZE, cursor, (r) => r.cursor);
  return {
    ...result,
    rows: result.rows.map(({ cursor: _, ...r }) => {
      const { reviewComment: __, ...dto } = toDto(r as ReportRow);
      return dto;
    }),
  };
}

/** How many reports of the park are in each state (drafts excluded). */
export async function countKpiReports(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<Record<KpiListFilter, number>> {
  assertCan(actor, 'kpi.review', parkId);
  const rows = await db
    .select({ status: kpiReports.status, n: sql<number>`count(*)::int` })
    .from(kpiReports)
    .where(and(eq(kpiReports.parkId, parkId), ne(kpiReports.status, 'draft')))
    .groupBy(kpiReports.status);
  const out: Record<KpiListFilter, number> = { submitted: 0, accepted: 0, returned: 0 };
  for (const r of rows) if (r.status !== 'draft') out[r.status] = Number(r.n);
  return out;
}

export type MyKpiPeriod = {
  parkId: string;
  parkSlug: string;
  parkName: string;
  companyId: string;
  companyName: string;
  year: number;
  quarter: number | null;
  /** Due date of an annual report (the park's deadline in the following year); null for quarters. */
  deadline: string | null;
  report: { id: string; status: KpiStatus; version: number; reviewComment: string | null; submittedAt: Date | null } | null;
};

/**
 * Every period the actor's companies can report: each year (and quarter, where the park asks) of
 * each residency, up to the current one, newest first, with the report if one exists.
 */
export async function listMyKpiPeriods(db: DbOrTx, { actor, today = todayIso() }: { actor: Actor; today?: string }): Promise<MyKpiPeriod[]> {
  const representative = actingUser(actor, 'kpi.fileOwn');
  if (!representative) return [];
  const currentYear = Number(today.slice(0, 4));
  const rows = await queryPeriods(db, representative.userId, currentYear);
  const out: MyKpiPeriod[] = [];
  for (const r of rows) {
    const quarters: (number | null)[] = [null];
    if (r.quarterly) quarters.push(4, 3, 2, 1);
    for (const quarter of quarters) {
      const { from, to } = periodBounds(r.year, quarter);
      if (from > today) continue;
      if (quarter !== null && !(r.startOn <= to && (r.endOn === null || r.endOn >= from))) continue;
      out.push({
        parkId: r.parkId,
        parkSlug: r.parkSlug,
        parkName: r.parkName,
        companyId: r.companyId,
        companyName: r.companyName,
        year: r.year,
        quarter,
        deadline: quarter === null ? deadlineOf(r.year, { kpiDeadlineMonth: r.deadlineMonth, kpiDeadlineDay: r.deadlineDay }) : null,
        report: null,
      });
    }
  }
  if (!out.length) return out;
  const reports = await db
    .select({ id: kpiReports.id, parkId: kpiReports.parkId, companyId: kpiReports.companyId, year: kpiReports.year, quarter: kpiReports.quarter, status: kpiReports.status, version: kpiReports.version, reviewComment: kpiReports.reviewComment, submittedAt: kpiReports.submittedAt })
    .from(kpiReports)
    .innerJoin(companyMembers, and(eq(companyMembers.companyId, kpiReports.companyId), eq(companyMembers.userId, representative.userId)));
  const byPeriod = new Map(reports.map((r) => [`${r.parkId}|${r.companyId}|${r.year}|${r.quarter ?? ''}`, r]));
  for (const p of out) {
    const r = byPeriod.get(`${p.parkId}|${p.companyId}|${p.year}|${p.quarter ?? ''}`);
    if (r) p.report = { id: r.id, status: r.status, version: r.version, reviewComment: r.reviewComment, submittedAt: r.submittedAt };
  }
  return out;
}

type PeriodRow = {
  parkId: string;
  parkSlug: string;
  parkName: string;
  quarterly: boolean;
  deadlineMonth: number;
  deadlineDay: number;
  companyId: string;
  companyName: string;
  year: number;
  startOn: string;
  endOn: string | null;
};

async function queryPeriods(db: DbOrTx, userId: string, currentYear: number): Promise<PeriodRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      SELECT p.id AS "parkId", p.slug AS "parkSlug", p.name AS "parkName", p.quarterly_reports AS "quarterly",
             p.kpi_deadline_month AS "deadlineMonth", p.kpi_deadline_day AS "deadlineDay",
             c.id AS "companyId", c.name AS "companyName", y.year::int AS "year",
             min(r.start_on)::text AS "startOn",
             CASE WHEN bool_or(r.end_on IS NULL) THEN NULL ELSE max(r.end_on)::text END AS "endOn"
      FROM residencies r
      JOIN company_members m ON m.company_id = r.company_id AND m.user_id = ${userId}
      JOIN companies c ON c.id = r.company_id
      JOIN parks p ON p.id = r.park_id
      CROSS JOIN LATERAL generate_series(
        extract(year FROM r.start_on)::int,
        LEAST(extract(year FROM coalesce(r.end_on, make_date(${currentYear}, 12, 31)))::int, ${currentYear})
      ) AS y(year)
      GROUP BY p.id, c.id, y.year
      ORDER BY y.year DESC, c.name, p.name
    `,
  );
  return rows.map((r) => ({
    parkId: String(r.parkId),
    parkSlug: String(r.parkSlug),
    parkName: String(r.parkName),
    quarterly: r.quarterly === true || r.quarterly === 't',
    deadlineMonth: Number(r.deadlineMonth),
    deadlineDay: Number(r.deadlineDay),
    companyId: String(r.companyId),
    companyName: String(r.companyName),
    year: Number(r.year),
    startOn: String(r.startOn),
    endOn: r.endOn === null ? null : String(r.endOn),
  }));
}
