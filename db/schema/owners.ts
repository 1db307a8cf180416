import { integer, jsonb, uuid } from 'drizzle-orm/pg-core';
import { moment, ownedBy } from './columns';
import { parks } from './parks';
import { users } from './users';

// Columns that point at the two tables nearly every other one points at. They live apart from
// columns.ts because parks.ts and users.ts use those column kinds themselves.

/** The park the row belongs to; deleting the park deletes it. */
export const parkId = () => ownedBy('park_id', () => parks.id);

/** The person who created, decided or recorded the row, when a person did (null for the CLI and imports). */
export const byUser = (name: string) => uuid(name).references(() => users.id);

/**
 * A submitted version of a record, as it was submitted (applications, KPI reports): the version
 * number, the record's snapshot, and who submitted it when.
 */
export const submittedVersion = () => ({
  version: integer('version').notNull(),
  snapshot: jsonb('snapshot').notNull(),
  submittedBy: byUser('submitted_by'),
  submittedAt: moment('submitted_at').notNull().defaultNow(),
});
