import 'server-only';
import PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import { loggerFor } from '@/lib/log/logger';

/** A job the queue runs on a schedule (see lib/scheduler.ts for the installation's jobs). */
export type QueuedJob = {
  /** The pg-boss queue: letters, digits and hyphens. */
  queue: string;
  /** When it runs, as a cron expression in UTC. */
  cron: string;
  /** How long one run "at start" covers: servers started within the same window of this length start it once. */
  every: number;
  run: (db: Db, now: Date) => Promise<unknown>;
};

export type JobQueue = { boss: PgBoss; stop: () => Promise<void> };

/** Failed runs are tried again up to five times, 30 s, 60 s, 120 s … apart; a run is given up as stuck after 15 minutes. */
const QUEUE_OPTIONS = { policy: 'singleton', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 } as const;

/**
 * Creates the queue unless it exists. Servers starting together create it at once, and pg-boss's
 * creation (a table attached as a partition) can then deadlock with another's: the loser tries again
 * and finds the queue made.
 */
async function createQueueOnce(boss: PgBoss, queue: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (await boss.getQueue(queue)) return;
      await boss.createQueue(queue, { name: queue, ...QUEUE_OPTIONS });
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

/**
 * Runs `jobs` through pg-boss on the PostgreSQL database at `url`, so that however many servers
 * start this, each scheduled run happens once: pg-boss's clock sends each cron tick's job once for
 * all of them, the queue's `singleton` policy lets only one run of a job be active at a time, and
 * the run "at start" is sent with a throttle key per window of the job's period (`singletonSeconds`),
 * so N servers starting together start it once. Whichever server fetches a job runs it.
 */
export async function startJobQueue(
  url: string,
  { jobs, getDb, pollingIntervalSeconds = 2 }: { jobs: QueuedJob[]; getDb: () => Promise<Db>; pollingIntervalSeconds?: number },
): Promise<JobQueue> {
  const log = loggerFor('jobs');
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 3, application_name: 'technopark-jobs' });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const job of jobs) {
    await createQueueOnce(boss, job.queue);
    await boss.schedule(job.queue, job.cron, {}, { tz: 'UTC' });
    await boss.work(job.queue, { pollingIntervalSeconds }, async ([run]) => {
      const started = Date.now();
      try {
        const result = await job.run(await getDb(), new Date());
        log.info({ job: job.queue, jobId: run.id, result, ms: Date.now() - started }, 'job done');
      } catch (error) {
        // Thrown on, so pg-boss retries it with backoff.
        log.error({ job: job.queue, jobId: run.id, err: error }, 'job failed');
        throw error;
      }
    });
    await boss.send(job.queue, {}, { singletonSeconds: Math.max(1, Math.round(job.every / 1000)) });
  }
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }) };
}
