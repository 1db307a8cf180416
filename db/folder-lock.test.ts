import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireFolderLock, DatabaseLockedError, lockPathFor, releaseFolderLock } from './folder-lock';

/**
 * The lock as separate processes use it: db/folder-lock.ts compiled to plain JavaScript, so each
 * contender is a bare `node` process that starts in milliseconds and all of them can be started together.
 */
const TRIALS = 40;
const CONTENDERS = 3;
/** Above Linux's largest possible pid_max (2^22): no process has it. */
const DEAD_PID = 2 ** 22 + 12345;

let work: string;
let contender: string;

const CONTENDER = `
const { acquireFolderLock } = require('./folder-lock.cjs');
const [dir, startAt] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {} // all start at the same moment
let result;
try {
  acquireFolderLock(dir);
  result = 'won';
} catch (error) {
  result = error && error.name === 'DatabaseLockedError' ? 'refused' : 'error ' + (error && error.message);
}
process.stdout.write(result + ' ' + (Date.now() - Number(startAt)) + '\\n');
// The winner holds the lock until every contender has answered.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
`;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-lock-race-'));
  const source = fs.readFileSync(path.join(process.cwd(), 'db', 'folder-lock.ts'), 'utf8');
  const compiled = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  fs.writeFileSync(path.join(work, 'folder-lock.cjs'), compiled.outputText);
  contender = path.join(work, 'contender.cjs');
  fs.writeFileSync(contender, CONTENDER);
});

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

type Answer = { pid: number; result: string; lateMs: number };

/** Starts the contenders together on `dir`; resolves with each one's answer and the lock's holder while the winner still holds it. */
async function contend(dir: string, count = CONTENDERS): Promise<{ answers: Answer[]; holder: number | null }> {
  const startAt = Date.now() + 400;
  const children = Array.from({ length: count }, () => spawn(process.execPath, [contender, dir, String(startAt)], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const answers = await Promise.all(
    children.map(
      (child) =>
        new Promise<Answer>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const line = out.split('\n')[0];
            if (out.includes('\n')) {
              const [result, late] = [line.slice(0, line.lastIndexOf(' ')), line.slice(line.lastIndexOf(' ') + 1)];
              resolve({ pid: child.pid!, result, lateMs: Number(late) });
            }
          });
          child.on('exit', (code) => reject(new Error(`contender exited ${code} before answering: ${out}`)));
        }),
    ),
  );
  let holder: number | null = null;
  try {
    holder = JSON.parse(fs.readFileSync(lockPathFor(dir), 'utf8')).pid;
  } catch {
    holder = null;
  }
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.removeAllListeners('exit');
          child.on('exit', () => resolve());
          child.stdin.end();
        }),
    ),
  );
  return { answers, holder };
}

const staleLock = (dir: string) =>
  fs.writeFileSync(lockPathFor(dir), JSON.stringify({ pid: DEAD_PID, host: os.hostname(), command: 'gone', since: new Date().toISOString() }));

