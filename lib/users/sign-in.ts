import 'server-only';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { signInThrottle, users } from '@/db/schema';
import { knownDeviceFor } from '@/lib/auth/device';
import { decoyHash, verifyPassword } from '@/lib/auth/password';
import { accountKey, addressKey, claimRunNotice, deviceKey, lockedFor, recordFailure, THROTTLE } from '@/lib/auth/throttle';
import { notify } from '@/lib/notifications/notifications';
import { signInSchema } from '@/lib/validation/users';

export type AuthenticateResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type SignInContext = {
  /** The browser's known-device cookie (lib/auth/device.ts), if it sent one. */
  deviceCookie?: string | null;
  now?: Date;
};

/**
 * Checks an e-mail and password. Unknown accounts, wrong passwords and disabled accounts all look
 * like "invalid" from outside, except while a throttle makes the caller wait.
 *
 * From a device that signed in to this account before, only that device's own failures slow it
 * down, so a stranger's failures on the account never keep its owner out. From anywhere else the
 * account and the address each slow down after their free failures (lib/auth/throttle.ts), and the
 * owner is told once per run of failures on their account.
 */
export async function authenticate(db: Db, input: unknown, ip: string | null, { deviceCookie, now = new Date() }: SignInContext = {}): Promise<AuthenticateResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;
  const deviceId = knownDeviceFor(deviceCookie, email, now);
  const keys = deviceId
    ? [{ key: deviceKey(deviceId), limit: THROTTLE.deviceFailures }]
    : [{ key: accountKey(email), limit: THROTTLE.accountFailures }, ...(ip ? [{ key: addressKey(ip), limit: THROTTLE.addressFailures }] : [])];
  let wait = 0;
  for (const { key } of keys) wait = Math.max(wait, await lockedFor(db, key, now));
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !valid) {
    for (const { key, limit } of keys) await recordFailure(db, key, limit, now);
    if (user && !deviceId) await tellOwnerOfFailures(db, user.id, email, now);
    return { ok: false, reason: 'invalid' };
  }
  if (user.disabledAt) return { ok: false, reason: 'disabled' };
  // The owner's own slips are forgotten; a run that reached the limit (someone else's, perhaps) runs on.
  const [first] = keys;
  await db.delete(signInThrottle).where(and(eq(signInThrottle.key, first.key), lt(signInThrottle.failures, first.limit)));
  return { ok: true, userId: user.id };
}

/** Once per run of failures on an account that reached the limit: an in-app notice and an e-mail to its owner. */
async function tellOwnerOfFailures(db: Db, userId: string, email: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    if (await claimRunNotice(tx, accountKey(email), THROTTLE.accountFailures, now))
      await notify(tx, { userIds: [userId], kind: 'signInFailures', params: { count: THROTTLE.accountFailures } });
  });
}
