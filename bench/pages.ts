/**
 * Page load benchmark, the second part of `npm run bench` (bench/summary.ts): the production build
 * (`next build` first when .next holds no build of the current sources, scripts/build-stamp.mjs)
 * started with `next start` on a free port on the bench database, no demo mode and a throwaway
 * DATA_DIR and AUTH_SECRET. A manager of the two bench parks (BENCH_MANAGER, created when missing
 * through lib/users) signs in once through next-auth's credentials endpoint, and the session cookie
 * serves every connection.
 *
 * Measured: the reports page's first byte with nothing else running (median of FIRST_BYTE_RUNS
 * sequential requests) and its Largest Contentful Paint in Chromium with the CPU slowed 4×, then the reports, residents and inbox pages and a trivial route
 * (/api/v1/openapi.json), with the signed-in frame around an empty page beside them as a reference held to no
 * goal, under CONNECTIONS concurrent connections (autocannon), interleaved: ROUNDS
 * rounds of SLICE_SECONDS per route. Before each slice the bench waits until the server has finished
 * the requests the previous slice left in flight (no statement running in the database, the trivial
 * route answering at its unloaded pace), so one route's backlog is not charged to the next.
 * Printed per route: requests per second, the ratio to the trivial route's, p50 and p95 latency
 * (whole response), non-2xx answers, connection errors and the mean size of a response as sent
 * (compressed, headers included); the load average beside the figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { queryRows } from '@/db/rows';

const CONNECTIONS = 25;
const ROUNDS = 5;
const SLICE_SECONDS = 4; // 5 × 4 = 20 s per route
const FIRST_BYTE_RUNS = 10;
const GOAL = { ratio: 0.3, p95Ms: 250, firstByteMs: 100, lcpMs: 2500 };
/** The reports page's Largest Contentful Paint: Chromium with the CPU slowed this many times, a first visit and then LCP_RUNS more. */
const CPU_SLOWDOWN = 4;
const LCP_RUNS = 3;
const TRIVIAL = '/api/v1/openapi.json';
/** The manager the load signs in as: a staff account with the manager role in the bench parks. */
export const BENCH_MANAGER = { email: 'bench-manager@example.com', name: 'Bench Manager', password: 'Quarry-Lantern-Kiosk-58' };

export type PagesOptions = { db: Db; databaseUrl: string; parkSlug: string; inboxParkSlug: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN;
}

/** The manager account, with the manager role in each of the parks (added when missing). */
async function ensureManager(db: Db, parkSlugs: string[]): Promise<void> {
  const { systemActor } = await import('@/lib/auth/actor');
  const { createUser, findUserIdByEmail, loadActor, setMemberships } = await import('@/lib/users/users');
  const parks = await queryRows<{ id: string; slug: string }>(db, sql`SELECT id, slug FROM parks WHERE slug IN (${sql.join(
      parkSlugs.map((slug) => sql`${slug}`),
      sql`, `,
    )})`);
  if (parks.length !== new Set(parkSlugs).size) throw new Error(`bench parks missing: found ${parks.map((p) => p.slug).join(', ')}`);
  const assignments = parks.map((p) => ({ parkId: p.id, role: 'manager' as const }));
  const actor = systemActor('cli');
  const userId = await findUserIdByEmail(db, BENCH_MANAGER.email);
  if (!userId) {
    await createUser(db, { actor, input: { ...BENCH_MANAGER, kind: 'staff', memberships: assignments } });
    process.stdout.write(`created ${BENCH_MANAGER.email}, manager of ${parkSlugs.join(' and ')}\n`);
    return;
  }
  const existing = await loadActor(db, userId);
  const has = (a: { parkId: string }) => existing?.type === 'user' && existing.memberships.some((m) => m.parkId === a.parkId && m.role === 'manager');
  if (!assignments.every(has)) await setMemberships(db, { actor, userId, assignments });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

type Server = { base: string; child: ChildProcess; log: string; dir: string };

async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pages-'));
  const log = path.join(dir, 'server.log');
  const out = fs.openSync(log, 'a');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dir,
    DEMO_MODE: 'off',
    // The bench's manager signs in with a password alone: the pages are measured, not the second factor
    // a production server requires of managers by default.
    REQUIRE_2FA_FOR: 'none',
    APP_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    AUTH_TRUST_HOST: 'true',
    PORT: String(port),
  };
  delete env.AUTH_URL;
  const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  // Its own process group, so stopping it ends whatever it started too.
  const child = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  return { base: `http://127.0.0.1:${port}`, child, log, dir };
}

