#!/usr/bin/env node
/**
 * The production server (`npm run serve`, and `npm start` after building): Next's request handler
 * behind scripts/http-server.mjs, which gives every request an id (X-Request-Id, kept from the client
 * or a proxy, generated otherwise) that every log line of that request carries, logs one JSON line per
 * response, and on SIGTERM or SIGINT stops accepting connections, finishes the requests in flight
 * (up to SHUTDOWN_TIMEOUT_MS, 25 s), stops the job workers, closes the database and exits 0.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import pino from 'pino';
import { loggerOptions } from '../lib/log/options.mjs';
import { createAppServer } from './http-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
const log = pino(loggerOptions()).child({ component: 'server' });
const drainTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000);

process.env.NEXT_TELEMETRY_DISABLED ??= '1';
const app = next({ dev: false, dir: root, hostname: 'localhost', port });
await app.prepare();
const handle = app.getRequestHandler();
const { server, drain } = createAppServer(handle, { log, drainTimeoutMs });
server.listen(port, () => log.info({ port, pid: process.pid }, `listening on http://localhost:${port}`));

/** What instrumentation.ts registered to stop (the job workers, the database), once no request is left. */
const SHUTDOWN = Symbol.for('technopark.shutdown');
let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  try {
    await drain();
    await globalThis[SHUTDOWN]?.();
    await app.close?.();
    log.info('stopped');
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
