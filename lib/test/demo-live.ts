import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';

/** What the live stage writes, by audit action; the same after a clean run and after an interrupted one. */
export const LIVE_AUDIT = {
  'application.assign': 6,
  'application.createDraft': 6,
  'application.screen': 5,
  'application.submit': 6,
  'assignment.declareConflict': 1,
  'assignment.declareNoConflict': 8,
  'attachment.upload': 6,
  'company.addMember': 6,
  'council.decide': 1,
  'meeting.addItem': 2,
  'meeting.attendance': 1,
  'meeting.create': 2,
  'review.submit': 7,
  'thread.post': 2,
};

export async function liveAuditCounts(): Promise<Record<string, number>> {
  const db = await getDb();
  const rows = await queryRows<{ action: string; n: number }>(
    db,
    sql`SELECT action, count(*)::int AS n FROM audit_log WHERE action IN (${sql.join(Object.keys(LIVE_AUDIT).map((a) => sql`${a}`), sql`, `)}) GROUP BY action`,
  );
  return Object.fromEntries(rows.map((r) => [r.action, Number(r.n)]));
}
