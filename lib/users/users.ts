import 'server-only';
import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
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
import { beyondCursor, cursorValues, keysetPage, pageOrder, readCursor, type KeysetPage, type SortKey } from '@/lib/keyset';
import { containsPattern, textCondition } from '@/lib/sql';
import { isUuid } from '@/lib/validation/uuid';
import {
  createUserSchema,
  signUpSchema,
  updateUserSchema,
  userListQuerySchema,
  type CreateUserInput,
  type UpdateUserInput,
  type UserListQuery,
} from '@/lib/validation/users';
import { myTimeZoneSchema, type MyTimeZoneInput } from '@/lib/validation/time-zones';

/** What a page may show of a user: never the hash. */
export type UserDto = {
  id: string;
  email: string;
  name: string;
  kind: UserKind;
  disabled: boolean;
  /** Whether the person signs in with a second factor (lib/users/second-factor.ts). */
  secondFactor: boolean;
  memberships: { parkId: string; parkSlug: string; parkName: string; role: ParkRole }[];
};

/** Builds the acting user from the database; a disabled or missing account yields null (signed out). */
export async function loadActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, kind: users.kind, locale: users.locale, timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  const rows = await db
    .select({ parkId: memberships.parkId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, user.id));
  return { type: 'user', userId: user.id, email: user.email, name: user.name, kind: user.kind, memberships: rows, locale: user.locale, timeZone: user.timeZone };
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
    throw emailTakenOr(error, data.email);
  }
}

/** A unique-e-mail violation as the refusal on the e-mail field; any other error as the database's own. */
function emailTakenOr(error: unknown, email: string): unknown {
  const mapped = fromDatabaseError(error);
  if (mapped instanceof AppError && mapped.code === 'CONFLICT')
    return new AppError('CONFLICT', `a user with e-mail ${email} already exists`, { key: 'emailTaken', fieldErrors: { email: ['emailTaken'] } });
  return mapped;
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
    const { before, after } = await replaceMemberships(tx, userId, assignments);
    await writeAudit(tx, { actor, action: 'user.setRoles', entity: 'user', entityId: userId, before, after });
  });
}

/** Sets the user's park roles to exactly these (a pair given twice counts once); an unknown park is NOT_FOUND. */
async function replaceMemberships(tx: DbOrTx, userId: string, assignments: { parkId: string; role: ParkRole }[]) {
  const unique = [...new Map(assignments.map((a) => [`${a.parkId}:${a.role}`, a])).values()];
  const ids = [...new Set(unique.map((a) => a.parkId))];
  if (ids.length) {
    const found = await tx.select({ id: parks.id }).from(parks).where(inArray(parks.id, ids));
    if (found.length !== ids.length) throw notFound('park');
  }
  const before = await tx.select({ parkId: memberships.parkId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
  await tx.delete(memberships).where(eq(memberships.userId, userId));
  if (unique.length) await tx.insert(memberships).values(unique.map((a) => ({ userId, parkId: a.parkId, role: a.role })));
  return { before, after: unique };
}

/** A user's park roles as the audit log keeps them: `slug: role`, sorted, so a before/after difference reads as words. */
async function rolesForAudit(tx: DbOrTx, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ slug: parks.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(parks, eq(parks.id, memberships.parkId))
    .where(eq(memberships.userId, userId));
  return rows.map((r) => `${r.slug}: ${r.role}`).sort();
}

/**
 * An administrator changes a user's name, e-mail, kind and park roles in one step, audited with the
 * before and after. The person's own requests read their account afresh (lib/users/sessions.ts), so the
 * change applies from their next request; their sessions stay open. An administrator may not take away
 * their own administration, which would lock them out of this very page.
 */
export async function updateUser(db: Db, { actor, input }: { actor: Actor; input: UpdateUserInput }): Promise<UserDto> {
  assertCan(actor, 'user.manage');
  const data = parseInput(updateUserSchema, input);
  if (data.kind !== 'staff' && data.memberships.length)
    throw new AppError('VALIDATION', 'only staff accounts have park roles', { fieldErrors: { memberships: ['onlyStaffHaveRoles'] } });
  if (actor.type === 'user' && actor.userId === data.userId && data.kind !== 'admin')
    throw new AppError('VALIDATION', 'you cannot take away your own administration', { key: 'cannotDemoteSelf', fieldErrors: { kind: ['cannotDemoteSelf'] } });
  try {
    await db.transaction(async (tx) => {
      const [current] = await tx.select(ACCOUNT).from(users).where(eq(users.id, data.userId)).for('update');
      if (!current) throw notFound('user');
      const before = { ...current, memberships: await rolesForAudit(tx, data.userId) };
      const [updated] = await tx.update(users).set({ name: data.name, email: data.email, kind: data.kind }).where(eq(users.id, data.userId)).returning(ACCOUNT);
      await replaceMemberships(tx, data.userId, data.memberships);
      const after = { ...updated, memberships: await rolesForAudit(tx, data.userId) };
      await writeAudit(tx, { actor, action: 'user.update', entity: 'user', entityId: data.userId, before, after });
    });
  } catch (error) {
    throw emailTakenOr(error, data.email);
  }
  return getUser(db, { actor, userId: data.userId });
}

/** The fields of an account an administrator edits (and the audit log compares). */
const ACCOUNT = { name: users.name, email: users.email, kind: users.kind };

/** One user, for the administrator's page of the account. */
export async function getUser(db: DbOrTx, { actor, userId }: { actor: Actor; userId: string }): Promise<UserDto> {
  assertCan(actor, 'user.manage');
  if (!isUuid(userId)) throw notFound('user');
  const [row] = await db.select(USER_COLUMNS).from(users).where(eq(users.id, userId));
  if (!row) throw notFound('user');
  const [dto] = await withMemberships(db, [row]);
  return dto;
}

const USER_COLUMNS = { id: users.id, email: users.email, name: users.name, kind: users.kind, disabledAt: users.disabledAt, totpEnabledAt: users.totpEnabledAt };

/** The DTOs of these users, each with its park roles (read in one query), in the given order. */
async function withMemberships(db: DbOrTx, rows: { id: string; email: string; name: string; kind: UserKind; disabledAt: Date | null; totpEnabledAt: Date | null }[]): Promise<UserDto[]> {
  const ms = rows.length
    ? await db
        .select({ userId: memberships.userId, parkId: memberships.parkId, role: memberships.role, parkSlug: parks.slug, parkName: parks.name })
        .from(memberships)
        .innerJoin(parks, eq(parks.id, memberships.parkId))
        .where(inArray(memberships.userId, rows.map((r) => r.id)))
        .orderBy(asc(parks.name), asc(memberships.role))
    : [];
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    kind: u.kind,
    disabled: u.disabledAt !== null,
    secondFactor: u.totpEnabledAt !== null,
    memberships: ms.filter((m) => m.userId === u.id).map(({ parkId, parkSlug, parkName, role }) => ({ parkId, parkSlug, parkName, role })),
  }));
}

