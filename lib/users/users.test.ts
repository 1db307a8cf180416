import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, userSessions, users } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { assertCan, can } from '@/lib/auth/permissions';
import { THROTTLE } from '@/lib/auth/throttle';
import { AppError } from '@/lib/errors';
import { createPark, getParkBySlug, listParks } from '@/lib/parks/parks';
import { makeAdmin, makeAnalyst, makeApplicant, makeExpert, makeManager, makePark, TEST_PASSWORD, uniq } from '@/lib/test/fixtures';
import { endSession, loadSessionActor, pruneSessions, SESSION_LIFETIME_MS, startSession } from './sessions';
import { authenticate, createUser, loadActor, setMyLocale, setUserDisabled, signUp } from './users';

describe('sign-up and sign-in', () => {
  it('sign-up creates an applicant with an argon2id hash, never the password', async () => {
    const db = await getDb();
    const email = `${uniq()}@Example.com`;
    const user = await signUp(db, { name: 'New Founder', email, password: TEST_PASSWORD });
    expect(user.kind).toBe('applicant');
    expect(user.email).toBe(email.toLowerCase());
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain(TEST_PASSWORD);
    expect(user).not.toHaveProperty('passwordHash');
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, user.id)));
    expect(entry).toMatchObject({ action: 'user.signUp', actorId: user.id });
  });

  it('keeps the language a person signed up in, or chose later, for their e-mail', async () => {
    const db = await getDb();
    const localeOf = async (id: string) => (await db.select({ locale: users.locale }).from(users).where(eq(users.id, id)))[0].locale;
    const english = await signUp(db, { name: 'English', email: `${uniq()}@example.com`, password: TEST_PASSWORD }, { locale: 'en' });
    const unknown = await signUp(db, { name: 'Unknown', email: `${uniq()}@example.com`, password: TEST_PASSWORD });
    expect([await localeOf(english.id), await localeOf(unknown.id)]).toEqual(['en', null]);
    const actor = await loadActor(db, unknown.id);
    await setMyLocale(db, { actor: actor!, locale: 'ru' });
    expect([await localeOf(english.id), await localeOf(unknown.id)]).toEqual(['en', 'ru']);
  });

  it('sign-up refuses a taken e-mail, a short password and unknown fields, changing nothing', async () => {
    const db = await getDb();
    const email = `${uniq()}@example.com`;
    await signUp(db, { name: 'A', email, password: TEST_PASSWORD });
    await expect(signUp(db, { name: 'B', email: email.toUpperCase(), password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(signUp(db, { name: 'C', email: `${uniq()}@example.com`, password: 'short' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { password: ['passwordTooShort'] },
    });
    await expect(signUp(db, { name: 'D', email: `${uniq()}@example.com`, password: TEST_PASSWORD, kind: 'admin' })).rejects.toMatchObject({ code: 'VALIDATION' });
    const rows = await db.select().from(users).where(eq(users.email, email));
    expect(rows).toHaveLength(1);
  });

  it('refuses common and context-derived passwords at sign-up and account creation, writing nothing', async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    const email = `${uniq()}.founder@example.com`;
    const cases: [string, string][] = [
      ['aaaaaaaaaa', 'passwordTooSimple'],
      ['1234567890', 'passwordTooCommon'],
      [email, 'passwordPersonal'],
      [`${email.split('@')[0]}!2024`, 'passwordPersonal'],
      ['Anna Karenina 1878', 'passwordPersonal'],
    ];
    for (const [password, key] of cases) {
      await expect(signUp(db, { name: 'Anna Karenina', email, password })).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { password: [key] } });
      await expect(
        createUser(db, { actor: admin, input: { name: 'Anna Karenina', email, password, kind: 'staff' } }),
      ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { password: [key] } });
    }
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it('authenticates the right password only', async () => {
    const db = await getDb();
    const applicant = await makeApplicant();
    expect(await authenticate(db, { email: applicant.email, password: TEST_PASSWORD }, '10.0.0.1')).toEqual({ ok: true, userId: applicant.userId });
    expect(await authenticate(db, { email: applicant.email, password: 'wrong-password!' }, '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticate(db, { email: 'nobody@example.com', password: TEST_PASSWORD }, '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticate(db, { email: 42, password: null }, null)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('throttles an account after repeated failures, even with the right password', async () => {
    const db = await getDb();
    const applicant = await makeApplicant();
    for (let i = 0; i < THROTTLE.accountFailures; i++) {
      expect((await authenticate(db, { email: applicant.email, password: `wrong-${i}-password` }, `10.1.0.${i}`)).ok).toBe(false);
    }
    expect(await authenticate(db, { email: applicant.email, password: TEST_PASSWORD }, '10.1.1.1')).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('throttles an address that tries many accounts', async () => {
    const db = await getDb();
    const applicant = await makeApplicant();
    for (let i = 0; i < THROTTLE.addressFailures; i++) {
      await authenticate(db, { email: `${uniq()}@example.com`, password: 'wrong-password!' }, '10.9.9.9');
    }
    expect(await authenticate(db, { email: applicant.email, password: TEST_PASSWORD }, '10.9.9.9')).toMatchObject({ ok: false, reason: 'throttled' });
    expect(await authenticate(db, { email: applicant.email, password: TEST_PASSWORD }, '10.9.9.10')).toMatchObject({ ok: true });
  });

  it('a disabled user can neither sign in nor act on an existing session', async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    const applicant = await makeApplicant();
    await setUserDisabled(db, { actor: admin, userId: applicant.userId, disabled: true });
    expect(await authenticate(db, { email: applicant.email, password: TEST_PASSWORD }, null)).toEqual({ ok: false, reason: 'disabled' });
    expect(await loadActor(db, applicant.userId)).toBeNull();
    await setUserDisabled(db, { actor: admin, userId: applicant.userId, disabled: false });
    expect(await loadActor(db, applicant.userId)).not.toBeNull();
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, applicant.userId)));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['user.create', 'user.disable', 'user.enable']));
  });
});

