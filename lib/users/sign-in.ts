import 'server-only';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { signInThrottle, users } from '@/db/schema';
import { knownDeviceFor } from '@/lib/auth/device';
import { decoyHash, verifyPassword } from '@/lib/auth/password';
import { secondFactorRemembered } from '@/lib/auth/totp';
import { accountKey, addressKey, claimRunNotice, deviceKey, lockedFor, recordFailure, THROTTLE } from '@/lib/auth/throttle';
import type { Locale } from '@/lib/i18n/locales';
import { notify } from '@/lib/notifications/notifications';
import { signInSchema } from '@/lib/validation/users';
import { verifySecondFactor } from './second-factor';

export type AuthenticateResult =
  | { ok: true; userId: string }
  /**
   * `disabled`: the right password for a disabled account (only then is the account's state told).
   * `secondFactor`: the right password; now the code from the authenticator app or a recovery code.
   * `invalidCode`: the right password with a wrong, used or expired code.
   */
  | { ok: false; reason: 'invalid' | 'disabled' | 'secondFactor' | 'invalidCode' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type SignInContext = {
  /** The browser's known-device cookie (lib/auth/device.ts), if it sent one. */
  deviceCookie?: string | null;
  /** The browser's "trust this browser" cookie for the second factor (lib/auth/totp.ts), if it sent one. */
  secondFactorCookie?: string | null;
  now?: Date;
};

/**
 * Checks an e-mail and password, then the second factor where the account has one (unless this browser
 * was trusted for it). Unknown accounts and wrong passwords look alike ("invalid"); only the right
 * password learns that the account is disabled or wants a code. A throttle makes the caller wait.
 *
 * From a device that signed in to this account before, only that device's own failures slow it
 * down, so a stranger's failures on the account never keep its owner out. From anywhere else the
 * account and the address each slow down after their free failures (lib/auth/throttle.ts), and the
 * owner is told once per run of failures on their account.
 */
export async function authenticate(db: Db, input: unknown, ip: string | null, { deviceCookie, secondFactorCookie, now = new Date() }: SignInContext = {}): Promise<AuthenticateResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password, code } = parsed.data;
  const deviceId = knownDeviceFor(deviceCookie, email, now);
  const keys = deviceId
    ? [{ key: deviceKey(deviceId), limit: THROTTLE.deviceFailures }]
    : [{ key: accountKey(email), limit: THROTTLE.accountFailures }, ...(ip ? [{ key: addressKey(ip), limit: THROTTLE.addressFailures }] : [])];
  let wait = 0;
  for (const { key } of keys) wait = Math.max(wait, await lockedFor(db, key, now));
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !valid) {
    for (const { key, limit } of keys) await recordFailure(db, key, limit, now);
    if (user && !deviceId) await tellOwnerOfFailures(db, user.id, email, now);
    return { ok: false, reason: 'invalid' };
  }
  if (user.disabledAt) return { ok: false, reason: 'disabled' };
  if (user.totpEnabledAt && !secondFactorRemembered(secondFactorCookie, user.id, user.totpEnabledAt, now)) {
    if (!code) return { ok: false, reason: 'secondFactor' };
    if (!(await verifySecondFactor(db, user.id, code, now))) {
      // A wrong code counts as a failed sign-in: guessing codes is slowed down like guessing passwords.
      for (const { key, limit } of keys) await recordFailure(db, key, limit, now);
      return { ok: false, reason: 'invalidCode' };
    }
  }
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

/**
 * After a successful sign-in: a person who never chose a language gets the one their browser asked
 * for, kept with the account so every device shows it. Returns what the sign-in's cookies need.
 */
export async function recordSignIn(db: Db, { email, locale }: { email: string; locale: Locale }): Promise<{ userId: string; secondFactorSince: Date | null } | null> {
  const normalized = email.trim().toLowerCase();
  await db.update(users).set({ locale }).where(and(eq(users.email, normalized), isNull(users.locale)));
  const [user] = await db.select({ id: users.id, since: users.totpEnabledAt }).from(users).where(eq(users.email, normalized));
  return user ? { userId: user.id, secondFactorSince: user.since } : null;
}
