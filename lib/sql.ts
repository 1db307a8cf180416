import { sql, type SQL } from 'drizzle-orm';

// Pieces the filtered lists (applications, residents, incentives) build their queries from.

/** An ILIKE pattern that finds `q` anywhere in a text, with q's own `%`, `_` and `\` taken literally. */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `WHERE a AND b …` over the filters a list was given, or nothing when it was given none. */
export const whereAll = (conditions: SQL[]) => (conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``);
