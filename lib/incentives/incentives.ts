import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { residencies, taxIncentives } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { actorUserId } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { AppError, invalidTransition, notFound, refusal } from '@/lib/errors';
import { exportList, type ListColumn, type ListExport } from '@/lib/export/table';
import { notify } from '@/lib/notifications/notifications';
import { managersByPark, representativesOf } from '@/lib/notifications/recipients';
import { containsPattern, whereAll, type RowOf } from '@/lib/sql';
import { inTransaction, lockParkRow } from '@/lib/transaction';
import {
  grantIncentiveSchema,
  incentiveFiltersSchema,
  revokeIncentiveSchema,
  type GrantIncentiveInput,
  type IncentiveFilters,
  type RevokeIncentiveInput,
} from '@/lib/validation/incentives';
import { parseInput } from '@/lib/validation/parse';
import { isUuid } from '@/lib/validation/uuid';
import { beyondCursor, cursorValues, keysetPage, pageOrder, readCursor, type KeysetPage, type PageRequest, type SortKey } from '@/lib/keyset';


const incentiveColumns = {
  id: taxIncentives.id,
  companyId: taxIncentives.companyId,
  residencyId: taxIncentives.residencyId,
  kind: taxIncentives.kind,
  legalBasis: taxIncentives.legalBasis,
  decisionNumber: taxIncentives.decisionNumber,
  grantedOn: taxIncentives.grantedOn,
  validFrom: taxIncentives.validFrom,
  validTo: taxIncentives.validTo,
  conditions: taxIncentives.conditions,
  status: taxIncentives.status,
  revokedOn: taxIncentives.revokedOn,
  revokeReason: taxIncentives.revokeReason,
};

export type IncentiveDto = RowOf<typeof incentiveColumns>;

/**
 * Grants regional tax-incentive status to a resident. Only a resident can receive one: the decision's date
 * lies within a residency of the park that has not been ended by an exit, and so does the status's
 * validity (from the residency's start, to its end when it has one), as a lease's term does.
 */
export async function grantIncentive(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: GrantIncentiveInput }): Promise<IncentiveDto> {
  assertCan(actor, 'incentive.grant', parkId);
  const data = parseInput(grantIncentiveSchema, input);
  return inTransaction(db, async (tx) => {
    // Shared lock: an exit decided at the same moment either precedes the grant (and is seen) or waits for it.
    const [residency] = await tx
      .select({ id: residencies.id, companyId: residencies.companyId, startOn: residencies.startOn, endOn: residencies.endOn, exitReason: residencies.exitReason })
      .from(residencies)
      .where(and(eq(residencies.id, data.residencyId), eq(residencies.parkId, parkId)))
      .for('share');
    if (!residency) throw notFound('residency');
    if (residency.exitReason !== null) throw refusal('INVALID_TRANSITION', 'notCurrentResident', `residency ${residency.id} has ended; only a current resident can receive an incentive`);
    if (data.grantedOn < residency.startOn || (residency.endOn !== null && data.grantedOn > residency.endOn))
      throw refusal('VALIDATION', 'grantOutsideResidency', `grantedOn: ${data.grantedOn} is outside the residency (${residency.startOn}..${residency.endOn ?? 'open'})`, 'grantedOn');
    // The status is valid only while the company is a resident: from the residency's start, to its end when it has one.
    const startsEarly = data.validFrom < residency.startOn;
    const endsLate = residency.endOn !== null && (data.validTo === null || data.validTo === undefined || data.validTo > residency.endOn);
    if (startsEarly || endsLate)
      throw new AppError('VALIDATION', `validity ${data.validFrom}..${data.validTo ?? 'open'} is outside the residency (${residency.startOn}..${residency.endOn ?? 'open'})`, {
        key: 'validityOutsideResidency',
        params: { start: residency.startOn, end: residency.endOn ?? '—' },
        fieldErrors: { [startsEarly ? 'validFrom' : 'validTo']: ['grantOutsideResidency'] },
      });
    const [incentive] = await tx
      .insert(taxIncentives)
      .values({
        parkId,
        companyId: residency.companyId,
        residencyId: residency.id,
        kind: data.kind,
        legalBasis: data.legalBasis,
        decisionNumber: data.decisionNumber,
        grantedOn: data.grantedOn,
        validFrom: data.validFrom,
        validTo: data.validTo,
        conditions: data.conditions,
        createdBy: actorUserId(actor),
      })
      .returning(incentiveColumns);
    await writeAudit(tx, { actor, parkId, action: 'incentive.grant', entity: 'incentive', entityId: incentive.id, after: incentive });
    await notify(tx, {
      userIds: await representativesOf(tx, residency.companyId),
      parkId,
      kind: 'incentiveGranted',
      params: { incentiveKind: data.kind, validFrom: data.validFrom },
      href: `/my/residency/${residency.companyId}`,
    });
    return incentive;
  });
}

