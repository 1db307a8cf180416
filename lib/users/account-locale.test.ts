import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { publicUrlWarning } from '@/lib/notifications/email';
import { makeApplicant } from '@/lib/test/fixtures';
import { recordSignIn } from './sign-in';
import { loadSessionActor, startSession } from './sessions';
import { setMyLocale } from './users';

describe("the person's language follows them", () => {
  it('is taken from the browser at the first sign-in, kept with the account, and not overwritten by another browser', async () => {
    const db = await getDb();
    const person = await makeApplicant();
    await db.update(users).set({ locale: null }).where(eq(users.id, person.userId));
    expect(await recordSignIn(db, { email: person.email.toUpperCase(), locale: 'ru' })).toEqual({ userId: person.userId, secondFactorSince: null });
    const sessionId = await startSession(db, person.userId);
    expect(await loadSessionActor(db, { userId: person.userId, sessionId })).toMatchObject({ locale: 'ru' });
    // Another device whose browser asks for English: the stored choice stays.
    await recordSignIn(db, { email: person.email, locale: 'en' });
    expect(await loadSessionActor(db, { userId: person.userId, sessionId })).toMatchObject({ locale: 'ru' });
    // Changed from the menu: every device's next request shows it.
    await setMyLocale(db, { actor: person, locale: 'en' });
    expect(await loadSessionActor(db, { userId: person.userId, sessionId })).toMatchObject({ locale: 'en' });
  });
});

describe('links in e-mail', () => {
  it('a production server warns when neither APP_URL nor AUTH_URL is set', () => {
    expect(publicUrlWarning({ NODE_ENV: 'production' })).toMatch(/APP_URL.*localhost:3000/);
    expect(publicUrlWarning({ NODE_ENV: 'production', APP_URL: 'https://park.example' })).toBeNull();
    expect(publicUrlWarning({ NODE_ENV: 'production', AUTH_URL: 'https://park.example' })).toBeNull();
    expect(publicUrlWarning({ NODE_ENV: 'development' })).toBeNull();
  });
});
