import { sql } from 'drizzle-orm';
import { check, customType, integer, jsonb, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, moment, ownedBy } from './columns';
import { byUser } from './owners';
import { councilMeetings } from './council';

/** Raw bytes: PGlite gives a Uint8Array, postgres.js a Buffer; both come back as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
});

/**
 * An approved version of a meeting's minutes. Approving locks the meeting: its agenda, attendance,
 * votes, decisions and details no longer change. A correction reopens the latest version (with the
 * reason) and is approved again as the next version; every version stays as it was approved.
 */
export const minutesVersions = pgTable(
  'minutes_versions',
  {
    id: id(),
    meetingId: ownedBy('meeting_id', () => councilMeetings.id),
    version: integer('version').notNull(),
    /** What the minutes say, as approved: the document is rendered from it. */
    content: jsonb('content').notNull(),
    /** SHA-256 (hex) of the content's canonical JSON (keys sorted, no spaces): printed on every rendering. */
    contentSha256: text('content_sha256').notNull(),
    /** The approved document in the park's language, byte for byte, and its SHA-256 (hex). */
    pdf: bytea('pdf').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    locale: text('locale').notNull(),
    approvedBy: byUser('approved_by'),
    approvedAt: moment('approved_at').notNull(),
    /** Why this version corrects the one before it (the reason given when that one was reopened); none for the first. */
    correctionReason: text('correction_reason'),
    /** Set when this version was reopened for a correction: the meeting is editable again until the next version. */
    reopenedBy: byUser('reopened_by'),
    reopenedAt: moment('reopened_at'),
    reopenReason: text('reopen_reason'),
  },
  (t) => [
    unique('minutes_versions_meeting_version').on(t.meetingId, t.version),
    // At most one version in force per meeting: the latest, until it is reopened.
    uniqueIndex('minutes_versions_one_in_force').on(t.meetingId).where(sql`${t.reopenedAt} IS NULL`),
    check('minutes_versions_version_positive', sql`${t.version} > 0`),
    check('minutes_versions_correction_reason', sql`(${t.version} = 1) = (${t.correctionReason} IS NULL)`),
    check('minutes_versions_reopened', sql`(${t.reopenedAt} IS NULL) = (${t.reopenReason} IS NULL)`),
    check('minutes_versions_hashes', sql`${t.contentSha256} ~ '^[0-9a-f]{64}$' AND ${t.pdfSha256} ~ '^[0-9a-f]{64}$'`),
    check('minutes_versions_locale', sql`${t.locale} IN ('en', 'ru')`),
  ],
);

export type MinutesVersion = typeof minutesVersions.$inferSelect;
