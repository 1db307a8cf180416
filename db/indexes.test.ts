import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from './client';
import { queryRows } from './rows';

/**
 * Foreign keys that no query looks rows up by, so they need no index of their own. Everything else
 * that points at another table must lead an index (or an exclusion constraint): a lookup by it, or a
 * join from the other side, otherwise reads the whole table, and the cost grows with the installation
 * rather than the park (the park dashboard read all 100,000 residencies of a 200-park database to
 * count one park's approved applications not yet admitted).
 * Columns named `*_by` record who did something; they are shown, never searched.
 */
const NOT_LOOKED_UP = new Set([
  'council_votes.application_id', // read with its meeting: council_votes_meeting_application_member leads with meeting_id
  'meeting_items.application_id', // read with its meeting
  'notifications.park_id', // read by user
  'thread_messages.park_id', // read by thread
  'thread_messages.author_id', // shown, not searched
  'kpi_reminders.company_id', // read by park and year
  'council_comments.author_id', // shown, not searched
  'meeting_attendance.user_id', // read by meeting
  'review_scores.criterion_id', // read by review
  'council_votes.member_id', // read by meeting
  'bookings.park_id', // read by resource (the calendar) or company
  'service_requests.assignee_id', // shown, not searched
]);

describe('foreign keys', () => {
  it('each lead an index, unless no query looks rows up by them', async () => {
    const rows = await queryRows<{ column: string }>(
      await getDb(),
      sql`
      SELECT c.conrelid::regclass::text || '.' || a.attname AS column
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1 AND a.attname NOT LIKE '%\\_by'
        AND c.connamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conrelid = c.conrelid AND x.contype = 'x' AND x.conkey[1] = c.conkey[1])
      ORDER BY 1`,
    );
    const unindexed = rows.map((r) => r.column);
    expect(unindexed.filter((c) => !NOT_LOOKED_UP.has(c))).toEqual([]);
    // And the list names only columns that are still foreign keys without an index.
    expect([...NOT_LOOKED_UP].filter((c) => !unindexed.includes(c))).toEqual([]);
  });
});