describe('the embedded database folder lock between processes', () => {
  it(`${CONTENDERS} processes started together on a stale lock: exactly one takes it over (${TRIALS} trials)`, { timeout: 240_000 }, async () => {
    const wrong: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = path.join(work, `db-${trial}`);
      staleLock(dir);
      const { answers, holder } = await contend(dir);
      const winners = answers.filter((a) => a.result === 'won');
      const others = answers.filter((a) => a.result !== 'won');
      if (winners.length !== 1 || others.some((a) => a.result !== 'refused') || holder !== winners[0]?.pid)
        wrong.push(`trial ${trial}: ${answers.map((a) => `${a.pid} ${a.result} (+${a.lateMs} ms)`).join(', ')}; lock held by ${holder}`);
      // The winner let go when it exited, and left nothing behind but the folder's parent.
      const left = fs.readdirSync(work).filter((f) => f.startsWith(`db-${trial}.`));
      if (left.length) wrong.push(`trial ${trial}: left ${left.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a takeover interrupted by a crash is itself taken over; a lock of an earlier process with our pid is stale', () => {
    const dir = path.join(work, 'crashed-db');
    const stale = JSON.stringify({ pid: DEAD_PID, host: os.hostname(), command: 'gone', since: '2026-01-01T00:00:00.000Z' });
    fs.writeFileSync(lockPathFor(dir), stale);
    const claim = `${lockPathFor(dir)}.takeover-${crypto.createHash('sha256').update(stale).digest('hex').slice(0, 16)}`;
    fs.writeFileSync(claim, JSON.stringify({ pid: DEAD_PID + 1, host: os.hostname(), command: 'died taking over', since: '2026-01-01T00:00:01.000Z' }));
    acquireFolderLock(dir);
    try {
      expect(JSON.parse(fs.readFileSync(lockPathFor(dir), 'utf8')).pid).toBe(process.pid);
      expect(fs.readdirSync(work).filter((f) => f.startsWith('crashed-db.'))).toEqual(['crashed-db.lock']);
    } finally {
      releaseFolderLock(dir);
    }
    // A container restarted after a crash often gets the same pid: its old lock predates this process.
    const restarted = path.join(work, 'restarted-db');
    fs.writeFileSync(lockPathFor(restarted), JSON.stringify({ pid: process.pid, host: os.hostname(), command: 'before the crash', since: '2026-01-01T00:00:00.000Z' }));
    acquireFolderLock(restarted);
    try {
      expect(JSON.parse(fs.readFileSync(lockPathFor(restarted), 'utf8')).command).not.toBe('before the crash');
    } finally {
      releaseFolderLock(restarted);
    }
    expect(fs.existsSync(lockPathFor(restarted))).toBe(false);
    // A live holder on this host is never taken over.
    const live = path.join(work, 'live-db');
    fs.writeFileSync(lockPathFor(live), JSON.stringify({ pid: process.ppid, host: os.hostname(), command: 'parent', since: new Date().toISOString() }));
    expect(() => acquireFolderLock(live)).toThrow(DatabaseLockedError);
    expect(JSON.parse(fs.readFileSync(lockPathFor(live), 'utf8')).command).toBe('parent');
  });

  it('a symlink to a locked folder is the same folder: refused', async () => {
    const real = path.join(work, 'real-db');
    const link = path.join(work, 'link-db');
    fs.mkdirSync(real);
    fs.symlinkSync(real, link);
    acquireFolderLock(real);
    try {
      expect(lockPathFor(link)).toBe(lockPathFor(real));
      const { answers } = await contend(link, 1);
      expect(answers.map((a) => a.result)).toEqual(['refused']);
    } finally {
      releaseFolderLock(real);
    }
    expect(fs.existsSync(lockPathFor(real))).toBe(false);
    // A link to a folder not created yet, and a folder inside a linked parent, resolve the same way.
    fs.symlinkSync(path.join(work, 'later-db'), path.join(work, 'link-later'));
    expect(lockPathFor(path.join(work, 'link-later'))).toBe(`${path.join(fs.realpathSync(work), 'later-db')}.lock`);
  });

  it('through a symlink the command line is refused with the holder named, not `[object Object]`', { timeout: 240_000 }, () => {
    const real = path.join(work, 'cli-db');
    const link = path.join(work, 'cli-link');
    fs.mkdirSync(real);
    fs.symlinkSync(real, link);
    acquireFolderLock(real);
    try {
      const child = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/cli.ts', 'migrate'], {
        env: { ...process.env, DATABASE_URL: `pglite:${link}` },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(child.stderr).not.toContain('[object Object]');
      expect(child.stderr).toContain(`in use by process ${process.pid}`);
      expect(child.status).toBe(1);
      expect(fs.existsSync(path.join(real, 'PG_VERSION'))).toBe(false);
    } finally {
      releaseFolderLock(real);
    }
  });
});
