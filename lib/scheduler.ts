import 'server-only';
import type { Db } from '@/db/client';
import { getDb } from '@/db/client';
import { sendDueReminders } from '@/lib/council/assignments';
import { todayIso } from '@/lib/dates';
import { notifyExpiringIncentives } from '@/lib/incentives/incentives';

const SIX_HOURS = 6 * 60 * 60 * 1000;
const started = Symbol.for('technopark.scheduler');

/**
 * The notices nobody asks for but everybody expects, for all parks. Each job sends a notice once per
 * grant or assignment however often it runs, so running them at start and every few hours (and also
 * from `cli reminders`, e.g. under cron) never doubles one.
 */
export const SCHEDULED_JOBS: { name: string; run: (db: Db, today: string) => Promise<number> }[] = [
  { name: 'expiring tax incentives', run: (db, today) => notifyExpiringIncentives(db, { today }) },
  { name: 'expert reviews due within two days', run: (db, today) => sendDueReminders(db, { today, days: 2 }) },
];

/** Runs every job once; one failing does not stop the others. Returns how many notices each sent. */
export async function runScheduledJobs(db: Db, today = todayIso()): Promise<Record<string, number | Error>> {
  const results: Record<string, number | Error> = {};
  for (const job of SCHEDULED_JOBS) {
    try {
      results[job.name] = await job.run(db, today);
    } catch (error) {
      console.error(`[scheduler] ${job.name} failed`, error);
      results[job.name] = error instanceof Error ? error : new Error(String(error));
    }
  }
  return results;
}

/** The server's own scheduler: once at start and every six hours. The timer does not keep the process alive. */
export function startScheduler(): void {
  const g = globalThis as typeof globalThis & { [started]?: boolean };
  if (g[started]) return;
  g[started] = true;
  const run = async () => {
    try {
      await runScheduledJobs(await getDb());
    } catch (error) {
      console.error('[scheduler] could not run', error);
    }
  };
  void run();
  setInterval(run, SIX_HOURS).unref();
}
