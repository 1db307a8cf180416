import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { notifications, outbox, users } from '@/db/schema';
import { makeApplicant, makeManager, makePark, TEST_PASSWORD, uniq } from '@/lib/test/fixtures';
import { confirmSignUp, requestSignUp, SIGN_UP_LINK_MS } from './sign-up';
import { authenticate } from './users';

const mailsTo = async (email: string) => (await getDb()).select().from(outbox).where(eq(outbox.to, email));
const tokenIn = (body: string) => /\/sign-up\/confirm\?token=([A-Za-z0-9_-]+)/.exec(body)?.[1];

describe('sign-up', () => {
  it('answers the same whether or not the e-mail has an account; only the mailbox learns which', async () => {
    const db = await getDb();
    const applicant = await makeApplicant();
    const manager = await makeManager((await makePark()).id);
    const fresh = `${uniq()}@example.com`;
    const answers = [];
    for (const email of [applicant.email.toUpperCase(), manager.email, fresh])
      answers.push(await requestSignUp(db, { name: 'Someone Else', email, password: TEST_PASSWORD }, { locale: 'en' }));
    expect(answers).toEqual([{ email: applicant.email }, { email: manager.email }, { email: fresh }]);
    // Nothing was created, and the existing accounts' passwords are untouched.
    expect(await db.select().from(users).where(eq(users.email, fresh))).toHaveLength(0);
    // Existing accounts are told someone tried; the new address gets the link.
    for (const actor of [applicant, manager]) {
      const notices = await db.select().from(notifications).where(eq(notifications.userId, actor.userId));
      expect(notices.map((n) => n.kind)).toContain('signUpExisting');
      const mails = await mailsTo(actor.email);
      expect(mails.some((m) => tokenIn(m.body))).toBe(false);
    }
    const [link] = await mailsTo(fresh);
    expect(tokenIn(link.body)).toBeTruthy();
    expect(link.body).not.toContain(TEST_PASSWORD);
  });

  it('the link creates the applicant account once, in the language signed up in; then the password signs in', async () => {
    const db = await getDb();
    const email = `${uniq()}@example.com`;
    await requestSignUp(db, { name: 'New Founder', email, password: TEST_PASSWORD }, { locale: 'ru' });
    const token = tokenIn((await mailsTo(email))[0].body)!;
    expect(await confirmSignUp(db, token)).toEqual({ email });
    expect(await confirmSignUp(db, token)).toEqual({ email });
    const rows = await db.select().from(users).where(eq(users.email, email));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'applicant', name: 'New Founder', locale: 'ru' });
    expect(await authenticate(db, { email, password: TEST_PASSWORD }, null)).toMatchObject({ ok: true, userId: rows[0].id });
  });

  it('refuses an altered, foreign or expired link, and a guessable password before anything is sent', async () => {
    const db = await getDb();
    const email = `${uniq()}@example.com`;
    await requestSignUp(db, { name: 'New Founder', email, password: TEST_PASSWORD });
    const token = tokenIn((await mailsTo(email))[0].body)!;
    const altered = `${token.slice(0, 40)}${token[40] === 'A' ? 'B' : 'A'}${token.slice(41)}`;
    for (const bad of [altered, 'garbage', '', null])
      await expect(confirmSignUp(db, bad)).rejects.toMatchObject({ code: 'VALIDATION', key: 'signUpLinkInvalid' });
    await expect(confirmSignUp(db, token, { now: new Date(Date.now() + SIGN_UP_LINK_MS + 60_000) })).rejects.toMatchObject({ key: 'signUpLinkInvalid' });
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    const other = `${uniq()}@example.com`;
    await expect(requestSignUp(db, { name: 'X', email: other, password: 'aaaaaaaaaa' })).rejects.toMatchObject({ fieldErrors: { password: ['passwordTooSimple'] } });
    expect(await mailsTo(other)).toHaveLength(0);
  });
});
