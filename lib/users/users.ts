import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { memberships, parks, userSessions, users } from '@/db/schema';
import type { UserKind } from '@/db/schema/values';
import type { Actor, ParkRole } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-policy';
import { assertCan } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { AppError, fromDatabaseError, notFound } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/locales';
import { parseInput } from '@/lib/validation/parse';
import type { z } from 'zod';
import { createUserSchema, signUpSchema, type CreateUserInput } from '@/lib/validation/users';
import { myTimeZoneSchema, type MyTimeZoneInput } from '@/lib/validation/time-zones';

/** What a page may show of a user: never the hash. */
export type UserDto = {
  id: string;
  email: string;
  name: string;
  kind: UserKind;
  disabled: boolean;
  memberships: { parkId: string; parkSlug: string; parkName: string; role: ParkRole }[];
};

/** Builds the acting user from the database; a disabled or missing account yields null (signed out). */
export async function loadActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, kind: users.kind, timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  const rows = await db
    .select({ parkId: memberships.parkId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, user.id));
  return { type: 'user', userId: user.id, email: user.email, name: user.name, kind: user.kind, memberships: rows, timeZone: user.timeZone };
}

export { authenticate, type AuthenticateResult, type SignInContext } from './sign-in';

/** A guessable password (lib/auth/password-policy.ts) is refused on the password field. */
export function assertAcceptablePassword(password: string, person: { email: string; name: string }): void {
  const problem = passwordProblem(password, person);
  if (problem) throw new AppError('VALIDATION', `choose a harder password (${problem})`, { key: problem, fieldErrors: { password: [problem] } });
}

/** `actor: 'self'` for sign-up, where the new account is its own author in the audit log. */
async function insertUser(
  tx: DbOrTx,
  actor: Actor | 'self',
  data: Omit<z.output<typeof createUserSchema>, 'password'> & ({ password: string } | { passwordHash: string }),
  locale: Locale | null = null,
) {
  let passwordHash: string;
  if ('passwordHash' in data) passwordHash = data.passwordHash;
  else {
    assertAcceptablePassword(data.password, data);
    passwordHash = await hashPassword(data.password);
  }
  try {
    const [user] = await tx
      .insert(users)
      .values({ email: data.email, name: data.name, kind: data.kind, passwordHash, locale })
      .returning({ id: users.id, email: users.email, name: users.name, kind: users.kind });
    if (data.memberships.length) {
      await tx.insert(memberships).values(data.memberships.map((m) => ({ userId: user.id, parkId: m.parkId, role: m.role })));
    }
    await writeAudit(tx, {
      actor: actor === 'self' ? { type: 'user', userId: user.id, email: user.email, name: user.name, kind: user.kind, memberships: [] } : actor,
      action: actor === 'self' ? 'user.signUp' : 'user.create',
      entity: 'user',
      entityId: user.id,
      after: { ...user, memberships: data.memberships },
    });
    return user;
  } catch (error) {
    const mapped = fromDatabaseError(error);
    if (mapped instanceof AppError && mapped.code === 'CONFLICT')
      throw new AppError('CONFLICT', `a user with e-mail ${data.email} already exists`, {
        key: 'emailTaken',
        fieldErrors: { email: ['a user with this e-mail already exists'] },
      });
    throw mapped;
  }
}

/**
 * Creates an applicant at once, who gets e-mail in the language they signed up in. The public sign-up
 * page does not call it: it goes through lib/users/sign-up.ts, which confirms the e-mail first.
 */
export async function signUp(db: Db, input: unknown, { locale = null }: { locale?: Locale | null } = {}) {
  const data = parseInput(signUpSchema, input);
  return db.transaction((tx) => insertUser(tx, 'self', { ...data, kind: 'applicant', memberships: [] }, locale));
}

/** The applicant account of a confirmed sign-up (lib/users/sign-up.ts): its password was checked and hashed when it was requested. */
export async function createConfirmedApplicant(db: Db, pending: { email: string; name: string; passwordHash: string; locale: Locale | null }) {
  const { locale, ...data } = pending;
  return db.transaction((tx) => insertUser(tx, 'self', { ...data, kind: 'applicant', memberships: [] }, locale));
}

