import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { parks } from './parks';
import { users } from './users';

/** Read-only API tokens for one park. Only the SHA-256 of the token is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, shown so a person can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_park').on(t.parkId)],
);

/** Append-only (a trigger in the migrations refuses UPDATE and DELETE). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** `cli`, `seed`, `import` for changes without a signed-in person. */
    actorLabel: text('actor_label'),
    parkId: uuid('park_id').references(() => parks.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_park_at').on(t.parkId, t.at), index('audit_log_entity').on(t.entity, t.entityId)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    parkId: uuid('park_id').references(() => parks.id, { onDelete: 'cascade' }),
    /** A message-catalogue key under `notifications.*`, rendered in the reader's language. */
    kind: text('kind').notNull(),
    params: jsonb('params').notNull().default({}),
    href: text('href'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_read').on(t.userId, t.readAt)],
);

/** E-mail messages; sent when SMTP is configured, otherwise kept here for the admins' outbox page. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** When a sender last took the message; no other sender takes it again until that claim has lapsed. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** Sends tried so far; after the last allowed one a message stays unsent, with its error. */
    attempts: integer('attempts').notNull().default(0),
    /** The last failed send's error. */
    error: text('error'),
  },
  (t) => [check('outbox_attempts', sql`${t.attempts} >= 0`), index('outbox_unsent').on(t.createdAt).where(sql`${t.sentAt} IS NULL`)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
