import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { currentRequest, noteRequestActor } from '@/lib/log/context';
import { loggerOptions } from '@/lib/log/options.mjs';
import { createAppServer } from './http-server.mjs';

/** A pino logger with the app's options whose lines land in `lines`. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, log: pino({ ...loggerOptions(), level: 'debug' }, sink) };
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) s.closeAllConnections();
});

async function listen(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void, drainTimeoutMs = 5000) {
  const { lines, log } = capture();
  const app = createAppServer(handle, { log, drainTimeoutMs });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  servers.push(app.server);
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { ...app, lines, base };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the production HTTP server', () => {
  it('gives each request an id, keeps a well-formed one from a proxy, and logs one line per response with the actor and park', async () => {
    const seen: unknown[] = [];
    const { base, lines } = await listen((req, res) => {
      seen.push(currentRequest()?.requestId === req.headers['x-request-id']);
      noteRequestActor('user-1', 'kuzbass');
      res.end('ok');
    });
    const generated = await fetch(`${base}/p/kuzbass?token=secret`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${base}/x`, { headers: { 'X-Request-Id': 'lb-1234.abc' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-1234.abc');
    const replaced = await fetch(`${base}/x`, { headers: { 'X-Request-Id': 'bad id with spaces' } });
    expect(replaced.headers.get('x-request-id')).not.toBe('bad id with spaces');
    expect(seen).toEqual([true, true, true]);
    await sleep(50);
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests[0]).toMatchObject({ level: 'info', reqId: generated.headers.get('x-request-id'), actorId: 'user-1', park: 'kuzbass', method: 'GET', path: '/p/kuzbass', status: 200 });
    // The query (where a sign-up link's token would be) is not logged.
    expect(JSON.stringify(lines)).not.toContain('secret');
    expect(requests[1].reqId).toBe('lb-1234.abc');
    await fetch(`${base}/api/health`);
    await fetch(`${base}/_next/static/chunks/app.js`);
    await sleep(50);
    expect(lines.filter((l) => l.msg === 'request').slice(-2).map((l) => [l.path, l.level])).toEqual([['/api/health', 'debug'], ['/_next/static/chunks/app.js', 'debug']]);
  });

  it('never writes a password, token, cookie or authorization header', () => {
    const { lines, log } = capture();
    log.info({ password: 'p1', user: { password: 'p2', token: 't1' }, headers: { cookie: 'c1', authorization: 'Bearer a1' }, req: { headers: { cookie: 'c2' } } }, 'input');
    const text = JSON.stringify(lines);
    for (const secret of ['p1', 'p2', 't1', 'c1', 'a1', 'c2']) expect(text).not.toContain(`"${secret}`);
    expect(lines[0]).toMatchObject({ password: '[redacted]', user: { password: '[redacted]', token: '[redacted]' }, headers: { cookie: '[redacted]', authorization: '[redacted]' } });
  });

  it('on drain, stops accepting, answers the requests in flight, then closes', async () => {
    const { base, drain, server, lines } = await listen(async (req, res) => {
      if (req.url === '/slow') await sleep(800);
      res.end(req.url);
    });
    const slow = fetch(`${base}/slow`).then(async (r) => [r.status, await r.text()]);
    await sleep(100);
    const drained = drain();
    await sleep(50);
    expect(server.listening).toBe(false);
    await expect(fetch(`${base}/new`, { headers: { Connection: 'close' } })).rejects.toThrow();
    expect(await slow).toEqual([200, '/slow']);
    await drained;
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('technopark.draining')]).toBe(true);
    expect(lines.map((l) => l.msg)).toContain('draining: no new connections, finishing the requests in flight');
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('technopark.draining')];
  });

  it('closes what is still running when the drain times out', async () => {
    const { base, drain, lines } = await listen(async (_req, res) => {
      await sleep(5000);
      res.end();
    }, 300);
    const stuck = fetch(`${base}/stuck`).catch((error: unknown) => error);
    await sleep(100);
    const started = Date.now();
    await drain();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await stuck).toBeInstanceOf(Error);
    expect(lines.some((l) => l.msg === 'drain timed out; closing the remaining connections')).toBe(true);
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('technopark.draining')];
  });
});