/** The language a person chose, kept so that their e-mail comes in it too. */
export async function setMyLocale(db: DbOrTx, { actor, locale }: { actor: Actor; locale: Locale }): Promise<void> {
  if (actor.type !== 'user') return;
  await db.update(users).set({ locale }).where(eq(users.id, actor.userId));
}

/**
 * The time zone a person reads the pages outside a park in (/my, /notifications, /admin); empty
 * clears it back to the installation's. A zone this runtime does not know is refused, nothing changed.
 */
export async function setMyTimeZone(db: DbOrTx, { actor, input }: { actor: Actor; input: MyTimeZoneInput }): Promise<{ timeZone: string | null }> {
  const data = parseInput(myTimeZoneSchema, input);
  if (actor.type !== 'user') throw new AppError('FORBIDDEN', 'only a person has a time zone of their own');
  const timeZone = data.timeZone || null;
  await db.update(users).set({ timeZone }).where(eq(users.id, actor.userId));
  return { timeZone };
}

/** Admins (and the CLI) create users of any kind and give staff their parks. */
export async function createUser(db: Db, { actor, input }: { actor: Actor; input: CreateUserInput }) {
  assertCan(actor, 'user.manage');
  const data = parseInput(createUserSchema, input);
  if (data.kind !== 'staff' && data.memberships.length)
    throw new AppError('VALIDATION', 'only staff accounts have park roles', {
      fieldErrors: { memberships: ['only staff accounts have park roles'] },
    });
  return db.transaction(async (tx) => {
    if (data.memberships.length) {
      const ids = [...new Set(data.memberships.map((m) => m.parkId))];
      const found = await tx.select({ id: parks.id }).from(parks).where(inArray(parks.id, ids));
      if (found.length !== ids.length) throw notFound('park');
    }
    return insertUser(tx, actor, data);
  });
}

export async function setUserDisabled(db: Db, { actor, userId, disabled }: { actor: Actor; userId: string; disabled: boolean }) {
  assertCan(actor, 'user.manage');
  if (actor.type === 'user' && actor.userId === userId && disabled)
    throw new AppError('VALIDATION', 'you cannot disable your own account', { key: 'cannotDisableSelf' });
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw notFound('user');
    const [after] = await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null })
      .where(eq(users.id, userId))
      .returning({ disabledAt: users.disabledAt });
    // A disabled account is signed out everywhere; enabling it again does not revive old sessions.
    if (disabled) await tx.update(userSessions).set({ revokedAt: new Date() }).where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
    await writeAudit(tx, { actor, action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: userId, before, after });
  });
}

export async function setMemberships(
  db: Db,
  { actor, userId, assignments }: { actor: Actor; userId: string; assignments: { parkId: string; role: ParkRole }[] },
) {
  assertCan(actor, 'user.manage');
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ kind: users.kind }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw notFound('user');
    if (user.kind !== 'staff' && assignments.length) throw new AppError('VALIDATION', 'only staff accounts have park roles');
    const before = await tx.select({ parkId: memberships.parkId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
    await tx.delete(memberships).where(eq(memberships.userId, userId));
    const unique = [...new Map(assignments.map((a) => [`${a.parkId}:${a.role}`, a])).values()];
    if (unique.length) await tx.insert(memberships).values(unique.map((a) => ({ userId, parkId: a.parkId, role: a.role })));
    await writeAudit(tx, { actor, action: 'user.setRoles', entity: 'user', entityId: userId, before, after: unique });
  });
}

export async function listUsers(db: DbOrTx, { actor }: { actor: Actor }): Promise<UserDto[]> {
  assertCan(actor, 'user.manage');
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, kind: users.kind, disabledAt: users.disabledAt })
    .from(users)
    .orderBy(asc(users.email));
  const ms = await db
    .select({ userId: memberships.userId, parkId: memberships.parkId, role: memberships.role, parkSlug: parks.slug, parkName: parks.name })
    .from(memberships)
    .innerJoin(parks, eq(parks.id, memberships.parkId));
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    kind: u.kind,
    disabled: u.disabledAt !== null,
    memberships: ms.filter((m) => m.userId === u.id).map(({ parkId, parkSlug, parkName, role }) => ({ parkId, parkSlug, parkName, role })),
  }));
}

export async function findUserIdByEmail(db: DbOrTx, email: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row?.id ?? null;
}
