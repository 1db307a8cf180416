import 'server-only';
import { count, desc, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditLog, outbox, parks, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { MAX_SEND_ATTEMPTS, SEND_WINDOW_MS } from '@/lib/notifications/mailer';

export async function getInstallationStats(db: DbOrTx, { actor }: { actor: Actor }) {
  assertCan(actor, 'user.manage');
  const [[p], [u], [a], [o]] = await Promise.all([
    db.select({ n: count() }).from(parks),
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(auditLog),
    db.select({ n: count() }).from(outbox).where(isNull(outbox.sentAt)),
  ]);
  return { parks: Number(p.n), users: Number(u.n), auditEntries: Number(a.n), outboxPending: Number(o.n) };
}

export type OutboxMessageDto = {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: Date;
  sentAt: Date | null;
  /**
   * `waiting` to be sent (or kept, without SMTP); `retrying` after a failed send; `failed` after the last
   * allowed one; `expired`: unsent and older than the send window, so it will not be sent any more.
   */
  status: 'sent' | 'waiting' | 'retrying' | 'failed' | 'expired';
  attempts: number;
  error: string | null;
};

export async function listOutbox(db: DbOrTx, { actor, limit = 200, now = new Date() }: { actor: Actor; limit?: number; now?: Date }): Promise<OutboxMessageDto[]> {
  assertCan(actor, 'outbox.read');
  const rows = await db
    .select({
      id: outbox.id,
      to: outbox.to,
      subject: outbox.subject,
      body: outbox.body,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      attempts: outbox.attempts,
      error: outbox.error,
    })
    .from(outbox)
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    ...r,
    status: r.sentAt
      ? 'sent'
      : r.attempts >= MAX_SEND_ATTEMPTS
        ? 'failed'
        : now.getTime() - r.createdAt.getTime() >= SEND_WINDOW_MS
          ? 'expired'
          : r.error
            ? 'retrying'
            : 'waiting',
  }));
}
