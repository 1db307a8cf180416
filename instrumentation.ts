/**
 * Runs once when the server starts: opens the database (applying pending migrations, and taking
 * the embedded database's folder lock) and, in demo mode, seeds the demo parks on an empty database;
 * then starts the scheduler that sends expiring-incentive notices and review-due reminders and, with
 * SMTP configured, delivers the e-mail outbox every minute.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareDatabase } = await import('./lib/startup');
  await prepareDatabase();
  const { startScheduler } = await import('./lib/scheduler');
  startScheduler();
}
