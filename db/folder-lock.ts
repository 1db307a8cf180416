import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An exclusive lock on an embedded database folder. PGlite has none of its own, and two
 * processes writing one folder silently lose rows, so a second process must refuse at once.
 *
 * The lock is `<real folder>.lock`, keyed on the folder's real path so a symlink to it is the same
 * folder. It appears in one step, already written (a temporary file hard-linked into place), and a
 * lock left by a dead process is removed only by the one process that claims it: the claim is itself
 * such a lock, named after the stale lock's content. Of any number of processes starting at once,
 * exactly one takes the folder.
 */
export class DatabaseLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database ${path.relative(process.cwd(), dir) || dir} is in use by process ${holder.pid} ` +
        `(${holder.command}) since ${holder.since}. Stop that process first, or use PostgreSQL ` +
        `(DATABASE_URL=postgres://…) to run several processes on one database.`,
    );
    this.name = 'DatabaseLockedError';
  }
}

type LockInfo = { pid: number; host: string; command: string; since: string };

/** This process's locks: lock path → the content it wrote. */
const held = new Map<string, string>();
/** The lock path each folder was locked under, as the folder was named (it may be gone by release). */
const lockOfDir = new Map<string, string>();

/** When this process started, to tell its own lock from one left by an earlier process with the same pid. */
const STARTED_AT = Date.now() - Math.ceil(process.uptime() * 1000);

/** How deep claims on claims go (each level needs a process to die mid-takeover) before giving up. */
const MAX_CLAIM_DEPTH = 3;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describeCommand(): string {
  const args = process.argv.slice(1).map((a) => path.basename(a));
  return args.join(' ').slice(0, 120) || 'node';
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The folder's real path, symlinks resolved, also when it (or the target of a link to it) does not exist yet. */
export function realFolderOf(dir: string): string {
  let current = path.resolve(/*turbopackIgnore: true*/ dir);
  const rest: string[] = [];
  for (let hops = 0; hops < 40; hops++) {
    try {
      return path.join(fs.realpathSync(current), ...rest);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    let link: string | undefined;
    try {
      link = fs.lstatSync(current).isSymbolicLink() ? fs.readlinkSync(current) : undefined;
    } catch {
      link = undefined;
    }
    if (link !== undefined) {
      current = path.resolve(/*turbopackIgnore: true*/ path.dirname(current), link); // a link to a folder not created yet
      continue;
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    rest.unshift(path.basename(current));
    current = parent;
  }
  return path.join(current, ...rest);
}

export function lockPathFor(dir: string): string {
  return `${realFolderOf(dir).replace(/[\\/]+$/, '')}.lock`;
}

function readLock(lockPath: string): { raw: string; holder: LockInfo | undefined; ageMs: number } | undefined {
  try {
    const raw = fs.readFileSync(lockPath, 'utf8');
    const ageMs = Date.now() - fs.statSync(lockPath).mtimeMs;
    try {
      const holder = JSON.parse(raw) as LockInfo;
      return { raw, holder: typeof holder?.pid === 'number' ? holder : undefined, ageMs };
    } catch {
      return { raw, holder: undefined, ageMs };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // let go in the meantime
    throw error;
  }
}

/** Puts the written `content` at `lockPath` in one step; false if a lock is already there. */
function place(lockPath: string, content: string): boolean {
  const temporary = `${lockPath}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, content, { flag: 'wx' });
  try {
    fs.linkSync(temporary, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  // A file system without hard links: still exclusive, though briefly empty (readLock waits that out).
  try {
    const fd = fs.openSync(lockPath, 'wx');
    try {
      fs.writeSync(fd, content);
    } finally {
      fs.closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Removes the lock at `lockPath` if it still holds `content` (a lock only its own process removes). */
function removeIfOwn(lockPath: string, content: string): void {
  const current = readLock(lockPath);
  if (current?.raw === content) fs.rmSync(lockPath, { force: true });
}

/**
 * Takes `lockPath` with `content`, taking over a lock whose process is gone. Throws
 * DatabaseLockedError (naming `dir`) when a live process holds it.
 */
function take(lockPath: string, content: string, dir: string, depth: number): void {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (place(lockPath, content)) return;
    const current = readLock(lockPath);
    if (!current) continue;
    const { raw, holder, ageMs } = current;
    if (!holder && ageMs < 2000) {
      sleep(20); // being written by a process on a file system without hard links
      continue;
    }
    if (holder && holder.host !== os.hostname()) throw new DatabaseLockedError(dir, holder);
    // Our own pid: this process's lock (another copy of this module), or one left by an earlier
    // process that had the same pid (a container restarted after a crash), which is stale.
    if (holder && holder.pid === process.pid && Date.parse(holder.since) >= STARTED_AT) return;
    if (holder && holder.pid !== process.pid && isAlive(holder.pid)) throw new DatabaseLockedError(dir, holder);
    removeStale(lockPath, raw, dir, depth);
  }
  throw new Error(`Could not take the lock ${lockPath}: it keeps changing hands`);
}

/**
 * Removes the stale lock `raw` at `lockPath`, or returns once another process has. Only the process
 * holding the claim `<lock>.takeover-<hash of raw>` may remove it, and only while it still holds `raw`:
 * a lock is only ever removed by its owner or by the one claimant of its stale content.
 */
function removeStale(lockPath: string, raw: string, dir: string, depth: number): void {
  if (depth >= MAX_CLAIM_DEPTH)
    throw new Error(`Could not take over the stale lock ${lockPath}: earlier takeovers were interrupted. If no process uses the database, delete ${lockPath} and ${lockPath}.takeover-*.`);
  const claim = `${lockPath}.takeover-${crypto.createHash('sha256').update(raw).digest('hex').slice(0, 16)}`;
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), command: describeCommand(), since: new Date().toISOString() } satisfies LockInfo);
  try {
    take(claim, mine, dir, depth + 1);
  } catch (error) {
    if (!(error instanceof DatabaseLockedError)) throw error;
    // A live process is taking it over right now: wait until it has, then the caller reads the new holder.
    for (let waited = 0; waited < 5000 && readLock(lockPath)?.raw === raw; waited += 20) sleep(20);
    return;
  }
  try {
    if (readLock(lockPath)?.raw === raw) fs.rmSync(lockPath, { force: true });
  } finally {
    removeIfOwn(claim, mine);
  }
}

/** Locks the folder for this process; returns its real path (the one to open). */
export function acquireFolderLock(dir: string): string {
  const real = realFolderOf(dir);
  const lockPath = `${real.replace(/[\\/]+$/, '')}.lock`;
  lockOfDir.set(path.resolve(/*turbopackIgnore: true*/ dir), lockPath);
  if (held.has(lockPath)) return real;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), command: describeCommand(), since: new Date().toISOString() } satisfies LockInfo);
  take(lockPath, content, dir, 0);
  held.set(lockPath, content);
  if (held.size === 1 && !process.listeners('exit').includes(releaseAll)) process.on('exit', releaseAll);
  return real;
}

function release(lockPath: string): void {
  const content = held.get(lockPath);
  if (content === undefined) return;
  held.delete(lockPath);
  try {
    removeIfOwn(lockPath, content);
  } catch {
    // already gone, or its folder with it
  }
}

function releaseAll(): void {
  for (const lockPath of [...held.keys()]) release(lockPath);
}

export function releaseFolderLock(dir: string): void {
  const resolved = path.resolve(/*turbopackIgnore: true*/ dir);
  const lockPath = lockOfDir.get(resolved) ?? lockPathFor(dir);
  lockOfDir.delete(resolved);
  release(lockPath);
}
