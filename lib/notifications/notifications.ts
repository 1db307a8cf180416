import 'server-only';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { notifications, outbox, parks, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { renderNotificationEmail } from './email';

export type NotificationInput = {
  userIds: string[];
  parkId?: string | null;
  /** A key under `notifications.*` in the message catalogues. */
  kind: string;
  params?: Record<string, string | number>;
  href?: string | null;
  /** Words a person wrote for the recipients (a return comment, a rejection reason): quoted in the e-mail only. */
  note?: string | null;
  /** An iCalendar event the e-mail carries (a council meeting's invitation, change or cancellation). */
  calendar?: string | null;
};

/**
 * Queues in-app notifications, and with each one an e-mail to its recipient (unless disabled) in their
 * language, inside the caller's transaction, so they exist only if the change does. The outbox is
 * delivered by `flushOutbox` when SMTP is configured and otherwise waits on the admins' outbox page.
 */
export async function notify(tx: DbOrTx, input: NotificationInput): Promise<void> {
  const ids = [...new Set(input.userIds)];
  if (!ids.length) return;
  const parkId = input.parkId ?? null;
  const params = input.params ?? {};
  const href = input.href ?? null;
  const recipients = await tx
    .select({ email: users.email, locale: users.locale, park: parks.name })
    .from(users)
    .leftJoin(parks, parkId ? eq(parks.id, parkId) : sql`false`)
    .where(and(inArray(users.id, ids), isNull(users.disabledAt)));
  const inApp = tx.insert(notifications).values(ids.map((userId) => ({ userId, parkId, kind: input.kind, params, href })));
  if (!recipients.length) {
    await inApp;
    return;
  }
  const mail = tx
    .insert(outbox)
    .values(recipients.map((r) => ({ to: r.email, calendar: input.calendar ?? null, ...renderNotificationEmail({ locale: r.locale, kind: input.kind, params, href, park: r.park, note: input.note }) })));
  // One statement writes both, however many recipients.
  await tx.execute(sql`WITH in_app AS (${inApp.getSQL()}) ${mail.getSQL()}`);
}

function userIdOf(actor: Actor): string {
  if (actor.type !== 'user') throw new AppError('FORBIDDEN', 'notifications belong to signed-in users');
  return actor.userId;
}

export async function countUnread(db: DbOrTx, { actor }: { actor: Actor }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userIdOf(actor)), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export type NotificationDto = { id: string; kind: string; params: Record<string, string | number>; href: string | null; read: boolean; createdAt: Date };

export async function listNotifications(db: DbOrTx, { actor, limit = 50 }: { actor: Actor; limit?: number }): Promise<NotificationDto[]> {
  const rows = await db
    .select({ id: notifications.id, kind: notifications.kind, params: notifications.params, href: notifications.href, readAt: notifications.readAt, createdAt: notifications.createdAt })
    .from(notifications)
    .where(eq(notifications.userId, userIdOf(actor)))
    .orderBy(desc(notifications.createdAt))
    .limit(Math.min(Math.max(limit, 1), 200));
  return rows.map((r) => ({ id: r.id, kind: r.kind, params: (r.params ?? {}) as Record<string, string | number>, href: r.href, read: r.readAt !== null, createdAt: r.createdAt }));
}

/** Marks the actor's own notifications read (all, or the given ids); others' are untouched by construction. */
export async function markNotificationsRead(db: DbOrTx, { actor, ids }: { actor: Actor; ids?: string[] }): Promise<void> {
  const mine = and(eq(notifications.userId, userIdOf(actor)), isNull(notifications.readAt));
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(ids?.length ? and(mine, inArray(notifications.id, ids)) : mine);
}
