import 'server-only';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Db, DbOrTx } from '@/db/client';
import { memberships, recoveryCodes, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { decryptFromStorage, encryptForStorage, seal, unseal } from '@/lib/auth/sealed';
import { acceptTotp, looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, recoveryCodeHash, secondFactorRequired, totpUri } from '@/lib/auth/totp';
import { writeAudit } from '@/lib/audit';
import { AppError, notFound, refusal } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { isUuid } from '@/lib/validation/uuid';

/*
 * The second factor's state: the TOTP secret (kept encrypted), the last time step accepted, and
 * the recovery codes (kept hashed). Only the person enrols, replaces their codes or turns it off;
 * an administrator can only reset it, audited.
 */

const SECRET_PURPOSE = 'totp secret';
const ENROLMENT_PURPOSE = 'totp enrolment';
/** How long the QR code shown for enrolment stays good. */
const ENROLMENT_MS = 15 * 60 * 1000;

type Person = Extract<Actor, { type: 'user' | 'enrolling' }>;

function personOf(actor: Actor): Person {
  if (actor.type !== 'user' && actor.type !== 'enrolling') throw new AppError('UNAUTHENTICATED', 'sign in first', { key: 'unauthenticated' });
  return actor;
}

const wrongCode = () => refusal('VALIDATION', 'secondFactorCodeWrong', 'the code is wrong or has expired', 'code');

export type SecondFactorStatus = { enabled: boolean; enabledAt: Date | null; recoveryCodesLeft: number; required: boolean };

export async function getSecondFactorStatus(db: DbOrTx, { actor }: { actor: Actor }): Promise<SecondFactorStatus> {
  const person = personOf(actor);
  const [user] = await db.select({ enabledAt: users.totpEnabledAt, kind: users.kind }).from(users).where(eq(users.id, person.userId));
  if (!user) throw notFound('user');
  const [[left], roles] = await Promise.all([
    db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, person.userId), isNull(recoveryCodes.usedAt))),
    db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, person.userId)),
  ]);
  return { enabled: user.enabledAt !== null, enabledAt: user.enabledAt, recoveryCodesLeft: Number(left?.n ?? 0), required: secondFactorRequired({ kind: user.kind, memberships: roles }) };
}

export type TotpEnrolment = { secret: string; uri: string; qrSvg: string; enrolment: string };

/**
 * A new secret for the person to scan: nothing is stored until they confirm a code from it (the secret
 * travels sealed in the enrolment token, good for 15 minutes).
 */
export async function startTotpEnrolment({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<TotpEnrolment> {
  const person = personOf(actor);
  const secret = newTotpSecret();
  const uri = totpUri(secret, person.email);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, uri, qrSvg, enrolment: seal(ENROLMENT_PURPOSE, { userId: person.userId, secret }, new Date(now.getTime() + ENROLMENT_MS)) };
}

async function replaceRecoveryCodes(tx: DbOrTx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: recoveryCodeHash(code) })));
  return codes;
}

/** Confirms the enrolment with a code from the app: the second factor is on, and ten recovery codes are returned, once. */
export async function confirmTotpEnrolment(
  db: Db,
  { actor, enrolment, code, now = new Date() }: { actor: Actor; enrolment: string; code: string; now?: Date },
): Promise<{ recoveryCodes: string[] }> {
  const person = personOf(actor);
  const pending = unseal<{ userId: string; secret: string }>(ENROLMENT_PURPOSE, enrolment, now);
  if (!pending || pending.userId !== person.userId)
    throw refusal('VALIDATION', 'secondFactorEnrolmentExpired', 'this set-up has expired; start again with a new QR code');
  const step = acceptTotp(pending.secret, code, now, null);
  if (step === null) throw wrongCode();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ totpSecret: encryptForStorage(SECRET_PURPOSE, pending.secret), totpEnabledAt: now, totpLastStep: step })
      .where(and(eq(users.id, person.userId), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (!updated) throw refusal('CONFLICT', 'secondFactorAlreadyOn', 'two-factor sign-in is already on for this account');
    const codes = await replaceRecoveryCodes(tx, person.userId);
    await writeAudit(tx, { actor, action: 'user.secondFactorOn', entity: 'user', entityId: person.userId });
    return { recoveryCodes: codes };
  });
}

