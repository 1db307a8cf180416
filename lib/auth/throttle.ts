import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { signInThrottle } from '@/db/schema';

/** Failed sign-ins allowed in a window before the key is locked for LOCK_MS. */
export const THROTTLE = {
  accountFailures: 5,
  addressFailures: 20,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

export const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

/** Milliseconds until the key may try again, or 0. */
export async function lockedFor(db: DbOrTx, key: string, now = new Date()): Promise<number> {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, key));
  if (!row?.lockedUntil) return 0;
  return Math.max(0, row.lockedUntil.getTime() - now.getTime());
}

export async function recordFailure(db: DbOrTx, key: string, limit: number, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMs);
  // One statement, so two failures at once both count.
  await db
    .insert(signInThrottle)
    .values({ key, windowStart: now, failures: 1, lockedUntil: limit <= 1 ? lockUntil : null })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: sql`CASE WHEN ${signInThrottle.windowStart} < ${windowStart.toISOString()}::timestamptz THEN 1 ELSE ${signInThrottle.failures} + 1 END`,
        windowStart: sql`CASE WHEN ${signInThrottle.windowStart} < ${windowStart.toISOString()}::timestamptz THEN ${now.toISOString()}::timestamptz ELSE ${signInThrottle.windowStart} END`,
        lockedUntil: sql`CASE WHEN (CASE WHEN ${signInThrottle.windowStart} < ${windowStart.toISOString()}::timestamptz THEN 1 ELSE ${signInThrottle.failures} + 1 END) >= ${limit} THEN ${lockUntil.toISOString()}::timestamptz ELSE ${signInThrottle.lockedUntil} END`,
      },
    });
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}
