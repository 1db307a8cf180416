import 'server-only';
import type { Db } from '@/db/client';
import { getDatabaseTarget, getDb } from '@/db/client';
import { sendDueReminders } from '@/lib/council/assignments';
import { notifyExpiringIncentives } from '@/lib/incentives/incentives';
import { startJobQueue, type JobQueue } from '@/lib/jobs/queue';
import { sendKpiRemindersInAllParks } from '@/lib/kpi/deadlines';
import { loggerFor } from '@/lib/log/logger';
import { flushOutbox, smtpConfigured } from '@/lib/notifications/mailer';
import { pruneSignInThrottle } from '@/lib/auth/throttle';
import { pruneSessions } from '@/lib/users/sessions';
import { completeFinishedBookings } from '@/lib/services/bookings';

const MINUTE = 60 * 1000;
const SIX_HOURS = 6 * 60 * MINUTE;
const started = Symbol.for('technopark.scheduler');

export type ScheduledJob = {
  name: string;
  /** Its pg-boss queue on PostgreSQL. */
  queue: string;
  /** How often the server runs it (and once at start). */
  every: number;
  /** The same cadence as a cron expression (UTC), for the job queue on PostgreSQL. */
  cron: string;
  /** Whether the job applies to this installation; absent means always. */
  enabled?: () => boolean;
  /** `now`: the run's moment; each park's notices count from today on that park's calendar. */
  run: (db: Db, now: Date) => Promise<number>;
};

/**
 * The notices nobody asks for but everybody expects, for all parks, and the delivery of e-mail. Each
 * notice job sends a notice once per grant or assignment however often it runs, so running them at
 * start and every few hours (and also from `cli reminders`, e.g. under cron) never doubles one; the
 * outbox flush sends each message once however many processes flush at a time. No page sends them.
 */
export const SCHEDULED_JOBS: ScheduledJob[] = [
  { name: 'expiring tax incentives', queue: 'incentives-expiring', every: SIX_HOURS, cron: '0 */6 * * *', run: (db, now) => notifyExpiringIncentives(db, { now }) },
  { name: 'expert reviews due within two days', queue: 'reviews-due', every: SIX_HOURS, cron: '5 */6 * * *', run: (db, now) => sendDueReminders(db, { now, days: 2 }) },
  { name: 'outbox e-mail', queue: 'outbox', every: MINUTE, cron: '* * * * *', enabled: smtpConfigured, run: async (db) => (await flushOutbox(db)).sent },
  { name: 'ended sessions', queue: 'sessions-prune', every: SIX_HOURS, cron: '10 */6 * * *', run: (db) => pruneSessions(db) },
  { name: 'finished runs of failed sign-ins', queue: 'sign-in-throttle-prune', every: 15 * MINUTE, cron: '*/15 * * * *', run: (db) => pruneSignInThrottle(db) },
  // Every minute: a booking becomes a done service request (support in the summary) soon after it ends; the UPDATE is tiny when none has.
  { name: 'bookings that have taken place', queue: 'bookings-complete', every: MINUTE, cron: '* * * * *', run: (db, now) => completeFinishedBookings(db, { now }) },
  { name: 'KPI report reminders', queue: 'kpi-reminders', every: SIX_HOURS, cron: '15 */6 * * *', run: (db, now) => sendKpiRemindersInAllParks(db, { now }) },
];

const enabledJobs = () => SCHEDULED_JOBS.filter((job) => job.enabled?.() ?? true);

/** Runs the given jobs (by default every enabled one) once; one failing does not stop the others. Returns how many notices or messages each sent. */
export async function runScheduledJobs(db: Db, now = new Date(), jobs = enabledJobs()): Promise<Record<string, number | Error>> {
  const results: Record<string, number | Error> = {};
  for (const job of jobs) {
    try {
      results[job.name] = await job.run(db, now);
    } catch (error) {
      loggerFor('scheduler').error({ job: job.queue, err: error }, 'job failed');
      results[job.name] = error instanceof Error ? error : new Error(String(error));
    }
  }
  return results;
}

type SchedulerState = { stop: () => Promise<void> };
type WithScheduler = typeof globalThis & { [started]?: Promise<SchedulerState> };

/**
 * The server's scheduler. On PostgreSQL the jobs go through the pg-boss queue (lib/jobs/queue.ts), so
 * however many servers run, each job runs once, with retries and backoff. On the embedded database
 * (one process by construction) each enabled job runs in this process once at start and then at its
 * own interval; a run that is still going when its next one is due is not started twice, and the
 * timers do not keep the process alive.
 */
export function startScheduler(): Promise<void> {
  const g = globalThis as WithScheduler;
  g[started] ??= (async (): Promise<SchedulerState> => {
    const target = await getDatabaseTarget();
    if (target.kind === 'postgres') {
      const queue: JobQueue = await startJobQueue(target.url, { jobs: enabledJobs(), getDb });
      loggerFor('scheduler').info({ jobs: enabledJobs().map((job) => job.queue) }, 'jobs run through the PostgreSQL job queue');
      return { stop: queue.stop };
    }
    return startInProcess();
  })();
  return g[started].then(() => undefined);
}

/** Stops taking jobs and waits for the runs in progress (for a graceful shutdown). */
export async function stopScheduler(): Promise<void> {
  const g = globalThis as WithScheduler;
  const state = g[started];
  if (!state) return;
  delete g[started];
  await (await state.catch(() => null))?.stop();
}

function startInProcess(): SchedulerState {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  const cadences = new Map<number, ScheduledJob[]>();
  for (const job of enabledJobs()) cadences.set(job.every, [...(cadences.get(job.every) ?? []), job]);
  for (const [every, jobs] of cadences) {
    let busy = false;
    const run = () => {
      if (busy) return;
      busy = true;
      const pass = (async () => {
        try {
          await runScheduledJobs(await getDb(), new Date(), jobs);
        } catch (error) {
          loggerFor('scheduler').error({ err: error }, 'could not run the scheduled jobs');
        } finally {
          busy = false;
        }
      })();
      running.add(pass);
      void pass.finally(() => running.delete(pass));
    };
    run();
    timers.push(setInterval(run, every).unref());
  }
  return {
    stop: async () => {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running);
    },
  };
}
