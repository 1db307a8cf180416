import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, notifications, recoveryCodes, users } from '@/db/schema';
import { rememberSecondFactor, secondFactorRequired, secondFactorRequiredRoles, totpCode, TOTP_PERIOD_SECONDS } from '@/lib/auth/totp';
import { unseal } from '@/lib/auth/sealed';
import { refusalOf } from '@/lib/test/code-of';
import { makeAdmin, makeApplicant, makeManagedPark, makeUser, TEST_PASSWORD } from '@/lib/test/fixtures';
import { confirmTotpEnrolment, disableSecondFactor, getSecondFactorStatus, regenerateRecoveryCodes, resetSecondFactor, startTotpEnrolment } from './second-factor';
import { loadSessionActor, startSession } from './sessions';
import { authenticate } from './users';

const step = TOTP_PERIOD_SECONDS * 1000;
const later = (t: Date, steps: number) => new Date(t.getTime() + steps * step);


/** Enrols the person at `t0`; returns their secret and recovery codes. */
async function enrol(person: Awaited<ReturnType<typeof makeApplicant>>, t0: Date) {
  const db = await getDb();
  const started = await startTotpEnrolment({ actor: person, now: t0 });
  const { recoveryCodes: codes } = await confirmTotpEnrolment(db, { actor: person, enrolment: started.enrolment, code: totpCode(started.secret, t0), now: t0 });
  return { secret: started.secret, codes };
}

const signIn = async (email: string, code: string | undefined, now: Date, secondFactorCookie?: string) =>
  authenticate(await getDb(), { email, password: TEST_PASSWORD, ...(code ? { code } : {}) }, null, { now, secondFactorCookie });

