import 'server-only';
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { notifications, outbox, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';

export type NotificationInput = {
  userIds: string[];
  parkId?: string | null;
  /** A key under `notifications.*` in the message catalogues. */
  kind: string;
  params?: Record<string, string | number>;
  href?: string | null;
  /** Also e-mail it (through SMTP when configured, else into the outbox). */
  email?: { subject: string; body: string };
};

/** Queues in-app notifications (and e-mail) inside the caller's transaction, so they exist only if the change does. */
export async function notify(tx: DbOrTx, input: NotificationInput): Promise<void> {
  const ids = [...new Set(input.userIds)];
  if (!ids.length) return;
  await tx.insert(notifications).values(
    ids.map((userId) => ({ userId, parkId: input.parkId ?? null, kind: input.kind, params: input.params ?? {}, href: input.href ?? null })),
  );
  if (input.email) {
    const recipients = await tx.select({ email: users.email }).from(users).where(inArray(users.id, ids));
    if (recipients.length) await tx.insert(outbox).values(recipients.map((r) => ({ to: r.email, subject: input.email!.subject, body: input.email!.body })));
  }
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
