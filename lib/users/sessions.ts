import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { userSessions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { loadActor } from './users';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opens a session for a user who has just proved who they are; its id goes into the session cookie. */
export async function startSession(db: DbOrTx, userId: string): Promise<string> {
  const [row] = await db.insert(userSessions).values({ userId }).returning({ id: userSessions.id });
  return row.id;
}

/** Ends a session on the server: its cookie, or any copy of it, no longer signs anyone in. Idempotent. */
export async function endSession(db: DbOrTx, sessionId: string | undefined | null): Promise<void> {
  if (!sessionId || !UUID.test(sessionId)) return;
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/**
 * The actor of a session cookie: the user, if the session is the user's, still open, and the
 * account is enabled. Null otherwise (signed out, revoked, disabled, or a cookie from before sessions).
 */
export async function loadSessionActor(
  db: DbOrTx,
  { userId, sessionId }: { userId: string | undefined | null; sessionId: string | undefined | null },
): Promise<Actor | null> {
  if (!userId || !sessionId || !UUID.test(userId) || !UUID.test(sessionId)) return null;
  const [open] = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
  if (!open) return null;
  return loadActor(db, userId);
}
