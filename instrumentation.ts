/**
 * Runs once when the server starts: warns when e-mail links would point at localhost; records each request's socket address in X-Forwarded-For, opens
 * the database (applying pending migrations, and taking the embedded database's folder lock) and, in
 * demo mode, seeds the demo parks on an empty database;
 * then starts the scheduler that sends expiring-incentive notices, review-due and KPI reminders and,
 * with SMTP configured, delivers the e-mail outbox every minute (through the pg-boss job queue on
 * PostgreSQL, so each runs once however many servers there are; in this process on the embedded one).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Before the first request is handled: the sign-in throttle keys on the socket's peer.
  const { recordSocketAddresses } = await import('./app/_server/socket-address');
  recordSocketAddresses();
  // A REQUIRE_2FA_FOR naming an unknown role stops the server here rather than failing every request.
  try {
    (await import('./lib/auth/totp')).secondFactorRequiredRoles();
  } catch (error) {
    (await import('./lib/log/logger')).loggerFor('startup').fatal((error as Error).message);
    process.exit(1);
  }
  const { publicUrlWarning } = await import('./lib/notifications/email');
  const warning = publicUrlWarning();
  if (warning) (await import('./lib/log/logger')).loggerFor('startup').warn(warning);
  const { prepareDatabase } = await import('./lib/startup');
  await prepareDatabase();
  const { startScheduler, stopScheduler } = await import('./lib/scheduler');
  await startScheduler();
  // scripts/server.mjs calls this on SIGTERM once the requests in flight are answered.
  const { closeDb } = await import('./db/client');
  (globalThis as Record<symbol, unknown>)[Symbol.for('technopark.shutdown')] = async () => {
    await stopScheduler();
    await closeDb();
  };
}
