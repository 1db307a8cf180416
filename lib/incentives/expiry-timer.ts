import 'server-only';
import { getDb } from '@/db/client';
import { todayIso } from '@/lib/dates';
import { notifyExpiringIncentives } from './incentives';

const SIX_HOURS = 6 * 60 * 60 * 1000;
const started = Symbol.for('technopark.incentiveExpiryTimer');

/**
 * The server's own scheduler for expiring-incentive notices: once at start and every six hours, for all
 * parks. notifyExpiringIncentives announces each grant once, so running it often (and also when a
 * manager's home renders) never doubles a notice. The timer does not keep the process alive.
 */
export function startIncentiveExpiryTimer(): void {
  const g = globalThis as typeof globalThis & { [started]?: boolean };
  if (g[started]) return;
  g[started] = true;
  const run = async () => {
    try {
      await notifyExpiringIncentives(await getDb(), { today: todayIso() });
    } catch (error) {
      console.error('[incentives] expiry notices failed', error);
    }
  };
  void run();
  setInterval(run, SIX_HOURS).unref();
}
