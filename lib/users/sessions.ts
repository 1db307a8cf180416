import 'server-only';
import { and, eq, gt, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { userSessions, users } from '@/db/schema';
import { secondFactorRequired } from '@/lib/auth/totp';
import type { Actor } from '@/lib/auth/actor';
import { isUuid } from '@/lib/validation/uuid';
import { loadActor } from './users';

/**
 * A session lasts at most this long from sign-in, however active: the cookie rolls on with use, but a
 * stolen or forgotten one does not live for ever. Then the person signs in again.
 */
export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/** Opens a session for a user who has just proved who they are; its id goes into the session cookie. */
export async function startSession(db: DbOrTx, userId: string): Promise<string> {
  const [row] = await db.insert(userSessions).values({ userId }).returning({ id: userSessions.id });
  return row.id;
}

/** Ends a session on the server: its cookie, or any copy of it, no longer signs anyone in. Idempotent. */
export async function endSession(db: DbOrTx, sessionId: string | undefined | null): Promise<void> {
  if (!sessionId || !isUuid(sessionId)) return;
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/**
 * The actor of a session cookie: the user, if the session is the user's, still open, and the
 * account is enabled. Null otherwise (signed out, revoked, disabled, or a cookie from before sessions).
 * A user whose role requires a second factor they have not set up is an `enrolling` actor, whom
 * every permission refuses.
 */
export async function loadSessionActor(
  db: DbOrTx,
  { userId, sessionId, now = new Date() }: { userId: string | undefined | null; sessionId: string | undefined | null; now?: Date },
): Promise<Actor | null> {
  if (!(await isSessionOpen(db, { userId, sessionId, now }))) return null;
  const actor = await loadActor(db, userId!);
  if (actor?.type !== 'user' || !secondFactorRequired(actor)) return actor;
  // A role that requires a second factor, not set up yet: the session may only set it up.
  const [user] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, actor.userId));
  return user?.enabledAt ? actor : { type: 'enrolling', userId: actor.userId, email: actor.email, name: actor.name, locale: actor.locale };
}

/** Ends every open session of a user (a new password, an administrator's reset). */
export async function endAllSessions(db: DbOrTx, userId: string, now = new Date()): Promise<void> {
  await db.update(userSessions).set({ revokedAt: now }).where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}

/** Whether the session is the user's and still open (not ended, not past its lifetime). */
export async function isSessionOpen(
  db: DbOrTx,
  { userId, sessionId, now = new Date() }: { userId: string | undefined | null; sessionId: string | undefined | null; now?: Date },
): Promise<boolean> {
  if (!userId || !sessionId || !isUuid(userId) || !isUuid(sessionId)) return false;
  const [open] = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(
      and(
        eq(userSessions.id, sessionId),
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.createdAt, new Date(now.getTime() - SESSION_LIFETIME_MS)),
      ),
    );
  return Boolean(open);
}

/** Forgets sessions that can no longer sign anyone in: ended, or past their lifetime. Returns how many. */
export async function pruneSessions(db: DbOrTx, now = new Date()): Promise<number> {
  const gone = await db
    .delete(userSessions)
    .where(or(isNotNull(userSessions.revokedAt), lt(userSessions.createdAt, new Date(now.getTime() - SESSION_LIFETIME_MS))))
    .returning({ id: userSessions.id });
  return gone.length;
}
