/**
 * Runs once when the server starts: records each request's socket address in X-Forwarded-For, opens
 * the database (applying pending migrations, and taking the embedded database's folder lock) and, in
 * demo mode, seeds the demo parks on an empty database;
 * then starts the scheduler that sends expiring-incentive notices and review-due reminders and, with
 * SMTP configured, delivers the e-mail outbox every minute.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Before the first request is handled: the sign-in throttle keys on the socket's peer.
  const { recordSocketAddresses } = await import('./app/_server/socket-address');
  recordSocketAddresses();
  const { prepareDatabase } = await import('./lib/startup');
  await prepareDatabase();
  const { startScheduler } = await import('./lib/scheduler');
  startScheduler();
}