/** Revokes an active grant from a date, with the reason. The grant stays in the register as revoked. */
export async function revokeIncentive(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: RevokeIncentiveInput }): Promise<IncentiveDto> {
  assertCan(actor, 'incentive.revoke', parkId);
  const data = parseInput(revokeIncentiveSchema, input);
  return inTransaction(db, async (tx) => {
    const before = await lockParkRow(tx, taxIncentives, incentiveColumns, { id: data.incentiveId, parkId }, 'incentive');
    if (before.status !== 'active') throw invalidTransition('incentive', before.status);
    if (data.revokedOn < before.grantedOn)
      throw refusal('VALIDATION', 'revokeBeforeGrant', `revokedOn: ${data.revokedOn} is before the grant on ${before.grantedOn}`, 'revokedOn');
    const [after] = await tx
      .update(taxIncentives)
      .set({ status: 'revoked', revokedOn: data.revokedOn, revokeReason: data.reason })
      .where(and(eq(taxIncentives.id, before.id), eq(taxIncentives.status, 'active')))
      .returning(incentiveColumns);
    if (!after) throw invalidTransition('incentive', 'revoked');
    await writeAudit(tx, { actor, parkId, action: 'incentive.revoke', entity: 'incentive', entityId: before.id, before, after });
    await notify(tx, {
      userIds: await representativesOf(tx, before.companyId),
      parkId,
      kind: 'incentiveRevoked',
      params: { incentiveKind: before.kind, revokedOn: data.revokedOn },
      href: `/my/residency/${before.companyId}`,
    });
    return after;
  });
}

export type IncentiveRowDto = IncentiveDto & {
  companyName: string;
  /** active and in its validity on `today`; expired: active but its validity is over; not yet: starts later. */
  state: 'in_force' | 'not_yet' | 'expired' | 'revoked';
  /** Days until validTo, for an active grant ending within 90 days of `today`; null otherwise. */
  expiresInDays: number | null;
};

const EXPIRY_WINDOW_DAYS = 90;

type Paging = { keys: readonly SortKey[]; limit: number };

/** The park's grants with their state and days to expiry on `today`: the rows the register's conditions and keys name. */
const incentiveRows = (parkId: string, today: string) => sql`
    SELECT ti.id, ti.company_id AS "companyId", c.name AS "companyName", ti.residency_id AS "residencyId", ti.kind::text AS kind,
           ti.legal_basis AS "legalBasis", ti.decision_number AS "decisionNumber", ti.granted_on::text AS "grantedOn",
           ti.valid_from::text AS "validFrom", ti.valid_to::text AS "validTo", ti.conditions, ti.status::text AS status,
           ti.revoked_on::text AS "revokedOn", ti.revoke_reason AS "revokeReason", ti.created_at,
           CASE WHEN ti.status = 'revoked' THEN 'revoked'
                WHEN ti.valid_to IS NOT NULL AND ti.valid_to < ${today}::date THEN 'expired'
                WHEN ti.valid_from > ${today}::date THEN 'not_yet'
                ELSE 'in_force' END AS state,
           CASE WHEN ti.status = 'active' AND ti.valid_to >= ${today}::date AND ti.valid_to <= ${today}::date + ${EXPIRY_WINDOW_DAYS}::int
                THEN ti.valid_to - ${today}::date END AS "expiresInDays"
    FROM tax_incentives ti JOIN companies c ON c.id = ti.company_id
    WHERE ti.park_id = ${parkId}`;

async function queryIncentives(db: DbOrTx, parkId: string, today: string, where: SQL[], order: SQL, paging?: Paging): Promise<(IncentiveRowDto & { cursor?: string[] })[]> {
  const rows = await queryRows<IncentiveRowDto & { expiresInDays: number | string | null; cursor?: string[] }>(
    db,
    sql`
    WITH x AS (
      ${incentiveRows(parkId, today)}
    )
    SELECT *${paging ? sql`, ${cursorValues(paging.keys)} AS cursor` : sql``} FROM x ${whereAll(where)}
    ORDER BY ${order}${paging ? sql` LIMIT ${paging.limit}` : sql``}`,
  );
  return rows.map(({ created_at: _, ...r }: IncentiveRowDto & { created_at?: unknown; expiresInDays: number | string | null; cursor?: string[] }) => ({
    ...r,
    expiresInDays: r.expiresInDays === null ? null : Number(r.expiresInDays),
  }));
}