describe('sessions', () => {
  it('a session signs in only while open: signing out ends it for every copy of the cookie', async () => {
    const db = await getDb();
    const applicant = await makeApplicant();
    const sid = await startSession(db, applicant.userId);
    const other = await startSession(db, applicant.userId);
    expect(await loadSessionActor(db, { userId: applicant.userId, sessionId: sid })).toMatchObject({ userId: applicant.userId });
    await endSession(db, sid);
    await endSession(db, sid); // twice is harmless
    expect(await loadSessionActor(db, { userId: applicant.userId, sessionId: sid })).toBeNull();
    // Another device's session stays open.
    expect(await loadSessionActor(db, { userId: applicant.userId, sessionId: other })).not.toBeNull();
  });

  it('refuses a cookie without a session, another user’s session and garbage ids', async () => {
    const db = await getDb();
    const a = await makeApplicant();
    const b = await makeApplicant();
    const sid = await startSession(db, a.userId);
    expect(await loadSessionActor(db, { userId: a.userId, sessionId: undefined })).toBeNull();
    expect(await loadSessionActor(db, { userId: b.userId, sessionId: sid })).toBeNull();
    expect(await loadSessionActor(db, { userId: a.userId, sessionId: 'not-a-uuid' })).toBeNull();
    await endSession(db, 'not-a-uuid');
    expect(await loadSessionActor(db, { userId: a.userId, sessionId: sid })).not.toBeNull();
  });

  it('a session ends on its own after its lifetime, and ended sessions are pruned', async () => {
    const db = await getDb();
    const applicant = await makeApplicant();
    const sid = await startSession(db, applicant.userId);
    const ended = await startSession(db, applicant.userId);
    await endSession(db, ended);
    const later = (ms: number) => new Date(Date.now() + ms);
    expect(await loadSessionActor(db, { userId: applicant.userId, sessionId: sid, now: later(SESSION_LIFETIME_MS - 60_000) })).not.toBeNull();
    expect(await loadSessionActor(db, { userId: applicant.userId, sessionId: sid, now: later(SESSION_LIFETIME_MS + 60_000) })).toBeNull();
    // Pruning now forgets the ended one only; after the lifetime, the other too.
    const count = async () => (await db.select().from(userSessions).where(eq(userSessions.userId, applicant.userId))).length;
    await pruneSessions(db);
    expect(await count()).toBe(1);
    await pruneSessions(db, later(SESSION_LIFETIME_MS + 60_000));
    expect(await count()).toBe(0);
  });

  it('disabling an account ends its sessions; enabling it again does not revive them', async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    const applicant = await makeApplicant();
    const sid = await startSession(db, applicant.userId);
    await setUserDisabled(db, { actor: admin, userId: applicant.userId, disabled: true });
    await setUserDisabled(db, { actor: admin, userId: applicant.userId, disabled: false });
    expect(await loadSessionActor(db, { userId: applicant.userId, sessionId: sid })).toBeNull();
    const fresh = await startSession(db, applicant.userId);
    expect(await loadSessionActor(db, { userId: applicant.userId, sessionId: fresh })).not.toBeNull();
  });
});

