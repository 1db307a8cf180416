import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An exclusive lock on an embedded database folder. PGlite has none of its own, and two
 * processes writing one folder silently lose rows, so a second process must refuse at once.
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

const held = new Map<string, number>();

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

export function lockPathFor(dir: string): string {
  return `${dir.replace(/[\\/]+$/, '')}.lock`;
}

export function acquireFolderLock(dir: string): void {
  const lockPath = lockPathFor(dir);
  if (held.has(lockPath)) return;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const info: LockInfo = { pid: process.pid, host: os.hostname(), command: describeCommand(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      held.set(lockPath, process.pid);
      process.once('exit', () => releaseFolderLock(dir));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: LockInfo | undefined;
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
      } catch {
        holder = undefined; // half-written by a process that died while taking it
      }
      if (holder && holder.pid === process.pid) return;
      if (holder && holder.host === os.hostname() && isAlive(holder.pid)) throw new DatabaseLockedError(dir, holder);
      if (holder && holder.host !== os.hostname()) throw new DatabaseLockedError(dir, holder);
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

export function releaseFolderLock(dir: string): void {
  const lockPath = lockPathFor(dir);
  if (held.get(lockPath) !== process.pid) return;
  held.delete(lockPath);
  try {
    const holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
    if (holder.pid === process.pid) fs.rmSync(lockPath, { force: true });
  } catch {
    // already gone
  }
}