/** How many of the park's grants the register's conditions (over queryIncentives' columns) match. */
async function countIncentives(db: DbOrTx, parkId: string, today: string, where: SQL[]): Promise<number> {
  const [row] = await queryRows<{ total: number | string }>(db, sql`SELECT count(*)::int AS total FROM (${incentiveRows(parkId, today)}) x ${whereAll(where)}`);
  return Number(row?.total ?? 0);
}

/** How many grants a page of the register shows. */
export const INCENTIVES_PAGE_SIZE = 50;

/** The register's filters as SQL over the query's columns, and its order as keyset keys (lib/keyset.ts). */
function registerQuery(filters: IncentiveFilters | undefined): { where: SQL[]; keys: readonly SortKey[] } {
  const f = incentiveFiltersSchema.parse(filters ?? {});
  const where: SQL[] = [];
  if (f.status === 'active') where.push(sql`state IN ('in_force', 'not_yet')`);
  if (f.status === 'expired') where.push(sql`state = 'expired'`);
  if (f.status === 'revoked') where.push(sql`state = 'revoked'`);
  if (f.kind) where.push(sql`kind = ${f.kind}`);
  if (f.expiring) where.push(sql`"expiresInDays" IS NOT NULL`);
  if (f.q) {
    const p = containsPattern(f.q);
    where.push(sql`("companyName" ILIKE ${p} OR coalesce("decisionNumber", '') ILIKE ${p} OR coalesce("legalBasis", '') ILIKE ${p})`);
  }
  // Expiring grants soonest first (their validTo is never null); otherwise the newest grant first.
  const keys: SortKey[] = f.expiring
    ? [
        { column: sql`"validTo"::date`, type: 'date' },
        { column: sql`"companyName"`, type: 'text' },
        { column: sql`id`, type: 'uuid' },
      ]
    : [
        { column: sql`"grantedOn"::date`, type: 'date', desc: true },
        { column: sql`created_at`, type: 'timestamp', desc: true },
        { column: sql`id`, type: 'uuid' },
      ];
  return { where, keys };
}

/** The park's whole register of grants, filtered: by state, kind, expiring within 90 days, company or decision. */
export async function listIncentives(
  db: DbOrTx,
  { actor, parkId, today, filters = {} }: { actor: Actor; parkId: string; today: string; filters?: IncentiveFilters },
): Promise<IncentiveRowDto[]> {
  assertCan(actor, 'resident.read', parkId);
  const { where, keys } = registerQuery(filters);
  return queryIncentives(db, parkId, today, where, pageOrder(keys, undefined));
}

export type IncentivesPage = KeysetPage<IncentiveRowDto> & { total: number };

/**
 * One page of the register (INCENTIVES_PAGE_SIZE grants) in `listIncentives`' order, after or before the
 * cursor in `page`, and how many grants match the filters in all (the page alone would say at most fifty).
 */
export async function listIncentivesPage(
  db: DbOrTx,
  { actor, parkId, today, filters = {}, page = {} }: { actor: Actor; parkId: string; today: string; filters?: IncentiveFilters; page?: PageRequest },
): Promise<IncentivesPage> {
  assertCan(actor, 'resident.read', parkId);
  const { where, keys } = registerQuery(filters);
  const cursor = readCursor(keys, page);
  const [fetched, total] = await Promise.all([
    queryIncentives(db, parkId, today, cursor ? [...where, beyondCursor(keys, cursor)] : where, pageOrder(keys, cursor), {
      keys,
      limit: INCENTIVES_PAGE_SIZE + 1,
    }),
    countIncentives(db, parkId, today, where),
  ]);
  const result = keysetPage(fetched, INCENTIVES_PAGE_SIZE, cursor, (r) => r.cursor ?? []);
  return { ...result, rows: result.rows.map(({ cursor: _, ...r }) => r), total };
}

/** Active grants whose validity ends within 90 days of `today` (inclusive), soonest first. */
export async function listExpiringIncentives(db: DbOrTx, { actor, parkId, today }: { actor: Actor; parkId: string; today: string }) {
  return listIncentives(db, { actor, parkId, today, filters: { expiring: '1' } });
}

export async function getIncentive(db: DbOrTx, { actor, parkId, today, incentiveId }: { actor: Actor; parkId: string; today: string; incentiveId: string }) {
  assertCan(actor, 'resident.read', parkId);
  if (!isUuid(incentiveId)) throw notFound('incentive');
  const [row] = await queryIncentives(db, parkId, today, [sql`id = ${incentiveId}`], sql`id`);
  if (!row) throw notFound('incentive');
  return row;
}

