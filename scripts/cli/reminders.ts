import { getDb } from '@/db/client';
import { sendDueReminders } from '@/lib/council/assignments';
import { isRealDate } from '@/lib/dates';
import { parse, UsageError, type Command } from './args';

/** `reminders [--days N] [--today YYYY-MM-DD]`: notifies experts of reviews due within N days (default 2), once each; meant for a daily cron. */
export const remindersCommand: Command = async (args) => {
  const { values } = parse(args, { days: { type: 'string' }, today: { type: 'string' } });
  const days = values.days === undefined ? 2 : Number(values.days);
  if (!Number.isInteger(days) || days < 0 || days > 60) throw new UsageError('--days must be a whole number from 0 to 60');
  if (values.today !== undefined && !isRealDate(values.today)) throw new UsageError('--today must be a date YYYY-MM-DD');
  const sent = await sendDueReminders(await getDb(), { days, today: values.today });
  process.stdout.write(`${sent} reminder(s) sent\n`);
};
