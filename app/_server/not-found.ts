import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from '@/lib/errors';

type Hidden = { forbidden?: boolean };

/**
 * Whether a page or a download answers `error` with its 404. lib/ says NOT_FOUND for a record the actor
 * may not see as well as for a missing one; with `forbidden`, a refused permission is hidden the same way
 * (a park the actor has no part in must look like one that does not exist).
 */
export function isNotFound(error: unknown, { forbidden = false }: Hidden = {}): boolean {
  return error instanceof AppError && (error.code === 'NOT_FOUND' || (forbidden && error.code === 'FORBIDDEN'));
}

/**
 * For pages: what `work` gives, or Next's not-found page (app/(app)/not-found.tsx) when lib/ refuses
 * with NOT_FOUND. `work` is a promise, or a function for several reads that stop at the first refusal.
 * A page's reads take their ids and keys from the address, so a value lib/ refuses as malformed
 * (VALIDATION: a key too long or of the wrong shape) names no page either, and is a 404 too.
 */
export async function orNotFound<T>(work: Promise<T> | (() => Promise<T>), hidden?: Hidden): Promise<T> {
  try {
    return await (typeof work === 'function' ? work() : work);
  } catch (error) {
    if (isNotFound(error, hidden) || (error instanceof AppError && error.code === 'VALIDATION')) notFound();
    throw error;
  }
}
