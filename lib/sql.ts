import { sql, type SQL } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';

// Pieces the filtered lists (applications, residents, incentives) build their queries from.

/** An ILIKE pattern that finds `q` anywhere in a text, with q's own `%`, `_` and `\` taken literally. */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A condition on a text typed into a filter: `condition(value)`, except that a value with a NUL in it
 * matches nothing, as no stored text can hold one (and PostgreSQL refuses it as a parameter).
 */
export const textCondition = (value: string, condition: (value: string) => SQL): SQL => (value.includes('\0') ? sql`false` : condition(value));

/** `WHERE a AND b …` over the filters a list was given, or nothing when it was given none. */
export const whereAll = (conditions: SQL[]) => (conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``);

/**
 * The row a select of these columns gives (inner joins only): a DTO's type, derived from the one list
 * of columns it is read from, so the two cannot drift apart.
 */
export type RowOf<Columns extends SelectedFields> = SelectResultFields<Columns>;
