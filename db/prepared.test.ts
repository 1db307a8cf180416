import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabaseTarget, getDb } from './client';
import { queryRows } from './rows';

const onPostgres = (await getDatabaseTarget()).kind === 'postgres';

describe.runIf(onPostgres)('statements on PostgreSQL', () => {
  it('are prepared once per connection and reused, inside transactions too, and planned for their values', async () => {
    const db = await getDb();
    const marker = `prepared-probe-${Date.now()}`;
    const probe = sql`SELECT ${marker}::text AS marker, ${1}::int AS n`;
    const seen = await db.transaction(async (tx) => {
      await queryRows(tx, probe);
      await queryRows(tx, probe);
      return queryRows<{ n: number; mode: string }>(
        tx,
        sql`SELECT (SELECT count(*)::int FROM pg_prepared_statements WHERE statement LIKE ${`%${'$1'}::text AS marker%`}) AS n,
                   current_setting('plan_cache_mode') AS mode`,
      );
    });
    expect(seen).toEqual([{ n: 1, mode: 'force_custom_plan' }]);
  });
});
