import { and, desc, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, outbox, passwordResetTokens, users } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { refusalOf } from '@/lib/test/code-of';
import { makeAdmin, makeApplicant, makeManagedPark, TEST_PASSWORD, uniq } from '@/lib/test/fixtures';
import { RESET_LINK_MS, RESET_PER_ACCOUNT, RESET_PER_ADDRESS, requestPasswordReset, resetLinkUsable, resetPassword, sendPasswordResetLink } from './password-reset';
import { loadSessionActor, startSession } from './sessions';
import { authenticate, setUserDisabled } from './users';

const NEW_PASSWORD = 'a-new-long-passphrase-42';

/** The token in the last reset e-mail to `email`. */
async function lastResetToken(email: string): Promise<string | null> {
  const db = await getDb();
  const [mail] = await db.select({ body: outbox.body }).from(outbox).where(and(eq(outbox.to, email), like(outbox.body, '%/reset-password?token=%'))).orderBy(desc(outbox.createdAt)).limit(1);
  return mail ? /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.body)![1] : null;
}

const mailsTo = async (email: string) => (await (await getDb()).select({ id: outbox.id }).from(outbox).where(eq(outbox.to, email))).length;


describe('password reset', () => {
  it('a link works once, sets the password, ends every session and is not kept in the clear', async () => {
    const db = await getDb();
    const person = await makeApplicant();
    const sessions = [await startSession(db, person.userId), await startSession(db, person.userId)];
    expect(await requestPasswordReset(db, { email: person.email.toUpperCase() })).toEqual({ email: person.email });
    const token = (await lastResetToken(person.email))!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, person.userId));
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toContain(token);
    expect(await resetLinkUsable(db, token)).toBe(true);

    expect(await resetPassword(db, { token, password: NEW_PASSWORD })).toEqual({ email: person.email });
    for (const sessionId of sessions) expect(await loadSessionActor(db, { userId: person.userId, sessionId })).toBeNull();
    expect(await authenticate(db, { email: person.email, password: NEW_PASSWORD }, null)).toEqual({ ok: true, userId: person.userId });
    expect(await authenticate(db, { email: person.email, password: TEST_PASSWORD }, null)).toEqual({ ok: false, reason: 'invalid' });

    // Used: refused, and nothing changes.
    expect(await resetLinkUsable(db, token)).toBe(false);
    const again = await refusalOf(resetPassword(db, { token, password: 'yet-another-passphrase-7' }));
    expect(again.key).toBe('resetLinkInvalid');
    expect(await authenticate(db, { email: person.email, password: NEW_PASSWORD }, null)).toMatchObject({ ok: true });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, person.userId), eq(auditLog.action, 'user.passwordReset')));
    expect(audit.actorId).toBe(person.userId);
  });

  it('a link expires after an hour; a guessable password is refused and leaves the link usable', async () => {
    const db = await getDb();
    const person = await makeApplicant();
    const t0 = new Date();
    await requestPasswordReset(db, { email: person.email }, { now: t0 });
    const token = (await lastResetToken(person.email))!;
    const weak = await refusalOf(resetPassword(db, { token, password: person.email }, { now: t0 }));
    expect(weak.code).toBe('VALIDATION');
    expect(await resetLinkUsable(db, token, t0)).toBe(true);
    const late = new Date(t0.getTime() + RESET_LINK_MS + 1000);
    expect((await refusalOf(resetPassword(db, { token, password: NEW_PASSWORD }, { now: late }))).key).toBe('resetLinkInvalid');
    expect(await authenticate(db, { email: person.email, password: TEST_PASSWORD }, null)).toMatchObject({ ok: true });
  });

  it('an unknown or disabled address gets the same answer, about as fast, and no e-mail', async () => {
    const db = await getDb();
    const person = await makeApplicant();
    const disabled = await makeApplicant();
    await setUserDisabled(db, { actor: systemActor('cli'), userId: disabled.userId, disabled: true });
    const unknown = `${uniq('nobody')}@example.com`;
    const timings: Record<string, number[]> = { known: [], unknown: [] };
    for (let i = 0; i < 3; i++) {
      for (const [label, email] of [['known', person.email], ['unknown', unknown]] as const) {
        const started = performance.now();
        expect(await requestPasswordReset(db, { email })).toEqual({ email });
        timings[label].push(performance.now() - started);
      }
    }
    expect(await requestPasswordReset(db, { email: disabled.email })).toEqual({ email: disabled.email });
    expect(await mailsTo(unknown)).toBe(0);
    expect(await lastResetToken(disabled.email)).toBeNull();
    // Same timing class: neither path hashes a password or waits on the mail server.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
    expect(median(timings.unknown)).toBeLessThan(Math.max(50, median(timings.known) * 3));
    expect(median(timings.known)).toBeLessThan(Math.max(50, median(timings.unknown) * 3));
  });

  it('is throttled per account (silently) and per requesting address (told to wait)', async () => {
    const db = await getDb();
    const person = await makeApplicant();
    const t0 = new Date();
    for (let i = 0; i < RESET_PER_ACCOUNT + 3; i++) await requestPasswordReset(db, { email: person.email }, { now: t0 });
    const tokens = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, person.userId));
    expect(tokens.length).toBe(RESET_PER_ACCOUNT);

    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < RESET_PER_ADDRESS; i++) await requestPasswordReset(db, { email: `${uniq('x')}@example.com` }, { ip, now: t0 });
    const waited = await refusalOf(requestPasswordReset(db, { email: person.email }, { ip, now: t0 }));
    expect(waited.code).toBe('RATE_LIMITED');
  });

  it('bad input is refused and changes nothing', async () => {
    const db = await getDb();
    expect((await refusalOf(requestPasswordReset(db, { email: 'not an address' }))).code).toBe('VALIDATION');
    expect((await refusalOf(resetPassword(db, { token: 'x'.repeat(43), password: NEW_PASSWORD }))).key).toBe('resetLinkInvalid');
    expect((await refusalOf(resetPassword(db, { token: 'short', password: NEW_PASSWORD }))).code).toBe('VALIDATION');
    expect(await resetLinkUsable(db, { not: 'a string' })).toBe(false);
  });

  it('an administrator sends a reset link (audited) and never sees the password; others may not', async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    const person = await makeApplicant();
    const { manager } = await makeManagedPark();
    expect((await refusalOf(sendPasswordResetLink(db, { actor: manager, userId: person.userId }))).code).toBe('FORBIDDEN');
    expect(await sendPasswordResetLink(db, { actor: admin, userId: person.userId })).toEqual({ email: person.email });
    const token = (await lastResetToken(person.email))!;
    const [row] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, person.userId));
    expect(row.requestedBy).toBe(admin.userId);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, person.userId), eq(auditLog.action, 'user.passwordResetSent')));
    expect(audit.actorId).toBe(admin.userId);
    await resetPassword(db, { token, password: NEW_PASSWORD });
    const [user] = await db.select({ changed: users.passwordChangedAt }).from(users).where(eq(users.id, person.userId));
    expect(user.changed).not.toBeNull();
    await setUserDisabled(db, { actor: admin, userId: person.userId, disabled: true });
    expect((await refusalOf(sendPasswordResetLink(db, { actor: admin, userId: person.userId }))).key).toBe('resetDisabledAccount');
  });
});
