import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { outbox, passwordResetTokens, signInThrottle, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { assertCan } from '@/lib/auth/permissions';
import { accountKey, lockedFor, recordFailure } from '@/lib/auth/throttle';
import { writeAudit } from '@/lib/audit';
import { AppError, notFound, refusal } from '@/lib/errors';
import { renderNotificationEmail } from '@/lib/notifications/email';
import { notify } from '@/lib/notifications/notifications';
import { parseInput } from '@/lib/validation/parse';
import { passwordResetRequestSchema, passwordResetSchema } from '@/lib/validation/users';
import { isUuid } from '@/lib/validation/uuid';
import { endAllSessions } from './sessions';
import { assertAcceptablePassword } from './users';

/*
 * Password reset by e-mail. The link carries a random token; only its SHA-256 is stored, it works
 * once, for an hour. Asking for one answers the same whether or not the address has an account, and
 * does the same work either way; the requests are throttled per address asked about and per
 * requesting network address. Setting a new password ends every session of the account.
 */

export const RESET_LINK_MS = 60 * 60 * 1000;
/** Reset e-mails per account in a run (after which more requests answer the same and send nothing). */
export const RESET_PER_ACCOUNT = 3;
/** Requests from one network address in a run, after which it is asked to wait. */
export const RESET_PER_ADDRESS = 10;

const resetAccountKey = (email: string) => `reset-${accountKey(email)}`;
const resetAddressKey = (ip: string) => `reset-ip:${ip}`;
const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

async function issueResetLink(tx: DbOrTx, user: { id: string; email: string; locale: string | null }, requestedBy: string | null, now: Date): Promise<void> {
  const token = crypto.randomBytes(32).toString('base64url');
  await tx.insert(passwordResetTokens).values({ userId: user.id, tokenHash: tokenHash(token), requestedBy, createdAt: now, expiresAt: new Date(now.getTime() + RESET_LINK_MS) });
  const mail = renderNotificationEmail({ locale: user.locale, kind: requestedBy ? 'passwordResetByAdmin' : 'passwordReset', params: {}, href: `/reset-password?token=${token}`, park: null });
  await tx.insert(outbox).values({ to: user.email, ...mail });
}

/**
 * "Forgot password?": e-mails a reset link to an enabled account with this address; to anyone else,
 * nothing. The answer is the same either way.
 */
export async function requestPasswordReset(db: Db, input: unknown, { ip = null, now = new Date() }: { ip?: string | null; now?: Date } = {}): Promise<{ email: string }> {
  const { email } = parseInput(passwordResetRequestSchema, input);
  if (ip) {
    const wait = await lockedFor(db, resetAddressKey(ip), now);
    if (wait > 0) throw new AppError('RATE_LIMITED', 'too many reset requests from this address; try again later', { key: 'throttled', params: { unit: 'minutes', count: Math.ceil(wait / 60_000) } });
    await recordFailure(db, resetAddressKey(ip), RESET_PER_ADDRESS, now);
  }
  await db.transaction(async (tx) => {
    // Counted for every address asked about, known or not, so both cost the same.
    const accountWait = await lockedFor(tx, resetAccountKey(email), now);
    await recordFailure(tx, resetAccountKey(email), RESET_PER_ACCOUNT, now);
    const [user] = await tx.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(and(eq(users.email, email), isNull(users.disabledAt)));
    if (user && accountWait === 0) await issueResetLink(tx, user, null, now);
  });
  return { email };
}

/** An administrator sends a user a reset link (they never see or set the password). Audited. */
export async function sendPasswordResetLink(db: Db, { actor, userId, now = new Date() }: { actor: Actor; userId: string; now?: Date }): Promise<{ email: string }> {
  assertCan(actor, 'user.manage');
  if (!isUuid(userId)) throw notFound('user');
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, email: users.email, locale: users.locale, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound('user');
    if (user.disabledAt) throw refusal('CONFLICT', 'resetDisabledAccount', 'enable the account before sending it a reset link');
    await issueResetLink(tx, user, actor.type === 'user' ? actor.userId : null, now);
    await writeAudit(tx, { actor, action: 'user.passwordResetSent', entity: 'user', entityId: user.id });
    return { email: user.email };
  });
}

const linkInvalid = () => refusal('VALIDATION', 'resetLinkInvalid', 'this reset link is invalid, used or expired; ask for a new one');

/** Whether a reset link can still be used (the page says so before the person types a password). */
export async function resetLinkUsable(db: DbOrTx, token: unknown, now = new Date()): Promise<boolean> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 200) return false;
  const [row] = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.tokenHash, tokenHash(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)));
  return Boolean(row);
}

/**
 * Sets a new password from a reset link: the link is used up (with every other open link of the
 * account), every session of the account ends, and the failed sign-in counters of the account are
 * cleared. A guessable password is refused and leaves the link usable.
 */
export async function resetPassword(db: Db, input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<{ email: string }> {
  const { token, password } = parseInput(passwordResetSchema, input);
  const hash = tokenHash(token);
  const [pending] = await db
    .select({ userId: passwordResetTokens.userId, email: users.email, name: users.name })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(and(eq(passwordResetTokens.tokenHash, hash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now), isNull(users.disabledAt)));
  if (!pending) throw linkInvalid();
  assertAcceptablePassword(password, pending);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Claimed in one statement: of two uses at once, one wins and the other finds it used.
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.tokenHash, hash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
      .returning({ userId: passwordResetTokens.userId });
    if (!claimed) throw linkInvalid();
    await tx.update(passwordResetTokens).set({ usedAt: now }).where(and(eq(passwordResetTokens.userId, claimed.userId), isNull(passwordResetTokens.usedAt)));
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, claimed.userId));
    await endAllSessions(tx, claimed.userId, now);
    await tx.delete(signInThrottle).where(eq(signInThrottle.key, accountKey(pending.email)));
    await writeAudit(tx, { actor: { type: 'person', userId: claimed.userId }, action: 'user.passwordReset', entity: 'user', entityId: claimed.userId });
    await notify(tx, { userIds: [claimed.userId], kind: 'passwordChanged', href: '/account/security' });
    return { email: pending.email };
  });
}