/** The register's download, column by column; headers and values are keys under the `incentives` catalogue namespace. */
const INCENTIVE_COLUMNS: ListColumn<IncentiveRowDto>[] = [
  { key: 'company', kind: 'text', cell: (r) => r.companyName },
  { key: 'kind', kind: 'text', cell: (r, label) => label(`kinds.${r.kind}`) },
  { key: 'legalBasis', kind: 'text', cell: (r) => r.legalBasis },
  { key: 'decisionNumber', kind: 'text', cell: (r) => r.decisionNumber },
  { key: 'grantedOn', kind: 'date', cell: (r) => r.grantedOn },
  { key: 'validFrom', kind: 'date', cell: (r) => r.validFrom },
  { key: 'validTo', kind: 'date', cell: (r) => r.validTo },
  { key: 'state', kind: 'text', cell: (r, label) => label(`states.${r.state}`) },
  { key: 'conditions', kind: 'text', cell: (r) => r.conditions },
  { key: 'revokedOn', kind: 'date', cell: (r) => r.revokedOn },
  { key: 'revokeReason', kind: 'text', cell: (r) => r.revokeReason },
];

/** The register as CSV or XLSX, in the reader's language and CSV dialect. */
export async function exportIncentives(
  db: DbOrTx,
  { actor, parkId, today, filters, ...as }: { actor: Actor; parkId: string; today: string; filters: IncentiveFilters } & ListExport,
) {
  return exportList(await listIncentives(db, { actor, parkId, today, filters }), INCENTIVE_COLUMNS, as);
}

/**
 * Tells the park's managers and the company's representatives, once per grant, that an active grant ends
 * within 90 days. Idempotent: a grant already announced is skipped, and a transaction-scoped advisory lock
 * makes two simultaneous runs take turns, so the second sees what the first sent. Returns how many grants
 * it announced. Runs for one park, or all parks when `parkId` is omitted (the server's daily timer).
 */
export async function notifyExpiringIncentives(db: Db, { now = new Date(), today, parkId }: { now?: Date; today?: string; parkId?: string }): Promise<number> {
  // Each park's today at `now`, on its own calendar, unless `today` names the day for all.
  const day = today ? sql`${today}::date` : sql`(${now.toISOString()}::timestamptz AT TIME ZONE p.time_zone)::date`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('technopark:incentive-expiry'))`);
    const due = await queryRows<{ id: string; parkId: string; slug: string; companyId: string; companyName: string; kind: string; validTo: string }>(
      tx,
      sql`
      SELECT ti.id, ti.park_id AS "parkId", p.slug, ti.company_id AS "companyId", c.name AS "companyName", ti.kind::text AS kind, ti.valid_to::text AS "validTo"
      FROM tax_incentives ti JOIN parks p ON p.id = ti.park_id JOIN companies c ON c.id = ti.company_id
      WHERE ti.status = 'active' AND ti.valid_to >= ${day} AND ti.valid_to <= ${day} + ${EXPIRY_WINDOW_DAYS}::int
        ${parkId ? sql`AND ti.park_id = ${parkId}` : sql``}
        AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.kind = 'incentiveExpiring' AND n.params->>'incentiveId' = ti.id::text)
      ORDER BY ti.valid_to`,
    );
    if (!due.length) return 0;
    const managers = await managersByPark(tx, [...new Set(due.map((g) => g.parkId))]);
    for (const g of due) {
      const params = { incentiveId: g.id, company: g.companyName, incentiveKind: g.kind, validTo: g.validTo };
      await notify(tx, {
        userIds: managers.get(g.parkId) ?? [],
        parkId: g.parkId,
        kind: 'incentiveExpiring',
        params,
        href: `/p/${g.slug}/incentives/${g.id}`,
      });
      await notify(tx, { userIds: await representativesOf(tx, g.companyId), parkId: g.parkId, kind: 'incentiveExpiring', params, href: `/my/residency/${g.companyId}` });
    }
    return due.length;
  });
}

/** Residencies that may receive a grant today: not ended by an exit or by their agreed end. */
export async function listGrantableResidencies(db: DbOrTx, { actor, parkId, today }: { actor: Actor; parkId: string; today: string }) {
  assertCan(actor, 'incentive.grant', parkId);
  return queryRows<{ id: string; companyId: string; companyName: string; startOn: string; endOn: string | null }>(
    db,
    sql`
    SELECT r.id, r.company_id AS "companyId", c.name AS "companyName", r.start_on::text AS "startOn", r.end_on::text AS "endOn"
    FROM residencies r JOIN companies c ON c.id = r.company_id
    WHERE r.park_id = ${parkId} AND r.exit_reason IS NULL AND (r.end_on IS NULL OR r.end_on >= ${today}::date)
    ORDER BY c.name`,
  );
}
