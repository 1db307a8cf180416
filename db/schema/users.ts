import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, unique, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, moment, ownedBy } from './columns';
import { parkRole, userKind } from './enums';
import { parks } from './parks';

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Stored lower-cased; sign-in compares lower-cased input. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    kind: userKind('kind').notNull(),
    locale: text('locale'),
    /** The IANA time zone of the pages outside a park (/my, /notifications, /admin); null: the installation's. */
    timeZone: text('time_zone'),
    disabledAt: moment('disabled_at'),
    /** When the password last changed (by the person, a reset link or an administrator's account creation). */
    passwordChangedAt: moment('password_changed_at'),
    /** The TOTP secret, sealed under a key derived from AUTH_SECRET (lib/auth/sealed.ts); null without a second factor. */
    totpSecret: text('totp_secret'),
    /** When the second factor was confirmed; remembered devices are bound to it, so resetting it forgets them. */
    totpEnabledAt: moment('totp_enabled_at'),
    /** The last TOTP time step accepted: a code is never accepted twice, nor an older one. */
    totpLastStep: integer('totp_last_step'),
    createdAt: createdAt(),
  },
  (t) => [check('users_email_lower', sql`${t.email} = lower(${t.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    userId: ownedBy('user_id', () => users.id),
    parkId: ownedBy('park_id', () => parks.id),
    role: parkRole('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('memberships_user_park_role').on(t.userId, t.parkId, t.role), index('memberships_park_role').on(t.parkId, t.role)],
);

/**
 * Signed-in sessions. The session cookie (a JWT) carries the row's id; a request counts as signed
 * in only while its row exists unrevoked, so signing out ends the session on the server too, and a
 * copy of the cookie (or one refreshed by a request still in flight) no longer works.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: id(),
    userId: ownedBy('user_id', () => users.id),
    createdAt: createdAt(),
    revokedAt: moment('revoked_at'),
  },
  (t) => [index('user_sessions_user').on(t.userId)],
);

/**
 * Failed sign-in counters, per account (`email:…`), per address (`ip:…`) and per known device
 * (`device:…`). A run of failures lasts until a quiet spell; rows of finished runs are pruned.
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    key: text('key').notNull(),
    /** When this run of failures began. */
    windowStart: moment('window_start').notNull(),
    lastFailureAt: moment('last_failure_at').notNull().defaultNow(),
    failures: integer('failures').notNull().default(0),
    /** No attempt is checked before then: the delay grows with each failure past the limit. */
    lockedUntil: moment('locked_until'),
    /** When the account's owner was told of this run (once per run). */
    notifiedAt: moment('notified_at'),
  },
  (t) => [primaryKey({ columns: [t.key] }), index('sign_in_throttle_last_failure').on(t.lastFailureAt)],
);

/**
 * Password reset links: a random token whose SHA-256 alone is kept, usable once before it expires.
 * `requestedBy` is the administrator who sent it, or null when the person asked for it.
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: id(),
    userId: ownedBy('user_id', () => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    requestedBy: uuid('requested_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: moment('expires_at').notNull(),
    usedAt: moment('used_at'),
  },
  (t) => [index('password_reset_tokens_user').on(t.userId)],
);

/** One-time recovery codes for the second factor, kept as SHA-256; a used code is marked, never reused. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: ownedBy('user_id', () => users.id),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    usedAt: moment('used_at'),
  },
  (t) => [unique('recovery_codes_user_code').on(t.userId, t.codeHash)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Membership = typeof memberships.$inferSelect;