describe('permissions in the data layer', () => {
  it('maps roles to actions per park', async () => {
    const park = await makePark();
    const other = await makePark();
    const manager = await makeManager(park.id);
    const expert = await makeExpert(park.id);
    const analyst = await makeAnalyst(park.id);
    const applicant = await makeApplicant();
    const admin = await makeAdmin();
    expect(can(manager, 'incentive.grant', park.id)).toBe(true);
    expect(can(manager, 'incentive.grant', other.id)).toBe(false);
    expect(can(expert, 'incentive.grant', park.id)).toBe(false);
    expect(can(expert, 'review.submit', park.id)).toBe(true);
    expect(can(analyst, 'report.read', park.id)).toBe(true);
    expect(can(analyst, 'kpi.review', park.id)).toBe(false);
    expect(can(applicant, 'application.create')).toBe(true);
    expect(can(applicant, 'report.read', park.id)).toBe(false);
    expect(can(admin, 'user.manage')).toBe(true);
    expect(can(admin, 'review.submit', park.id)).toBe(false);
    expect(can(systemActor('cli'), 'dataset.import')).toBe(true);
  });

  it('refuses in the domain function, not only in the UI', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const applicant = await makeApplicant();
    await expect(createUser(db, { actor: manager, input: { email: `${uniq()}@example.com`, name: 'X', password: TEST_PASSWORD, kind: 'admin' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createPark(db, { actor: applicant, input: { slug: uniq('p-'), name: 'P', region: 'R', type: 'mixed' } })).rejects.toBeInstanceOf(AppError);
    await expect(setUserDisabled(db, { actor: manager, userId: applicant.userId, disabled: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await loadActor(db, applicant.userId)).not.toBeNull();
  });

  it('isolates parks: another park looks like a missing one', async () => {
    const db = await getDb();
    const mine = await makePark();
    const theirs = await makePark();
    const manager = await makeManager(mine.id);
    expect((await listParks(db, { actor: manager })).map((p) => p.slug)).toEqual([mine.slug]);
    await expect(getParkBySlug(db, { actor: manager, slug: theirs.slug })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getParkBySlug(db, { actor: manager, slug: 'no-such-park' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(() => assertCan(manager, 'incentive.grant', theirs.id)).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect((await getParkBySlug(db, { actor: manager, slug: mine.slug })).id).toBe(mine.id);
  });

  it('writes the audit row in the same transaction as the change', async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    const park = await createPark(db, { actor: admin, input: { slug: uniq('audit-'), name: 'Audited', region: 'R', type: 'industrial' } });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'park'), eq(auditLog.entityId, park.id)));
    expect(entry).toMatchObject({ action: 'park.create', actorId: admin.userId, parkId: park.id });
    expect(entry.after).toMatchObject({ slug: park.slug });
    // the log is append-only
    await expect(db.update(auditLog).set({ action: 'tampered' }).where(eq(auditLog.id, entry.id))).rejects.toThrow();
    await expect(createPark(db, { actor: admin, input: { slug: park.slug, name: 'Dup', region: 'R', type: 'mixed' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    const entries = await db.select().from(auditLog).where(eq(auditLog.action, 'park.create'));
    expect(entries.filter((e) => (e.after as { slug?: string } | null)?.slug === park.slug)).toHaveLength(1);
  });
});