export const USERS_PAGE_SIZE = 50;

/** The list's order: by e-mail, which is unique, so it is the whole key. */
const USER_KEYS: SortKey[] = [{ column: sql`${users.email}`, type: 'text' }];

/** The list's filters as conditions on `users`; a role or park is a membership that matches both. */
function userConditions(q: UserListQuery): SQL[] {
  const where: SQL[] = [];
  if (q.q) {
    where.push(
      textCondition(q.q, (text) => {
        const p = containsPattern(text);
        return sql`(${users.email} ILIKE ${p} OR ${users.name} ILIKE ${p})`;
      }),
    );
  }
  if (q.state) where.push(q.state === 'disabled' ? sql`${users.disabledAt} IS NOT NULL` : sql`${users.disabledAt} IS NULL`);
  const parkRole = q.role === 'admin' || q.role === 'applicant' ? undefined : q.role;
  if (q.role === 'admin' || q.role === 'applicant') where.push(sql`${users.kind} = ${q.role}`);
  if (parkRole || q.park) {
    const conditions = [sql`m.user_id = ${users.id}`];
    if (parkRole) conditions.push(sql`m.role = ${parkRole}`);
    if (q.park) conditions.push(sql`m.park_id = ${q.park}`);
    where.push(sql`EXISTS (SELECT 1 FROM memberships m WHERE ${sql.join(conditions, sql` AND `)})`);
  }
  return where;
}

export type UsersPage = KeysetPage<UserDto> & { total: number };

/** One page of the users list (USERS_PAGE_SIZE, by e-mail), searched and filtered in SQL, and how many match in all. */
export async function listUsersPage(db: DbOrTx, { actor, query: raw }: { actor: Actor; query: unknown }): Promise<UsersPage> {
  assertCan(actor, 'user.manage');
  const query = userListQuerySchema.parse(raw ?? {});
  const cursor = readCursor(USER_KEYS, query);
  const where = userConditions(query);
  const [fetched, [{ total }]] = await Promise.all([
    db
      .select({ ...USER_COLUMNS, cursor: cursorValues(USER_KEYS) })
      .from(users)
      .where(and(...where, cursor ? beyondCursor(USER_KEYS, cursor) : undefined))
      .orderBy(pageOrder(USER_KEYS, cursor))
      .limit(USERS_PAGE_SIZE + 1),
    db.select({ total: count() }).from(users).where(and(...where)),
  ]);
  const page = keysetPage(fetched, USERS_PAGE_SIZE, cursor, (r) => r.cursor);
  return { ...page, rows: await withMemberships(db, page.rows), total: Number(total) };
}

export async function findUserIdByEmail(db: DbOrTx, email: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row?.id ?? null;
}
