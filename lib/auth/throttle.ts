import { and, eq, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { signInThrottle } from '@/db/schema';

/**
 * Failed sign-ins slow a key down instead of locking it: up to the limit attempts are free; each
 * failure past it makes the next attempt wait twice as long as the one before (from `firstDelayMs`
 * up to `maxDelayMs`). A run of failures ends after `quietMs` without one. Attempts refused while
 * waiting cost nothing (no password hash is computed) and do not lengthen the wait.
 */
export const THROTTLE = {
  accountFailures: 5,
  addressFailures: 20,
  deviceFailures: 5,
  firstDelayMs: 15_000,
  maxDelayMs: 15 * 60_000,
  quietMs: 15 * 60_000,
};

export const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;
export const deviceKey = (deviceId: string) => `device:${deviceId}`;

/** How long the next attempt must wait after `failures` failures in a run, with `limit` free ones. */
export function delayAfter(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(THROTTLE.maxDelayMs, THROTTLE.firstDelayMs * 2 ** Math.min(failures - limit, 30));
}

/** Milliseconds until the key may try again, or 0. */
export async function lockedFor(db: DbOrTx, key: string, now = new Date()): Promise<number> {
  const [row] = await db.select({ lockedUntil: signInThrottle.lockedUntil }).from(signInThrottle).where(eq(signInThrottle.key, key));
  if (!row?.lockedUntil) return 0;
  return Math.max(0, row.lockedUntil.getTime() - now.getTime());
}

export type FailureRun = { failures: number; windowStart: Date; lockedUntil: Date | null };

/** Counts a failure in the key's run (a new run after a quiet spell) and sets the wait before the next attempt. */
export async function recordFailure(db: DbOrTx, key: string, limit: number, now = new Date()): Promise<FailureRun> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const quietSince = sql`${new Date(now.getTime() - THROTTLE.quietMs).toISOString()}::timestamptz`;
  const stale = sql`${signInThrottle.lastFailureAt} < ${quietSince}`;
  const failures = sql`(CASE WHEN ${stale} THEN 1 ELSE ${signInThrottle.failures} + 1 END)`;
  // The same doubling as delayAfter, in SQL, so two failures at once both count in one statement.
  const delayMs = sql`LEAST(${THROTTLE.maxDelayMs}, ${THROTTLE.firstDelayMs} * power(2, LEAST(${failures} - ${limit}, 30)))`;
  const firstWait = delayAfter(1, limit);
  const [row] = await db
    .insert(signInThrottle)
    .values({ key, windowStart: now, lastFailureAt: now, failures: 1, lockedUntil: firstWait ? new Date(now.getTime() + firstWait) : null })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures,
        windowStart: sql`CASE WHEN ${stale} THEN ${at} ELSE ${signInThrottle.windowStart} END`,
        lastFailureAt: at,
        lockedUntil: sql`CASE WHEN ${failures} >= ${limit} THEN ${at} + ${delayMs} * interval '1 millisecond' ELSE NULL END`,
      },
    })
    .returning({ failures: signInThrottle.failures, windowStart: signInThrottle.windowStart, lockedUntil: signInThrottle.lockedUntil });
  return row;
}

/**
 * Claims the one notice of a run once it reaches `limit` failures: true for exactly one caller per
 * run, however many fail at the same moment.
 */
export async function claimRunNotice(db: DbOrTx, key: string, limit: number, now = new Date()): Promise<boolean> {
  const claimed = await db
    .update(signInThrottle)
    .set({ notifiedAt: now })
    .where(
      and(
        eq(signInThrottle.key, key),
        gte(signInThrottle.failures, limit),
        or(isNull(signInThrottle.notifiedAt), lt(signInThrottle.notifiedAt, signInThrottle.windowStart)),
      ),
    )
    .returning({ key: signInThrottle.key });
  return claimed.length > 0;
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

/** Forgets finished runs: quiet for `quietMs` and no longer waiting. Returns how many rows went. */
export async function pruneSignInThrottle(db: DbOrTx, now = new Date()): Promise<number> {
  const gone = await db
    .delete(signInThrottle)
    .where(
      and(
        lt(signInThrottle.lastFailureAt, new Date(now.getTime() - THROTTLE.quietMs)),
        or(isNull(signInThrottle.lockedUntil), lte(signInThrottle.lockedUntil, now)),
      ),
    )
    .returning({ key: signInThrottle.key });
  return gone.length;
}
