import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, getDb, getReportDb } from './client';
import { queryRows } from './rows';

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

afterEach(async () => {
  await closeDb();
  delete process.env.DATABASE_REPLICA_URL;
});

describe('DATABASE_REPLICA_URL', () => {
  it('unset: the report queries use the database itself', async () => {
    expect(await getReportDb()).toBe(await getDb());
  });

  it.skipIf(!onPostgres)('set: the report queries go to the replica, on connections that cannot write', async () => {
    // The test database stands in for its own replica.
    process.env.DATABASE_REPLICA_URL = process.env.DATABASE_URL;
    const reports = await getReportDb();
    expect(reports).not.toBe(await getDb());
    expect(await queryRows<{ ro: string }>(reports, sql`SELECT current_setting('transaction_read_only') AS ro`)).toEqual([{ ro: 'on' }]);
    expect(await queryRows<{ n: number }>(reports, sql`SELECT count(*)::int AS n FROM parks WHERE false`)).toEqual([{ n: 0 }]);
    await expect(reports.execute(sql`UPDATE parks SET name = name WHERE false`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/read-only transaction/) } });
    expect(await queryRows<{ ro: string }>(await getDb(), sql`SELECT current_setting('transaction_read_only') AS ro`)).toEqual([{ ro: 'off' }]);
  });

  it.skipIf(onPostgres)('is refused with the embedded database', async () => {
    process.env.DATABASE_REPLICA_URL = 'postgres://replica/db';
    await expect(getReportDb()).rejects.toThrow(/needs DATABASE_URL to be a PostgreSQL server/);
  });
});
