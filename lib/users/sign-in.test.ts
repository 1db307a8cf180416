import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { notifications, outbox, signInThrottle } from '@/db/schema';
import { knownDeviceFor, rememberDevice } from '@/lib/auth/device';
import { accountKey, delayAfter, pruneSignInThrottle, THROTTLE } from '@/lib/auth/throttle';
import { runScheduledJobs, SCHEDULED_JOBS } from '@/lib/scheduler';
import { makeApplicant, TEST_PASSWORD, uniq } from '@/lib/test/fixtures';
import { authenticate } from './users';

const at = (start: Date, ms: number) => new Date(start.getTime() + ms);
const wrong = (email: string) => ({ email, password: `wrong-${uniq()}` });

/** `count` wrong passwords from as many addresses, each as soon as the account lets it; returns when the last one failed. */
async function attack(email: string, count: number, start: Date): Promise<Date> {
  const db = await getDb();
  let clock = start;
  for (let failures = 0, i = 0; failures < count; i++) {
    const result = await authenticate(db, wrong(email), `198.51.100.${i % 250}`, { now: clock });
    if (result.ok === false && result.reason === 'throttled') clock = at(clock, result.retryAfterSeconds * 1000);
    else failures++;
  }
  return clock;
}

describe('sign-in under attack', () => {
  it('the owner signs in from a device that signed in before while strangers hammer the account', async () => {
    const db = await getDb();
    const owner = await makeApplicant();
    const ownersBrowser = rememberDevice(null, owner.email); // set by their last successful sign-in
    const other = await makeApplicant();
    const othersBrowser = rememberDevice(null, other.email);
    // Strangers from many addresses, 12 wrong passwords, each as soon as the account lets them.
    const clock = await attack(owner.email, 12, new Date());
    // The owner, from their own browser, with the right password: in at once.
    expect(await authenticate(db, { email: owner.email, password: TEST_PASSWORD }, '203.0.113.5', { deviceCookie: ownersBrowser, now: clock })).toEqual({
      ok: true,
      userId: owner.userId,
    });
    // From a browser that never signed in to this account (another account's token, a forged one, none): made to wait.
    for (const deviceCookie of [othersBrowser, `${ownersBrowser.slice(0, -4)}AAAA`, null]) {
      expect(await authenticate(db, { email: owner.email, password: TEST_PASSWORD }, '203.0.113.5', { deviceCookie, now: clock })).toMatchObject({
        ok: false,
        reason: 'throttled',
      });
    }
    // The attack is still slowed after the owner's sign-in.
    expect(await authenticate(db, wrong(owner.email), '198.51.100.99', { now: clock })).toMatchObject({ reason: 'throttled' });
  });

  it("a stranger's attempts wait longer and longer, without ever locking the account for good", async () => {
    const db = await getDb();
    const victim = await makeApplicant();
    const t0 = new Date();
    for (let i = 0; i < THROTTLE.accountFailures; i++) expect(await authenticate(db, wrong(victim.email), null, { now: t0 })).toEqual({ ok: false, reason: 'invalid' });
    const waits: number[] = [];
    let clock = t0;
    for (let i = 0; i < 9; i++) {
      const refusal = await authenticate(db, wrong(victim.email), null, { now: clock });
      expect(refusal).toMatchObject({ ok: false, reason: 'throttled' });
      const wait = (refusal as { retryAfterSeconds: number }).retryAfterSeconds;
      waits.push(wait);
      // Asking again while waiting is refused and costs nothing: the wait does not grow.
      expect(await authenticate(db, wrong(victim.email), null, { now: at(clock, wait * 1000 - 1000) })).toMatchObject({ reason: 'throttled', retryAfterSeconds: 1 });
      clock = at(clock, wait * 1000);
      expect(await authenticate(db, wrong(victim.email), null, { now: clock })).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(waits).toEqual([15, 30, 60, 120, 240, 480, 900, 900, 900]);
    // Once the wait is over, the right password works from anywhere.
    const after = at(clock, THROTTLE.maxDelayMs);
    expect(await authenticate(db, { email: victim.email, password: TEST_PASSWORD }, null, { now: after })).toEqual({ ok: true, userId: victim.userId });
  });

  it('an address that tries many accounts slows down too, and a forged cookie does not lift it', async () => {
    const db = await getDb();
    const t0 = new Date();
    for (let i = 0; i < THROTTLE.addressFailures; i++) await authenticate(db, wrong(`${uniq()}@example.com`), '192.0.2.77', { now: t0 });
    const applicant = await makeApplicant();
    expect(await authenticate(db, { email: applicant.email, password: TEST_PASSWORD }, '192.0.2.77', { now: t0, deviceCookie: 'x.1.y' })).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterSeconds: delayAfter(THROTTLE.addressFailures, THROTTLE.addressFailures) / 1000,
    });
    expect(await authenticate(db, { email: applicant.email, password: TEST_PASSWORD }, '192.0.2.78', { now: t0 })).toMatchObject({ ok: true });
  });

  it("a known device's own failures slow that device only", async () => {
    const db = await getDb();
    const owner = await makeApplicant();
    const browser = rememberDevice(null, owner.email);
    const t0 = new Date();
    for (let i = 0; i < THROTTLE.deviceFailures; i++) await authenticate(db, wrong(owner.email), '203.0.113.9', { deviceCookie: browser, now: t0 });
    expect(await authenticate(db, { email: owner.email, password: TEST_PASSWORD }, '203.0.113.9', { deviceCookie: browser, now: t0 })).toMatchObject({ reason: 'throttled' });
    // The account itself was not slowed by them.
    expect(await authenticate(db, { email: owner.email, password: TEST_PASSWORD }, '203.0.113.10', { now: t0 })).toMatchObject({ ok: true });
  });

  it('the owner is told once per run of failures, in the app and by e-mail', async () => {
    const db = await getDb();
    const owner = await makeApplicant();
    const notices = async () => (await db.select().from(notifications).where(and(eq(notifications.userId, owner.userId), eq(notifications.kind, 'signInFailures')))).length;
    const mails = async () => (await db.select().from(outbox).where(eq(outbox.to, owner.email))).length;
    const t0 = new Date();
    const clock = await attack(owner.email, 12, t0);
    // Several failing at the same moment still make one notice.
    await Promise.all(Array.from({ length: 4 }, () => authenticate(db, wrong(owner.email), null, { now: at(clock, THROTTLE.maxDelayMs) })));
    expect([await notices(), await mails()]).toEqual([1, 1]);
    // A new run after a quiet spell is a new notice.
    const later = at(clock, THROTTLE.maxDelayMs + THROTTLE.quietMs + 60_000);
    for (let i = 0; i < THROTTLE.accountFailures; i++) await authenticate(db, wrong(owner.email), null, { now: later });
    expect([await notices(), await mails()]).toEqual([2, 2]);
    // Unknown e-mails have no one to tell, and the owner's own slips below the limit tell no one.
    const quiet = await makeApplicant();
    for (let i = 0; i < THROTTLE.accountFailures - 1; i++) await authenticate(db, wrong(quiet.email), null, { now: t0 });
    expect(await db.select().from(notifications).where(eq(notifications.userId, quiet.userId))).toHaveLength(0);
  });

  it('finished runs are pruned by the scheduler; runs still going are kept', async () => {
    const db = await getDb();
    const marker = uniq('prune');
    const rows = async () => (await db.select({ key: signInThrottle.key }).from(signInThrottle).where(like(signInThrottle.key, `email:${marker}%`))).map((r) => r.key);
    // A flood of one-off e-mails two hours ago, and an account under attack right now.
    const twoHoursAgo = at(new Date(), -2 * 3600_000);
    for (let i = 0; i < 40; i++) await authenticate(db, wrong(`${marker}-${i}@example.com`), null, { now: twoHoursAgo });
    const victim = `${marker}-victim@example.com`;
    const clock = await attack(victim, 10, new Date());
    expect(await rows()).toHaveLength(41);
    const job = SCHEDULED_JOBS.find((j) => j.name === 'finished runs of failed sign-ins')!;
    const results = await runScheduledJobs(db, new Date(), [job]);
    expect(results[job.name]).toBeGreaterThanOrEqual(40);
    expect(await rows()).toEqual([accountKey(victim)]);
    // Once that run has been quiet long enough (and is no longer waiting), it goes too.
    await pruneSignInThrottle(db, at(clock, THROTTLE.quietMs - 1000));
    expect(await rows()).toEqual([accountKey(victim)]);
    await pruneSignInThrottle(db, at(clock, THROTTLE.quietMs + THROTTLE.maxDelayMs + 1000));
    expect(await rows()).toEqual([]);
  });
});

describe('known-device tokens', () => {
  it('prove a device for one account only, expire, and keep the other accounts of a shared browser', () => {
    const now = new Date();
    const cookie = rememberDevice(null, 'a@example.com', now);
    const id = knownDeviceFor(cookie, 'A@Example.com ', now);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(knownDeviceFor(cookie, 'b@example.com', now)).toBeNull();
    expect(knownDeviceFor(cookie, 'a@example.com', at(now, 181 * 24 * 3600_000))).toBeNull();
    const shared = rememberDevice(cookie, 'b@example.com', now);
    expect(knownDeviceFor(shared, 'a@example.com', now)).toBe(id);
    expect(knownDeviceFor(shared, 'b@example.com', now)).not.toBeNull();
    // Signing in again keeps the device id and one token per account.
    const again = rememberDevice(shared, 'a@example.com', at(now, 1000));
    expect(knownDeviceFor(again, 'a@example.com', now)).toBe(id);
    expect(again.split('~')).toHaveLength(2);
    for (const junk of ['', 'garbage', `${cookie}x`, cookie.replace(/\.\d+\./, '.1.')]) expect(knownDeviceFor(junk, 'a@example.com', now)).toBeNull();
  });
});
