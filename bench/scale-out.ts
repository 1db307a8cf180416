/**
 * `npm run bench:scale-out`: requests per second and p95 latency of one app server against two, on
 * one PostgreSQL database (a fresh one with the demo data, under BENCH_DATABASE_URL's or
 * TEST_DATABASE_URL's server), each behind the same small round-robin proxy, driven by autocannon.
 * Uses the production build in .next (building it first when it is not of the current sources).
 * Options: --seconds N (per measured slice, default 10), --connections N (default 20).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' } } });
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const ROUTES = [
  { label: 'park reports page (signed in, database)', path: '/p/kuzbass/reports' },
  { label: 'park dashboard (signed in, database)', path: '/p/kuzbass' },
  { label: '/api/health (no database)', path: '/api/health' },
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (status) => resolve({ status, out }));
  });
}

/** A round-robin proxy over `upstreams` (the ports of app servers); its upstreams can be changed between runs. */
function roundRobin(port: number) {
  let upstreams: number[] = [];
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const target = upstreams[next++ % upstreams.length];
    const upstream = http.request({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    // A client gone before its answer (autocannon stops mid-request) must not keep a pooled socket busy for ever.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  return {
    listen: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    use: (ports: number[]) => {
      upstreams = ports;
    },
    close: () => {
      agent.destroy();
      server.close();
    },
  };
}

async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = (response: Response) => [...new Map(response.headers.getSetCookie().map((c) => c.split(';')[0]).map((c) => [c.slice(0, c.indexOf('=')), c])).values()];
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies(csrf).join('; ') },
    body: new URLSearchParams({ email: 'manager@technopark.demo', password: 'technopark-demo', csrfToken, callbackUrl: `${base}/` }),
  });
  const session = cookies(response).filter((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?=/.test(c));
  if (!session.length) throw new Error(`sign-in failed: ${response.status}`);
  return [...session, 'locale=en'].join('; ');
}

type Figures = { requests: number; seconds: number; latencies: number[]; non2xx: number; errors: number };

async function measure(url: string, cookie: string, seconds: number, into?: Figures): Promise<void> {
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 30, headers: { cookie, accept: 'text/html' } }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, status, _bytes, ms) => {
      if (!into) return;
      into.latencies.push(ms);
      into.requests++;
      if (status < 200 || status >= 300) into.non2xx++;
    });
  });
  if (into) {
    into.seconds += (performance.now() - started) / 1000;
    into.errors += result.errors;
  }
}

const p = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  const { buildIfStale } = await import('../scripts/build-stamp.mjs');
  buildIfStale({ log: (line: string) => process.stdout.write(`${line}\n`) });

  const id = crypto.randomBytes(4).toString('hex');
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `tp_bench_scaleout_${id}`;
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${name}`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-bench-scale-out-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl.toString(),
    DEMO_MODE: '1',
    AUTH_SECRET: crypto.randomBytes(32).toString('base64'),
    AUTH_TRUST_HOST: 'true',
    LOG_LEVEL: 'warn',
  };
  const children: ChildProcess[] = [];
  const proxy = roundRobin(3490);
  try {
    const prepared = await run(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'e2e/scale-out/prepare.ts'], { ...env, DATA_DIR: path.join(work, 'prepare') });
    if (prepared.status !== 0) throw new Error(`preparing the database failed:\n${prepared.out}`);
    const ports = [3491, 3492];
    for (const [i, port] of ports.entries()) {
      const child = spawn(process.execPath, ['scripts/server.mjs'], { env: { ...env, PORT: String(port), DATA_DIR: path.join(work, `server-${i}`) }, stdio: 'ignore' });
      children.push(child);
    }
    for (const port of ports) {
      for (let i = 0; ; i++) {
        if ((await fetch(`http://127.0.0.1:${port}/api/ready`).catch(() => null))?.status === 200) break;
        if (i > 240) throw new Error(`the server on ${port} did not get ready`);
        await sleep(500);
      }
    }
    await proxy.listen();
    const base = 'http://127.0.0.1:3490';
    proxy.use(ports);
    const cookie = await signIn(base);
    process.stdout.write(`one vs two app servers (scripts/server.mjs) on one PostgreSQL, behind a round-robin proxy; ${CONNECTIONS} connections, ${os.cpus().length} cores, ${SECONDS} s slices, interleaved twice\n\n`);
    process.stdout.write('| route | servers | requests/s | p50 | p95 | non-2xx |\n| --- | --- | --- | --- | --- | --- |\n');
    for (const route of ROUTES) {
      const url = `${base}${route.path}`;
      proxy.use(ports);
      await measure(url, cookie, 3); // warm both servers up
      const figures = new Map<number, Figures>([1, 2].map((n) => [n, { requests: 0, seconds: 0, latencies: [], non2xx: 0, errors: 0 }]));
      for (let round = 0; round < 2; round++) {
        for (const n of [1, 2]) {
          proxy.use(ports.slice(0, n));
          await sleep(1000);
          await measure(url, cookie, SECONDS, figures.get(n));
        }
      }
      for (const [n, f] of figures) {
        process.stdout.write(`| ${route.label} | ${n} | ${(f.requests / f.seconds).toFixed(0)} | ${p(f.latencies, 0.5).toFixed(0)} ms | ${p(f.latencies, 0.95).toFixed(0)} ms | ${f.non2xx + f.errors} |\n`);
      }
    }
    process.stdout.write(`\nload average afterwards: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  } finally {
    proxy.close();
    await Promise.all(children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : (c.once('exit', resolve), c.kill('SIGTERM'))))));
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await admin.end();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  },
);
