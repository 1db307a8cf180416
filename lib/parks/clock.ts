import 'server-only';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { parks } from '@/db/schema';
import { todayIso, zoneOr } from '@/lib/dates';

/**
 * A park's time zone inside a query (`… AT TIME ZONE ${parkZoneSql(parkId)}`), so the database reads a
 * park's wall clock as lib/dates.ts does in JavaScript: both read `parks.time_zone`.
 */
export const parkZoneSql = (parkId: SQL | string): SQL => sql`(SELECT tz.time_zone FROM parks tz WHERE tz.id = ${parkId})`;

/**
 * Today's date in the park's zone, for a step not told the day (a test, the CLI or the seed tells it).
 * A missing park reads the installation's zone; the caller's own scoping says "not found".
 */
export async function parkToday(db: DbOrTx, parkId: string, now = new Date()): Promise<string> {
  const [park] = await db.select({ timeZone: parks.timeZone }).from(parks).where(eq(parks.id, parkId));
  return todayIso(zoneOr(park?.timeZone), now);
}
