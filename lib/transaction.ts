import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Db, Tx } from '@/db/client';
import { AppError, fromDatabaseError, notFound } from '@/lib/errors';

/**
 * Runs a change in one transaction, the way every domain change runs: when the database refuses it by a
 * constraint (unique, check, exclusion, foreign key), the caller gets the AppError that words the refusal
 * instead of the driver's error; the change's own AppErrors pass through unchanged. `onConflict` words a
 * CONFLICT the change's way (which key is taken, which field to mark), given the refusal and its cause.
 */
export async function inTransaction<T>(
  db: Db,
  change: (tx: Tx) => Promise<T>,
  { onConflict }: { onConflict?: (refusal: AppError, cause: unknown) => AppError } = {},
): Promise<T> {
  try {
    return await db.transaction(change);
  } catch (error) {
    const refusal = fromDatabaseError(error);
    if (onConflict && refusal instanceof AppError && refusal.code === 'CONFLICT') throw onConflict(refusal, error);
    throw refusal;
  }
}

/**
 * The row of one park that a change is about, locked until the transaction ends, so that a concurrent
 * change of it waits and then sees this one. A row of another park is as missing as one that does not
 * exist: `what` is not found.
 */
export async function lockParkRow<TFields extends SelectedFields>(
  tx: Tx,
  table: PgTable & { id: PgColumn; parkId: PgColumn },
  fields: TFields,
  { id, parkId }: { id: string; parkId: string },
  what: string,
): Promise<SelectResultFields<TFields>> {
  // drizzle cannot name the row type of a select over a table it does not know statically.
  const [row] = (await tx
    .select(fields)
    .from(table)
    .where(and(eq(table.id, id), eq(table.parkId, parkId)))
    .for('update')) as SelectResultFields<TFields>[];
  if (!row) throw notFound(what);
  return row;
}
