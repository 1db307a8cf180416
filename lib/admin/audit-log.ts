import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { isAuditAction } from '@/lib/audit-actions';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { zoneOr } from '@/lib/dates';
import { formatMoment } from '@/lib/i18n/format';
import { AppError } from '@/lib/errors';
import { exportList, type ListColumn, type ListExport } from '@/lib/export/table';
import { beyondCursor, cursorValues, keysetPage, pageOrder, readCursor, type KeysetPage, type SortKey } from '@/lib/keyset';
import { containsPattern, textCondition, whereAll } from '@/lib/sql';
import { auditFiltersSchema, auditPageQuerySchema, type AuditFilters } from '@/lib/validation/audit';
import { parseInput } from '@/lib/validation/parse';
import { auditChanges, changesLine, type AuditChange } from './audit-changes';

/** An audit entry as the reader sees it: who, where, what, and the change field by field. */
export type AuditEntryDto = {
  id: number;
  at: Date;
  /** The person's e-mail, or the system's label (`cli`, `seed`, `import`); null once the person is deleted. */
  actor: string | null;
  actorName: string | null;
  parkSlug: string | null;
  parkName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changes: AuditChange[];
};

export const AUDIT_PAGE_SIZE = 50;
/** The most entries one download holds; a larger selection is refused with the advice to narrow it. */
export const AUDIT_EXPORT_LIMIT = 50_000;

/** Newest first: by the moment (the audit_log_at index and its per-park, per-person and per-action siblings), then the id. */
const KEYS: SortKey[] = [
  { column: sql`a.at`, type: 'timestamp', desc: true },
  { column: sql`a.id`, type: 'numeric', desc: true },
];

/** The entry's columns with who acted and the park in words; `extra` adds a column (the page's cursor). */
const selectEntries = (extra: SQL = sql``) => sql`
  SELECT a.id, a.at, coalesce(u.email, a.actor_label) AS actor, u.name AS "actorName", p.slug AS "parkSlug", p.name AS "parkName",
         a.action, a.entity, a.entity_id AS "entityId", a.before, a.after ${extra}
  FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id LEFT JOIN parks p ON p.id = a.park_id`;

/** The filters as conditions; the days are the installation's, so "from 1 March" starts at its midnight. */
/** Days and times are the reader's: their own zone, else the installation's. */
const readerZone = (actor: Actor) => zoneOr(actor.type === 'user' ? actor.timeZone : null);

function auditConditions(f: AuditFilters, zone: string): SQL[] {
  const where: SQL[] = [];
  if (f.user)
    where.push(
      textCondition(f.user, (user) => {
        const p = containsPattern(user);
        return sql`(u.email ILIKE ${p} OR u.name ILIKE ${p} OR a.actor_label ILIKE ${p})`;
      }),
    );
  if (f.park) where.push(sql`a.park_id = ${f.park}`);
  if (f.action) where.push(sql`a.action = ${f.action}`);
  if (f.from) where.push(sql`a.at >= (${f.from}::date)::timestamp AT TIME ZONE ${zone}`);
  if (f.to) where.push(sql`a.at < (${f.to}::date + 1)::timestamp AT TIME ZONE ${zone}`);
  return where;
}

/** An entry as read, before its before and after become changes. */
type EntryRow = Omit<AuditEntryDto, 'changes' | 'at' | 'id'> & { id: number | string; at: Date | string; before: unknown; after: unknown };
const toDto = ({ before, after, id, at, ...r }: EntryRow): AuditEntryDto => ({ ...r, id: Number(id), at: new Date(at), changes: auditChanges(before, after) });

export type AuditPage = KeysetPage<AuditEntryDto>;

/**
 * One page of the audit log (AUDIT_PAGE_SIZE entries, newest first), filtered by who acted, the park,
 * the action and a range of days; administrators only. A range whose first day comes after its last
 * is refused (VALIDATION on `to`), not answered with an empty page. No total: the log only grows, and
 * counting it all on every page would cost what the page does not.
 */
export async function listAuditPage(db: DbOrTx, { actor, query: raw }: { actor: Actor; query: unknown }): Promise<AuditPage> {
  assertCan(actor, 'audit.read');
  const query = parseInput(auditPageQuerySchema, raw ?? {});
  const cursor = readCursor(KEYS, query);
  const where = auditConditions(query, readerZone(actor));
  const fetched = await queryRows<EntryRow & { cursor: string[] }>(
    db,
    sql`${selectEntries(sql`, ${cursorValues(KEYS)} AS cursor`)} ${whereAll(cursor ? [...where, beyondCursor(KEYS, cursor)] : where)}
        ORDER BY ${pageOrder(KEYS, cursor)} LIMIT ${AUDIT_PAGE_SIZE + 1}`,
  );
  const page = keysetPage(fetched, AUDIT_PAGE_SIZE, cursor, (r) => r.cursor);
  return { ...page, rows: page.rows.map(({ cursor: _, ...r }) => toDto(r)) };
}

/** The download's columns; headers and the action's words are keys under the `auditLog` catalogue namespace. */
const auditColumns = (zone: string): ListColumn<AuditEntryDto>[] => [
  { key: 'at', kind: 'text', cell: (e) => formatMoment(e.at, zone) },
  { key: 'actor', kind: 'text', cell: (e) => (e.actorName ? `${e.actorName} <${e.actor}>` : e.actor) },
  { key: 'park', kind: 'text', cell: (e) => e.parkName },
  // An entry written by a version whose action this one no longer words keeps its code.
  { key: 'action', kind: 'text', cell: (e, label) => (isAuditAction(e.action) ? label(`actions.${e.action}`) : e.action) },
  { key: 'entity', kind: 'text', cell: (e) => e.entity },
  { key: 'entityId', kind: 'text', cell: (e) => e.entityId },
  { key: 'changes', kind: 'text', cell: (e) => changesLine(e.changes) },
];

/**
 * The audit log filtered as on the page, newest first, as CSV or XLSX in the reader's language;
 * administrators only. More than AUDIT_EXPORT_LIMIT entries is refused with the advice to narrow the
 * filters, rather than cut short without a word.
 */
export async function exportAuditLog(db: DbOrTx, { actor, filters: raw, ...as }: { actor: Actor; filters: unknown } & ListExport) {
  assertCan(actor, 'audit.read');
  const filters = parseInput(auditFiltersSchema, raw ?? {});
  const rows = await queryRows<EntryRow>(
    db,
    sql`${selectEntries()} ${whereAll(auditConditions(filters, readerZone(actor)))} ORDER BY ${pageOrder(KEYS, undefined)} LIMIT ${AUDIT_EXPORT_LIMIT + 1}`,
  );
  if (rows.length > AUDIT_EXPORT_LIMIT)
    throw new AppError('VALIDATION', `more than ${AUDIT_EXPORT_LIMIT} entries: narrow the filters`, { key: 'auditExportTooLarge', params: { limit: AUDIT_EXPORT_LIMIT } });
  return exportList(rows.map(toDto), auditColumns(readerZone(actor)), as);
}
