import 'server-only';
import type { Db } from '@/db/client';
import { getDb } from '@/db/client';
import { sendDueReminders } from '@/lib/council/assignments';
import { todayIso } from '@/lib/dates';
import { notifyExpiringIncentives } from '@/lib/incentives/incentives';
import { flushOutbox, smtpConfigured } from '@/lib/notifications/mailer';
import { pruneSignInThrottle } from '@/lib/auth/throttle';
import { pruneSessions } from '@/lib/users/sessions';

const MINUTE = 60 * 1000;
const SIX_HOURS = 6 * 60 * MINUTE;
const started = Symbol.for('technopark.scheduler');

export type ScheduledJob = {
  name: string;
  /** How often the server runs it (and once at start). */
  every: number;
  /** Whether the job applies to this installation; absent means always. */
  enabled?: () => boolean;
  run: (db: Db, today: string) => Promise<number>;
};

/**
 * The notices nobody asks for but everybody expects, for all parks, and the delivery of e-mail. Each
 * notice job sends a notice once per grant or assignment however often it runs, so running them at
 * start and every few hours (and also from `cli reminders`, e.g. under cron) never doubles one; the
 * outbox flush sends each message once however many processes flush at a time.
 */
export const SCHEDULED_JOBS: ScheduledJob[] = [
  { name: 'expiring tax incentives', every: SIX_HOURS, run: (db, today) => notifyExpiringIncentives(db, { today }) },
  { name: 'expert reviews due within two days', every: SIX_HOURS, run: (db, today) => sendDueReminders(db, { today, days: 2 }) },
  { name: 'outbox e-mail', every: MINUTE, enabled: smtpConfigured, run: async (db) => (await flushOutbox(db)).sent },
  { name: 'ended sessions', every: SIX_HOURS, run: (db) => pruneSessions(db) },
  { name: 'finished runs of failed sign-ins', every: 15 * MINUTE, run: (db) => pruneSignInThrottle(db) },
];

const enabledJobs = () => SCHEDULED_JOBS.filter((job) => job.enabled?.() ?? true);

/** Runs the given jobs (by default every enabled one) once; one failing does not stop the others. Returns how many notices or messages each sent. */
export async function runScheduledJobs(db: Db, today = todayIso(), jobs = enabledJobs()): Promise<Record<string, number | Error>> {
  const results: Record<string, number | Error> = {};
  for (const job of jobs) {
    try {
      results[job.name] = await job.run(db, today);
    } catch (error) {
      console.error(`[scheduler] ${job.name} failed`, error);
      results[job.name] = error instanceof Error ? error : new Error(String(error));
    }
  }
  return results;
}

/**
 * The server's own scheduler: each enabled job once at start and then at its own interval; a run that
 * is still going when its next one is due is not started twice. The timers do not keep the process alive.
 */
export function startScheduler(): void {
  const g = globalThis as typeof globalThis & { [started]?: boolean };
  if (g[started]) return;
  g[started] = true;
  const cadences = new Map<number, ScheduledJob[]>();
  for (const job of enabledJobs()) cadences.set(job.every, [...(cadences.get(job.every) ?? []), job]);
  for (const [every, jobs] of cadences) {
    let busy = false;
    const run = async () => {
      if (busy) return;
      busy = true;
      try {
        await runScheduledJobs(await getDb(), todayIso(), jobs);
      } catch (error) {
        console.error('[scheduler] could not run', error);
      } finally {
        busy = false;
      }
    };
    void run();
    setInterval(run, every).unref();
  }
}