describe('two-factor sign-in (TOTP)', () => {
  it('enrolment stores nothing until confirmed, then the secret only encrypted and ten hashed recovery codes', async () => {
    const db = await getDb();
    const person = await makeApplicant();
    const t0 = new Date();
    const started = await startTotpEnrolment({ actor: person, now: t0 });
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/Technopark:/);
    expect(started.qrSvg).toContain('<svg');
    expect((await getSecondFactorStatus(db, { actor: person })).enabled).toBe(false);
    // A wrong code, or another person's enrolment, turns nothing on.
    expect((await refusalOf(confirmTotpEnrolment(db, { actor: person, enrolment: started.enrolment, code: '000000', now: t0 }))).key).toBe('secondFactorCodeWrong');
    const other = await makeApplicant();
    expect((await refusalOf(confirmTotpEnrolment(db, { actor: other, enrolment: started.enrolment, code: totpCode(started.secret, t0), now: t0 }))).key).toBe('secondFactorEnrolmentExpired');
    const { recoveryCodes: codes } = await confirmTotpEnrolment(db, { actor: person, enrolment: started.enrolment, code: totpCode(started.secret, t0), now: t0 });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const [row] = await db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, person.userId));
    expect(row.secret).not.toContain(started.secret);
    const kept = await db.select({ hash: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, person.userId));
    expect(kept.map((k) => k.hash).some((h) => codes.some((c) => h.includes(c)))).toBe(false);
    expect(await getSecondFactorStatus(db, { actor: person })).toMatchObject({ enabled: true, recoveryCodesLeft: 10, required: false });
    // An enrolment token expires after 15 minutes.
    const stale = await startTotpEnrolment({ actor: other, now: t0 });
    expect(unseal('totp enrolment', stale.enrolment, new Date(t0.getTime() + 16 * 60_000))).toBeNull();
  });

  it('sign-in asks for the code after the right password; accepts one step of drift either way, never the same code twice', async () => {
    const person = await makeApplicant();
    const t0 = new Date(Math.floor(Date.now() / step) * step + 5000);
    const { secret } = await enrol(person, t0);
    // A wrong password still says only "invalid"; the right one asks for the code.
    expect(await authenticate(await getDb(), { email: person.email, password: 'wrong-password-x' }, null, { now: t0 })).toEqual({ ok: false, reason: 'invalid' });
    const t1 = later(t0, 4);
    expect(await signIn(person.email, undefined, t1)).toEqual({ ok: false, reason: 'secondFactor' });
    expect(await signIn(person.email, '123456', t1)).toEqual({ ok: false, reason: 'invalidCode' });
    // The previous step's code (the phone's clock 30 s behind) is accepted…
    expect(await signIn(person.email, totpCode(secret, later(t1, -1)), t1)).toEqual({ ok: true, userId: person.userId });
    // …but not again, nor a code from before it.
    expect(await signIn(person.email, totpCode(secret, later(t1, -1)), t1)).toEqual({ ok: false, reason: 'invalidCode' });
    const t2 = later(t1, 10);
    expect(await signIn(person.email, totpCode(secret, later(t2, -2)), t2)).toEqual({ ok: false, reason: 'invalidCode' });
    expect(await signIn(person.email, totpCode(secret, later(t2, 2)), t2)).toEqual({ ok: false, reason: 'invalidCode' });
    expect(await signIn(person.email, totpCode(secret, later(t2, 1)), t2)).toEqual({ ok: true, userId: person.userId });
  });

  it('a recovery code signs in once; new codes replace the old; a trusted browser skips the code until the factor is reset', async () => {
    const db = await getDb();
    const person = await makeApplicant();
    const t0 = new Date(Math.floor(Date.now() / step) * step + 5000);
    const { secret, codes } = await enrol(person, t0);
    const t1 = later(t0, 3);
    expect(await signIn(person.email, codes[3].toUpperCase(), t1)).toEqual({ ok: true, userId: person.userId });
    expect(await signIn(person.email, codes[3], t1)).toEqual({ ok: false, reason: 'invalidCode' });
    expect((await getSecondFactorStatus(db, { actor: person })).recoveryCodesLeft).toBe(9);
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(db, { actor: person, code: totpCode(secret, t1), now: t1 });
    expect(await signIn(person.email, codes[4], t1)).toEqual({ ok: false, reason: 'invalidCode' });
    expect(await signIn(person.email, fresh[0], t1)).toMatchObject({ ok: true });

    const [{ enabledAt }] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, person.userId));
    const trusted = rememberSecondFactor(null, person.userId, enabledAt!, t1);
    expect(await signIn(person.email, undefined, later(t1, 100), trusted)).toEqual({ ok: true, userId: person.userId });
    expect(await signIn(person.email, undefined, new Date(t1.getTime() + 31 * 24 * 3600_000), trusted)).toEqual({ ok: false, reason: 'secondFactor' });
    const admin = await makeAdmin();
    await resetSecondFactor(db, { actor: admin, userId: person.userId });
    expect(await signIn(person.email, undefined, later(t1, 100))).toEqual({ ok: true, userId: person.userId });
    await enrol(person, later(t1, 200));
    expect(await signIn(person.email, undefined, later(t1, 201), trusted)).toEqual({ ok: false, reason: 'secondFactor' });
  });

  it('wrong codes count as failed sign-ins: guessing is throttled', async () => {
    const person = await makeApplicant();
    const t0 = new Date(Math.floor(Date.now() / step) * step + 5000);
    await enrol(person, t0);
    const reasons: string[] = [];
    for (let i = 0; i < 10 && !reasons.includes('throttled'); i++) {
      const result = await signIn(person.email, '000000', t0);
      reasons.push(result.ok ? 'ok' : result.reason);
    }
    expect(reasons.slice(0, 5)).toEqual(Array(5).fill('invalidCode'));
    expect(reasons.at(-1)).toBe('throttled');
  });

  it('turning off needs a current code and is refused to a role that requires it; an admin reset is audited and told', async () => {
    const db = await getDb();
    const person = await makeApplicant();
    const t0 = new Date(Math.floor(Date.now() / step) * step + 5000);
    const { secret } = await enrol(person, t0);
    expect((await refusalOf(disableSecondFactor(db, { actor: person, code: '000000', now: later(t0, 1) }))).key).toBe('secondFactorCodeWrong');
    await disableSecondFactor(db, { actor: person, code: totpCode(secret, later(t0, 1)), now: later(t0, 1) });
    expect((await getSecondFactorStatus(db, { actor: person })).enabled).toBe(false);
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.userId))).toHaveLength(0);

    const { parkId, manager } = await makeManagedPark();
    await expect(resetSecondFactor(db, { actor: manager, userId: person.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin = await makeAdmin();
    const other = await makeUser('staff', [{ parkId, role: 'expert' }]);
    const { secret: otherSecret } = await enrol(other, t0);
    expect(otherSecret).toBeTruthy();
    await resetSecondFactor(db, { actor: admin, userId: other.userId });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, other.userId), eq(auditLog.action, 'user.secondFactorReset')));
    expect(audit.actorId).toBe(admin.userId);
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, other.userId), eq(notifications.kind, 'secondFactorReset')));
    expect(told).toHaveLength(1);
    expect((await refusalOf(resetSecondFactor(db, { actor: admin, userId: other.userId }))).key).toBe('secondFactorOff');
  });
});