/**
 * Checks a code at sign-in (or to confirm a change): a TOTP code from the person's app, never one
 * accepted before, or one of their unused recovery codes, which is then used up.
 */
export async function verifySecondFactor(db: DbOrTx, userId: string, code: string, now = new Date()): Promise<'totp' | 'recovery' | null> {
  const trimmed = code.trim();
  if (looksLikeRecoveryCode(trimmed)) {
    const used = await db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, recoveryCodeHash(trimmed)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    return used.length ? 'recovery' : null;
  }
  const [user] = await db.select({ secret: users.totpSecret, lastStep: users.totpLastStep }).from(users).where(eq(users.id, userId));
  const secret = user?.secret ? decryptFromStorage(SECRET_PURPOSE, user.secret) : null;
  if (!secret) return null;
  const step = acceptTotp(secret, trimmed, now, user!.lastStep);
  if (step === null) return null;
  // Only one request can move the last step past this one: the same code at the same moment twice signs in once.
  const moved = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), sql`coalesce(${users.totpLastStep}, -1) < ${step}`))
    .returning({ id: users.id });
  return moved.length ? 'totp' : null;
}

async function assertOwnCode(db: DbOrTx, person: Person, code: string, now: Date): Promise<void> {
  if (!(await verifySecondFactor(db, person.userId, code, now))) throw wrongCode();
}

/** New recovery codes in place of the old ones, confirmed with a current code. */
export async function regenerateRecoveryCodes(db: Db, { actor, code, now = new Date() }: { actor: Actor; code: string; now?: Date }): Promise<{ recoveryCodes: string[] }> {
  const person = personOf(actor);
  const status = await getSecondFactorStatus(db, { actor });
  if (!status.enabled) throw refusal('CONFLICT', 'secondFactorOff', 'two-factor sign-in is not on for this account');
  await assertOwnCode(db, person, code, now);
  return db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, person.userId);
    await writeAudit(tx, { actor, action: 'user.newRecoveryCodes', entity: 'user', entityId: person.userId });
    return { recoveryCodes: codes };
  });
}

const CLEARED = { totpSecret: null, totpEnabledAt: null, totpLastStep: null } as const;

/** The person turns their second factor off with a current code, unless their role requires it. */
export async function disableSecondFactor(db: Db, { actor, code, now = new Date() }: { actor: Actor; code: string; now?: Date }): Promise<void> {
  const person = personOf(actor);
  const status = await getSecondFactorStatus(db, { actor });
  if (!status.enabled) throw refusal('CONFLICT', 'secondFactorOff', 'two-factor sign-in is not on for this account');
  if (status.required) throw refusal('FORBIDDEN', 'secondFactorRequired', 'your role requires two-factor sign-in');
  await assertOwnCode(db, person, code, now);
  await db.transaction(async (tx) => {
    await tx.update(users).set(CLEARED).where(eq(users.id, person.userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, person.userId));
    await writeAudit(tx, { actor, action: 'user.secondFactorOff', entity: 'user', entityId: person.userId });
  });
}

/**
 * An administrator resets a user's second factor (a lost phone): the secret, the recovery codes and
 * every trusted browser are gone; the user sets it up again at their next sign-in if their role
 * requires it. Audited, and the user is told.
 */
export async function resetSecondFactor(db: Db, { actor, userId }: { actor: Actor; userId: string }): Promise<void> {
  assertCan(actor, 'user.manage');
  if (!isUuid(userId)) throw notFound('user');
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw notFound('user');
    if (!before.enabledAt) throw refusal('CONFLICT', 'secondFactorOff', 'two-factor sign-in is not on for this account');
    await tx.update(users).set(CLEARED).where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await writeAudit(tx, { actor, action: 'user.secondFactorReset', entity: 'user', entityId: userId, before: { secondFactor: true }, after: { secondFactor: false } });
    await notify(tx, { userIds: [userId], kind: 'secondFactorReset', href: '/account/security' });
  });
}
