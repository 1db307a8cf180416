import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { outbox, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { seal, unseal } from '@/lib/auth/sealed';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/locales';
import { renderNotificationEmail } from '@/lib/notifications/email';
import { notify } from '@/lib/notifications/notifications';
import { parseInput } from '@/lib/validation/parse';
import { signUpSchema } from '@/lib/validation/users';
import { assertAcceptablePassword, createConfirmedApplicant } from './users';

/** How long a sign-up's confirmation link works. */
export const SIGN_UP_LINK_MS = 24 * 60 * 60 * 1000;
const PURPOSE = 'sign-up';

type PendingSignUp = { email: string; name: string; passwordHash: string; locale: Locale | null };

/**
 * Public sign-up, step one. The answer is the same whether or not the e-mail already has an account,
 * so sign-up tells no one who has one: a new address gets a link that creates the account (the
 * pending sign-up travels sealed inside it; nothing is stored), and an existing account gets a notice
 * that someone tried, in the app and by e-mail. Only the mailbox's owner learns which.
 */
export async function requestSignUp(db: Db, input: unknown, { locale = null, now = new Date() }: { locale?: Locale | null; now?: Date } = {}): Promise<{ email: string }> {
  const data = parseInput(signUpSchema, input);
  assertAcceptablePassword(data.password, data);
  // Hashed whether or not the e-mail is taken, so the answer takes as long either way.
  const passwordHash = await hashPassword(data.password);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email));
    if (existing) {
      await notify(tx, { userIds: [existing.id], kind: 'signUpExisting', href: '/sign-in' });
      return;
    }
    const pending: PendingSignUp = { email: data.email, name: data.name, passwordHash, locale };
    const token = seal(PURPOSE, pending, new Date(now.getTime() + SIGN_UP_LINK_MS));
    const mail = renderNotificationEmail({ locale, kind: 'signUpConfirm', params: {}, href: `/sign-up/confirm?token=${token}`, park: null });
    await tx.insert(outbox).values({ to: data.email, ...mail });
  });
  return { email: data.email };
}

/**
 * Step two, from the link: creates the applicant account. Following the link again, or after the
 * e-mail got an account some other way, changes nothing and answers the same: sign in.
 */
export async function confirmSignUp(db: Db, token: unknown, { now = new Date() }: { now?: Date } = {}): Promise<{ email: string }> {
  const pending = unseal<PendingSignUp>(PURPOSE, token, now);
  if (!pending) throw new AppError('VALIDATION', 'this sign-up link is invalid or has expired; sign up again', { key: 'signUpLinkInvalid' });
  try {
    await createConfirmedApplicant(db, pending);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
  }
  return { email: pending.email };
}