describe('required second factor (REQUIRE_2FA_FOR)', () => {
  it('reads the setting: production default admin and manager, none in development or demo, unknown roles refused', () => {
    expect([...secondFactorRequiredRoles(undefined, true)].sort()).toEqual(['admin', 'manager']);
    expect(secondFactorRequiredRoles(undefined, false).size).toBe(0);
    expect(secondFactorRequiredRoles('none', true).size).toBe(0);
    expect([...secondFactorRequiredRoles(' Expert , admin ', false)].sort()).toEqual(['admin', 'expert']);
    expect(() => secondFactorRequiredRoles('boss', true)).toThrow(/unknown roles: boss/);
    const required = secondFactorRequiredRoles('admin,manager', false);
    expect(secondFactorRequired({ kind: 'admin', memberships: [] }, required)).toBe(true);
    expect(secondFactorRequired({ kind: 'staff', memberships: [{ role: 'expert' }, { role: 'manager' }] }, required)).toBe(true);
    expect(secondFactorRequired({ kind: 'staff', memberships: [{ role: 'analyst' }] }, required)).toBe(false);
    expect(secondFactorRequired({ kind: 'applicant', memberships: [] }, required)).toBe(false);
  });

  it('a manager without a second factor can do nothing but enrol; once enrolled, the next request is a full session', async () => {
    const db = await getDb();
    const before = process.env.REQUIRE_2FA_FOR;
    process.env.REQUIRE_2FA_FOR = 'admin,manager';
    try {
      const { parkId, manager } = await makeManagedPark();
      const sessionId = await startSession(db, manager.userId);
      const actor = await loadSessionActor(db, { userId: manager.userId, sessionId });
      expect(actor).toMatchObject({ type: 'enrolling', userId: manager.userId });
      const { listParks } = await import('@/lib/parks/parks');
      const { can } = await import('@/lib/auth/permissions');
      expect(can(actor!, 'park.read', parkId)).toBe(false);
      await expect(listParks(db, { actor: actor! })).resolves.toEqual([]);
      const status = await getSecondFactorStatus(db, { actor: actor! });
      expect(status).toMatchObject({ enabled: false, required: true });
      const t0 = new Date();
      const started = await startTotpEnrolment({ actor: actor!, now: t0 });
      await confirmTotpEnrolment(db, { actor: actor!, enrolment: started.enrolment, code: totpCode(started.secret, t0), now: t0 });
      expect(await loadSessionActor(db, { userId: manager.userId, sessionId })).toMatchObject({ type: 'user', userId: manager.userId });
      // Required: it cannot be turned off.
      const full = (await loadSessionActor(db, { userId: manager.userId, sessionId }))!;
      expect((await refusalOf(disableSecondFactor(db, { actor: full, code: totpCode(started.secret, later(t0, 1)), now: later(t0, 1) }))).key).toBe('secondFactorRequired');
    } finally {
      if (before === undefined) delete process.env.REQUIRE_2FA_FOR;
      else process.env.REQUIRE_2FA_FOR = before;
    }
  });
});
