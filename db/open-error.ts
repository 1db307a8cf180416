import { inspect } from 'node:util';

/**
 * A database that could not be opened, said so a person can act on it: which database, and why.
 * PGlite throws its file system's bare `ErrnoError { errno: 44 }` objects and Node a connection
 * failure as an AggregateError with an empty message; neither may reach the reader as
 * `[object Object]` or nothing.
 */
export class DatabaseOpenError extends Error {
  constructor(what: string, cause: unknown) {
    super(`Could not open ${what}: ${describeFailure(cause)}`, { cause });
    this.name = 'DatabaseOpenError';
  }
}

/** PGlite's (Emscripten's, WASI-numbered) errno values that a folder can give. */
const WASI_ERRNO: Record<number, string> = {
  2: 'EACCES (permission denied)',
  10: 'EBUSY (resource busy)',
  20: 'EEXIST (already exists)',
  28: 'EINVAL (invalid argument)',
  29: 'EIO (input/output error)',
  31: 'EISDIR (is a folder)',
  32: 'ELOOP (too many symbolic links)',
  37: 'ENAMETOOLONG (file name too long)',
  44: 'ENOENT (no such file or folder)',
  48: 'ENOMEM (out of memory)',
  51: 'ENOSPC (no space left on the device)',
  54: 'ENOTDIR (not a folder)',
  55: 'ENOTEMPTY (folder not empty)',
  63: 'EPERM (operation not permitted)',
  69: 'EROFS (read-only file system)',
};

/** One line saying what went wrong, whatever was thrown, with what caused it (a failed query: why it failed). */
export function describeFailure(error: unknown, depth = 0): string {
  if (error instanceof AggregateError && !error.message)
    return [...new Set(error.errors.map((e) => describeFailure(e, depth + 1)))].join('; ') || (error as NodeJS.ErrnoException).code || error.name;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const first = error.message.split('\n')[0].trim();
    const message = !first ? (code ?? error.name) : code && !first.includes(code) ? `${first} (${code})` : first;
    if (error.cause === undefined || depth >= 4) return message;
    const cause = describeFailure(error.cause, depth + 1);
    return message.includes(cause) ? message : `${message}: ${cause}`;
  }
  if (error && typeof error === 'object') {
    const { name, errno, message } = error as { name?: unknown; errno?: unknown; message?: unknown };
    if (typeof errno === 'number') return `file system error ${WASI_ERRNO[errno] ?? `errno ${errno}`}${typeof name === 'string' ? ` (${name})` : ''}`;
    if (typeof message === 'string' && message) return message.split('\n')[0];
    return inspect(error, { depth: 2, breakLength: Infinity });
  }
  return String(error);
}