function logTail(server: Server): string {
  try {
    return fs.readFileSync(server.log, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function stopServer(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null && child.pid) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    if (!(await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]))) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  fs.rmSync(server.dir, { recursive: true, force: true });
}

async function waitReady(server: Server): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`next start exited (${server.child.exitCode}):\n${logTail(server)}`);
    try {
      if ((await fetch(`${server.base}${TRIVIAL}`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`next start did not answer within 180 s:\n${logTail(server)}`);
}

/** Signs in through next-auth's own endpoints, as the sign-in form's browser would; returns the Cookie header. */
async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  // As a browser keeps them: a later Set-Cookie of the same name (the proxy and the route both set one) replaces the earlier.
  const cookies = (response: Response) => [
    ...new Map(response.headers.getSetCookie().map((c) => c.split(';')[0]).map((c) => [c.slice(0, c.indexOf('=')), c])).values(),
  ];
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies(csrf).join('; ') },
    body: new URLSearchParams({ email: BENCH_MANAGER.email, password: BENCH_MANAGER.password, csrfToken, callbackUrl: `${base}/` }),
  });
  const session = cookies(response).filter((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?=/.test(c));
  if (!session.length) throw new Error(`sign-in as ${BENCH_MANAGER.email} failed: ${response.status} → ${response.headers.get('location')}`);
  return [...session, 'locale=en'].join('; ');
}

/** Browser-like request headers of the signed-in manager. */
const requestHeaders = (cookie: string) => ({
  cookie,
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
});

async function timedGet(url: string, headers: Record<string, string>): Promise<{ status: number; firstByte: number; total: number; location: string | null }> {
  const t = performance.now();
  const response = await fetch(url, { headers, redirect: 'manual' });
  const firstByte = performance.now() - t;
  await response.arrayBuffer();
  return { status: response.status, firstByte, total: performance.now() - t, location: response.headers.get('location') };
}

/**
 * Waits until the server has finished what an ended slice left running: no statement active in the
 * bench database (other than this check) for 300 ms, and the trivial route answering within twice
 * its unloaded time. Returns the milliseconds waited.
 */
