/**
 * The HTTP server in front of Next's request handler (scripts/server.mjs): a request id per request,
 * one JSON log line per response, and a graceful drain on SIGTERM. Apart from Next, so it is tested
 * on its own (scripts/http-server.test.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import http from 'node:http';
import { acceptedRequestId, REQUEST_CONTEXT } from '../lib/log/options.mjs';

const DRAINING = Symbol.for('technopark.draining');
/** Probes a load balancer sends every few seconds, and the build's static files: logged at debug, not info. */
const QUIET = new Set(['/api/health', '/api/ready']);
const quiet = (path) => QUIET.has(path) || path.startsWith('/_next/static/');

/**
 * @param {(req: http.IncomingMessage, res: http.ServerResponse) => unknown} handle
 * @param {{ log: import('pino').Logger, drainTimeoutMs?: number }} options
 */
export function createAppServer(handle, { log, drainTimeoutMs = 25_000 }) {
  globalThis[REQUEST_CONTEXT] ??= new AsyncLocalStorage();
  const store = globalThis[REQUEST_CONTEXT];
  let inFlight = 0;
  let draining = false;
  let idle = () => {};

  const server = http.createServer((req, res) => {
    const requestId = acceptedRequestId(req.headers['x-request-id']) ?? crypto.randomUUID();
    // Forwarded to the app (and to anything it calls), and returned to the client.
    req.headers['x-request-id'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    if (draining) res.setHeader('Connection', 'close');
    const context = { requestId };
    const started = process.hrtime.bigint();
    inFlight++;
    res.once('close', () => {
      inFlight--;
      const path = (req.url ?? '/').split('?')[0];
      const line = {
        reqId: requestId,
        ...(context.actorId ? { actorId: context.actorId } : {}),
        ...(context.park ? { park: context.park } : {}),
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (quiet(path)) log.debug(line, 'request');
      else log.info(line, 'request');
      if (inFlight === 0) idle();
    });
    store.run(context, () => handle(req, res));
  });

  /** Stops accepting, lets the requests in flight finish (up to drainTimeoutMs), then closes every connection. */
  async function drain() {
    if (draining) return;
    draining = true;
    globalThis[DRAINING] = true;
    log.info({ inFlight }, 'draining: no new connections, finishing the requests in flight');
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    // Keep-alive connections go idle as their last response ends: close them as they do.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const finished = new Promise((resolve) => {
      if (inFlight === 0) resolve(true);
      idle = () => resolve(true);
    });
    const timedOut = await Promise.race([finished.then(() => false), new Promise((resolve) => setTimeout(() => resolve(true), drainTimeoutMs).unref())]);
    clearInterval(sweep);
    if (timedOut) log.warn({ inFlight }, 'drain timed out; closing the remaining connections');
    server.closeAllConnections();
    await closed;
  }

  return { server, drain, inFlight: () => inFlight };
}
