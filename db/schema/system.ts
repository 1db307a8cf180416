import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, moment, ownedBy } from './columns';
import { byUser, parkId } from './owners';
import { parks } from './parks';
import { users } from './users';

/** Read-only API tokens for one park. Only the SHA-256 of the token is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    parkId: parkId(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, shown so a person can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdBy: byUser('created_by'),
    createdAt: createdAt(),
    lastUsedAt: moment('last_used_at'),
    revokedAt: moment('revoked_at'),
  },
  (t) => [index('api_tokens_park').on(t.parkId)],
);

/** Append-only (a trigger in the migrations refuses UPDATE and DELETE). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: moment('at').notNull().defaultNow(),
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
  // The audit page reads newest first (at, id), unfiltered or by park, person or action.
  (t) => [
    index('audit_log_park_at').on(t.parkId, t.at),
    index('audit_log_entity').on(t.entity, t.entityId),
    index('audit_log_at').on(t.at, t.id),
    index('audit_log_actor_at').on(t.actorId, t.at),
    index('audit_log_action_at').on(t.action, t.at),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: ownedBy('user_id', () => users.id),
    parkId: uuid('park_id').references(() => parks.id, { onDelete: 'cascade' }),
    /** A message-catalogue key under `notifications.*`, rendered in the reader's language. */
    kind: text('kind').notNull(),
    params: jsonb('params').notNull().default({}),
    href: text('href'),
    readAt: moment('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_read').on(t.userId, t.readAt)],
);

/** E-mail messages; sent when SMTP is configured, otherwise kept here for the admins' outbox page. */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** An iCalendar event sent with the message (a council meeting's invitation, change or cancellation). */
    calendar: text('calendar'),
    createdAt: createdAt(),
    sentAt: moment('sent_at'),
    /** When a sender last took the message; no other sender takes it again until that claim has lapsed. */
    claimedAt: moment('claimed_at'),
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
