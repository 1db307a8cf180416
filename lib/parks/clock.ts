import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/**
 * A park's time zone inside a query (`… AT TIME ZONE ${parkZoneSql(parkId)}`), so the database reads a
 * park's wall clock as lib/dates.ts does in JavaScript: both read `parks.time_zone`.
 */
export const parkZoneSql = (parkId: SQL | string): SQL => sql`(SELECT tz.time_zone FROM parks tz WHERE tz.id = ${parkId})`;