async function settle(db: Db, url: string, headers: Record<string, string>, unloadedMs: number): Promise<number> {
  const start = performance.now();
  let quiet = 0;
  while (performance.now() - start < 30_000) {
    const [{ active }] = await queryRows<{ active: number }>(
      db,
      sql`SELECT count(*)::int AS active FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    quiet = active === 0 ? quiet + 1 : 0;
    if (quiet >= 6 && (await timedGet(url, headers)).total <= Math.max(2 * unloadedMs, unloadedMs + 5)) break;
    await sleep(50);
  }
  return performance.now() - start;
}

/**
 * `reference`: measured beside the pages but held to no goal. The signed-in frame around an empty
 * page (the bench manager's notifications: none) is what every server-rendered page costs before its
 * own content, so its ratio is the ceiling a page's ratio can reach on this machine.
 */
type Route = { label: string; path: string; reference?: boolean; latencies: number[]; ok: number; other: number; errors: number; seconds: number; bytes: number };

async function slice(base: string, route: Route, headers: Record<string, string>): Promise<void> {
  const t = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url: `${base}${route.path}`, connections: CONNECTIONS, duration: SLICE_SECONDS, timeout: 60, headers };
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, status, bytes, ms) => {
      route.latencies.push(ms);
      route.bytes += bytes;
      if (status >= 200 && status < 300) route.ok++;
      else route.other++;
    });
  });
  route.seconds += (performance.now() - t) / 1000;
  route.errors += result.errors;
}

/**
 * The reports page's Largest Contentful Paint in Chromium with the CPU slowed CPU_SLOWDOWN times
 * (Chrome DevTools' throttling): the first visit (nothing cached) and the median of LCP_RUNS visits after it.
 */
async function largestContentfulPaint(base: string, cookie: string, route: string): Promise<{ cold: number; warm: number }> {
  const { chromium } = await import('@playwright/test');
  const { chromiumExecutable } = await import('../scripts/chromium-executable.mjs');
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    await context.addCookies(
      cookie.split('; ').map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: base })),
    );
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const visit = async () => {
      const response = await page.goto(`${base}${route}`, { waitUntil: 'load' });
      if (response?.status() !== 200) throw new Error(`GET ${route} in Chromium answered ${response?.status()}`);
      return page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              resolve(entries[entries.length - 1].startTime);
            }).observe({ type: 'largest-contentful-paint', buffered: true });
            setTimeout(() => resolve(Number.NaN), 10_000);
          }),
      );
    };
    const cold = await visit();
    const warm: number[] = [];
    for (let i = 0; i < LCP_RUNS; i++) warm.push(await visit());
    return { cold, warm: percentile(warm, 0.5) };
  } finally {
    await browser.close();
  }
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Runs the page benchmark and prints its figures; returns whether every goal was met. */
export async function benchPages({ db, databaseUrl, parkSlug, inboxParkSlug }: PagesOptions): Promise<boolean> {
  const { buildIfStale } = await import('../scripts/build-stamp.mjs');
  if (!buildIfStale({ log: (line: string) => process.stdout.write(`${line}\n`) })) process.stdout.write('pages: using the production build in .next\n');
  await ensureManager(db, [parkSlug, inboxParkSlug]);

  const server = await startServer(databaseUrl);
  const stop = () => {
    try {
      if (server.child.pid) process.kill(-server.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    fs.rmSync(server.dir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await waitReady(server);
    const headers = requestHeaders(await signIn(server.base));
    const routes: Route[] = [
      { label: 'trivial route', path: TRIVIAL },
      { label: 'reports', path: `/p/${parkSlug}/reports` },
      { label: 'residents', path: `/p/${parkSlug}/residents` },
      { label: 'inbox', path: `/p/${inboxParkSlug}/applications` },
      { label: 'the signed-in frame around an empty page', path: '/notifications', reference: true },
    ].map((r): Route => ({ ...r, latencies: [], ok: 0, other: 0, errors: 0, seconds: 0, bytes: 0 }));
    // Each route answers 200 to the signed-in manager, and a few warm-up requests each.
    for (const route of routes) {
      for (let i = 0; i < 3; i++) {
        const r = await timedGet(`${server.base}${route.path}`, headers);
        if (r.status !== 200) throw new Error(`GET ${route.path} answered ${r.status}${r.location ? ` → ${r.location}` : ''}:\n${logTail(server)}`);
      }
    }
    process.stdout.write(`pages: production build on ${server.base}, signed in as ${BENCH_MANAGER.email}\n`);

    const trivialUrl = `${server.base}${TRIVIAL}`;
    const unloaded: number[] = [];
    for (let i = 0; i < 5; i++) unloaded.push((await timedGet(trivialUrl, headers)).total);
    const unloadedTrivial = percentile(unloaded, 0.5);

    const reports = routes[1];
    const firstBytes: number[] = [];
    const totals: number[] = [];
    const loadBefore = loadAverage();
    for (let i = 0; i < FIRST_BYTE_RUNS; i++) {
      const r = await timedGet(`${server.base}${reports.path}`, headers);
      firstBytes.push(r.firstByte);
      totals.push(r.total);
    }
    const firstByte = percentile(firstBytes, 0.5);
    process.stdout.write(
      `${reports.path} unloaded: first byte median ${ms(firstByte)} (min ${ms(Math.min(...firstBytes))}, max ${ms(Math.max(...firstBytes))}), ` +
        `whole page median ${ms(percentile(totals, 0.5))} (${FIRST_BYTE_RUNS} sequential requests); load average ${loadBefore}\n`,
    );

    const lcp = await largestContentfulPaint(server.base, headers.cookie, reports.path);
    process.stdout.write(
      `${reports.path} in Chromium, CPU slowed ${CPU_SLOWDOWN}×: Largest Contentful Paint ${ms(lcp.cold)} on the first visit, median ${ms(lcp.warm)} over ${LCP_RUNS} visits after it; load average ${loadAverage()}\n`,
    );

    process.stdout.write(`${CONNECTIONS} connections, ${ROUNDS} rounds of ${SLICE_SECONDS} s per route, interleaved; load average at the start ${loadAverage()}\n`);
    let settled = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const route of routes) {
        settled += await settle(db, trivialUrl, headers, unloadedTrivial);
        await slice(server.base, route, headers);
      }
      process.stdout.write(`  round ${round + 1}/${ROUNDS} done, load average ${loadAverage()}\n`);
    }
    const loadAfter = loadAverage();

    const rate = (r: Route) => (r.ok + r.other) / r.seconds;
    const trivialRate = rate(routes[0]);
    process.stdout.write(`${'route'.padEnd(34)} ${'req/s'.padStart(8)} ${'× trivial'.padStart(10)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)} ${'kB each'.padStart(8)}\n`);
    for (const r of routes) {
      process.stdout.write(
        `${r.path.padEnd(34)} ${rate(r).toFixed(1).padStart(8)} ${(rate(r) / trivialRate).toFixed(3).padStart(10)} ` +
          `${ms(percentile(r.latencies, 0.5)).padStart(8)} ${ms(percentile(r.latencies, 0.95)).padStart(8)} ${String(r.other).padStart(8)} ${String(r.errors).padStart(7)} ${(r.bytes / 1000 / Math.max(1, r.latencies.length)).toFixed(1).padStart(8)}\n`,
      );
    }
    process.stdout.write(`load average (1, 5, 15 min) at the end ${loadAfter}; ${(settled / 1000).toFixed(1)} s spent waiting for abandoned requests between slices\n`);

    let met = true;
    const verdict = (ok: boolean, text: string) => {
      if (!ok) met = false;
      process.stdout.write(ok ? `goal met: ${text}\n` : `GOAL MISSED: ${text}\n`);
    };
    for (const r of routes.filter((route) => route.reference)) {
      process.stdout.write(
        `reference, no goal: ${r.label} (${r.path}) ${(rate(r) / trivialRate).toFixed(3)} × the trivial route's, p95 ${ms(percentile(r.latencies, 0.95))}: no server-rendered page can do better here\n`,
      );
    }
    for (const r of routes.slice(1).filter((route) => !route.reference)) {
      const ratio = rate(r) / trivialRate;
      const p95 = percentile(r.latencies, 0.95);
      verdict(ratio >= GOAL.ratio, `${r.label} throughput ${ratio.toFixed(3)} × the trivial route's (goal ≥ ${GOAL.ratio})`);
      verdict(p95 <= GOAL.p95Ms, `${r.label} p95 ${ms(p95)} (goal ≤ ${GOAL.p95Ms} ms)`);
      verdict(r.other + r.errors === 0, `${r.label} ${r.other} non-2xx answers and ${r.errors} connection errors (goal 0)`);
    }
    verdict(firstByte <= GOAL.firstByteMs, `reports first byte unloaded ${ms(firstByte)} (goal ≤ ${GOAL.firstByteMs} ms)`);
    verdict(lcp.cold <= GOAL.lcpMs, `reports Largest Contentful Paint on a first visit with the CPU slowed ${CPU_SLOWDOWN}× ${ms(lcp.cold)} (goal ≤ ${GOAL.lcpMs} ms)`);
    return met;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await stopServer(server);
  }
}
