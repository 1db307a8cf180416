import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import { startJobQueue, type QueuedJob } from './queue';

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(100);
}
const jobStates = async (queue: string) =>
  queryRows<{ state: string; retries: number }>(await getDb(), sql`SELECT state::text, retry_count AS retries FROM pgboss.job WHERE name = ${queue} ORDER BY created_on`);

// The queue exists on PostgreSQL only; on the embedded database the in-process scheduler runs the jobs (lib/scheduler.test.ts).
describe.skipIf(!onPostgres)('the job queue on PostgreSQL (pg-boss)', () => {
  it('runs a job scheduled on two workers once', async () => {
    const url = process.env.DATABASE_URL!;
    const runs: string[] = [];
    const job = (worker: string): QueuedJob => ({
      queue: 'test-once',
      cron: '0 0 1 1 *',
      every: 6 * 60 * 60 * 1000,
      run: async () => {
        runs.push(worker);
        await sleep(200);
        return 1;
      },
    });
    // Two servers starting together, each with the job on its schedule and its own worker.
    const workers = await Promise.all(['a', 'b'].map((worker) => startJobQueue(url, { jobs: [job(worker)], getDb, pollingIntervalSeconds: 0.5 })));
    try {
      await until(() => runs.length > 0, 20_000);
      // Long enough for both workers to poll several times more.
      await sleep(2500);
      expect(runs).toHaveLength(1);
      expect(await jobStates('test-once')).toEqual([{ state: 'completed', retries: 0 }]);
      const [schedule] = await queryRows<{ n: number }>(await getDb(), sql`SELECT count(*)::int AS n FROM pgboss.schedule WHERE name = 'test-once'`);
      expect(schedule.n).toBe(1);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  });

  it('tries a failed run again later, with backoff', async () => {
    let attempts = 0;
    const queue = await startJobQueue(process.env.DATABASE_URL!, {
      jobs: [{ queue: 'test-fails', cron: '0 0 1 1 *', every: 60_000, run: async () => {
        attempts++;
        throw new Error('the mail server is down');
      } }],
      getDb,
      pollingIntervalSeconds: 0.5,
    });
    try {
      await until(() => attempts > 0, 20_000);
      await sleep(1000);
      expect(attempts).toBe(1);
      expect((await jobStates('test-fails')).map((j) => j.state)).toEqual(['retry']);
      const [next] = await queryRows<{ wait: number }>(await getDb(), sql`SELECT extract(epoch FROM start_after - now())::int AS wait FROM pgboss.job WHERE name = 'test-fails'`);
      expect(next.wait).toBeGreaterThan(10);
    } finally {
      await queue.stop();
    }
  });
});
