import 'server-only';
import { and, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { memberships, userSessions, users } from '@/db/schema';
import type { ParkRole } from '@/db/schema/values';
import { secondFactorRequired } from '@/lib/auth/totp';
import type { Actor } from '@/lib/auth/actor';
import { isUuid } from '@/lib/validation/uuid';

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
  if (!userId || !sessionId || !isUuid(userId) || !isUuid(sessionId)) return null;
  // Every request asks this: the session, the account and its memberships in one round trip.
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      kind: users.kind,
      locale: users.locale,
      timeZone: users.timeZone,
      totpEnabledAt: users.totpEnabledAt,
      memberships: sql<{ parkId: string; role: ParkRole }[]>`coalesce((select json_agg(json_build_object('parkId', ${memberships.parkId}, 'role', ${memberships.role})) from ${memberships} where ${memberships.userId} = ${users.id}), '[]'::json)`,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(openSession({ userId, sessionId, now }), isNull(users.disabledAt)));
  if (!row) return null;
  const actor: Actor = { type: 'user', userId: row.id, email: row.email, name: row.name, kind: row.kind, memberships: row.memberships, locale: row.locale, timeZone: row.timeZone };
  // A role that requires a second factor, not set up yet: the session may only set it up.
  if (!secondFactorRequired(actor) || row.totpEnabledAt) return actor;
  return { type: 'enrolling', userId: actor.userId, email: actor.email, name: actor.name, locale: actor.locale };
}

/** The condition that a session is the user's and still open (not ended, not past its lifetime). */
function openSession({ userId, sessionId, now }: { userId: string; sessionId: string; now: Date }) {
  return and(
    eq(userSessions.id, sessionId),
    eq(userSessions.userId, userId),
    isNull(userSessions.revokedAt),
    gt(userSessions.createdAt, new Date(now.getTime() - SESSION_LIFETIME_MS)),
  );
}

/** Ends every open session of a user (a new password, an administrator's reset). */
export async function endAllSessions(db: DbOrTx, userId: string, now = new Date()): Promise<void> {
  await db.update(userSessions).set({ revokedAt: now }).where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}

/** Forgets sessions that can no longer sign anyone in: ended, or past their lifetime. Returns how many. */
export async function pruneSessions(db: DbOrTx, now = new Date()): Promise<number> {
  const gone = await db
    .delete(userSessions)
    .where(or(isNotNull(userSessions.revokedAt), lt(userSessions.createdAt, new Date(now.getTime() - SESSION_LIFETIME_MS))))
    .returning({ id: userSessions.id });
  return gone.length;
}
