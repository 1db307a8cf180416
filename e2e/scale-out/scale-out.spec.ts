import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import postgres from 'postgres';
import { createCompany, demo, signIn, signOut, submitApplication, unique } from '../fixtures';

type Cluster = { proxy: string; servers: { url: string; pid: number; dataDir: string }[]; databaseUrl: string; dueAssignment: string };
const cluster = (): Cluster => JSON.parse(fs.readFileSync(path.join('test-results', 'scale-out.json'), 'utf8'));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.beforeAll(async () => {
  // The proxy answered; both servers must be ready before the tests pick one or the other.
  for (const server of cluster().servers) {
    await expect.poll(async () => (await fetch(`${server.url}/api/ready`).catch(() => null))?.status, { timeout: 120_000 }).toBe(200);
  }
});

const contextOn = (browser: Browser, baseURL: string) => browser.newContext({ baseURL });

test('the proxy spreads requests over both servers, and a request id passes through', async () => {
  const { proxy, servers } = cluster();
  const seen = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const answer = await fetch(`${proxy}/api/health`, { headers: { 'X-Request-Id': `scale-out-${i}` } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-request-id')).toBe(`scale-out-${i}`);
    seen.add(answer.headers.get('x-upstream')!);
  }
  expect([...seen].sort()).toEqual(servers.map((s) => new URL(s.url).port).sort());
});

test('an applicant uploads a document through one server and the manager downloads it through the other', async ({ browser }) => {
  test.setTimeout(240_000);
  const [first, second] = cluster().servers;
  const applicantContext = await contextOn(browser, first.url);
  const applicant = await applicantContext.newPage();
  await signIn(applicant, demo.applicant);
  const company = await createCompany(applicant);
  const title = unique('Scale-out sensors');
  const applicationId = await submitApplication(applicant, { company, title });
  const uploaded = await applicant.request.get(await applicant.getByRole('link', { name: 'business-plan.pdf' }).getAttribute('href').then((href) => href!));
  expect(uploaded.status()).toBe(200);
  const bytes = await uploaded.body();
  await applicantContext.close();
  // Neither server keeps documents in its own folder: they are in the bucket.
  for (const server of cluster().servers) expect(fs.existsSync(path.join(server.dataDir, 'attachments'))).toBe(false);

  const managerContext = await contextOn(browser, second.url);
  const manager = await managerContext.newPage();
  await signIn(manager, demo.manager);
  await manager.goto(`/p/kuzbass/applications/${applicationId}`);
  const [download] = await Promise.all([manager.waitForEvent('download'), manager.getByRole('link', { name: 'business-plan.pdf' }).click()]);
  expect(download.url().startsWith(second.url)).toBe(true);
  expect(fs.readFileSync((await download.path())!)).toEqual(bytes);
  await managerContext.close();
});

test('signing out on one server ends the session on both', async ({ browser }) => {
  const [first, second] = cluster().servers;
  const context = await contextOn(browser, first.url);
  const page = await context.newPage();
  await signIn(page, demo.analyst);
  // Cookies belong to the host, not the port: the same browser is signed in on the other server too.
  await page.goto(`${second.url}/compare`);
  await expect(page).not.toHaveURL(/\/sign-in/);
  const cookies = await context.cookies();
  await page.goto(`${first.url}/compare`);
  await signOut(page);
  // Even the old cookie, put back, signs no one in on the other server.
  await context.addCookies(cookies);
  await page.goto(`${second.url}/compare`);
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

test('a reminder due once is sent once, by one of the two servers', async () => {
  const { databaseUrl, dueAssignment } = cluster();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    // Both servers scheduled the job at start; the queue let one run it.
    await expect.poll(async () => (await sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'reviewDueSoon'`)[0].n, { timeout: 30_000 }).toBe(1);
    const [notice] = await sql`SELECT href FROM notifications WHERE kind = 'reviewDueSoon'`;
    expect(notice.href).toContain(dueAssignment);
    await sleep(3000);
    const runs = await sql`SELECT state::text FROM pgboss.job WHERE name = 'reviews-due'`;
    expect(runs.map((r) => r.state)).toEqual(['completed']);
    expect((await sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'reviewDueSoon'`)[0].n).toBe(1);
  } finally {
    await sql.end();
  }
});

test('on SIGTERM a server finishes the request in flight, then exits; the other keeps serving', async () => {
  const [first, second] = cluster().servers;
  const inFlight = fetch(`${second.url}/sign-in`).then((r) => r.status);
  await sleep(20);
  process.kill(second.pid, 'SIGTERM');
  expect(await inFlight).toBe(200);
  await expect.poll(() => fetch(`${second.url}/api/health`).then(() => 'up', () => 'down'), { timeout: 30_000 }).toBe('down');
  await expect.poll(() => { try { process.kill(second.pid, 0); return 'running'; } catch { return 'exited'; } }, { timeout: 30_000 }).toBe('exited');
  expect((await fetch(`${first.url}/api/ready`)).status).toBe(200);
});
