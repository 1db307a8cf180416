import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { AppError, fromDatabaseError } from '@/lib/errors';

/**
 * Set-based writes for the data-set import: every statement carries a whole chunk of rows as ONE
 * JSON parameter, unpacked by `json_to_recordset`, so the 65,535 bind-parameter limit never
 * applies and the server parses one statement per chunk instead of one per row.
 */

/** A column and the PostgreSQL type `json_to_recordset` reads it as. */
export type Column = readonly [name: string, pgType: string];

export type TableSpec = {
  table: string;
  columns: readonly Column[];
  /** The columns of the unique constraint a row is matched on (`ON CONFLICT (…)`). */
  conflict: readonly string[];
  /** Written when a row is created, never compared or overwritten. */
  insertOnly?: readonly string[];
  /** Set to now() whenever a row is created or changed. */
  touch?: string;
  /** An SQL expression over the table's columns (aliased `t`) that tells the caller which record a returned row is. */
  label: string;
};

/** One input row with the position of its record in the data set (for messages). */
export type Item = { index: number; values: Record<string, unknown> };

/** A row the import created or changed; unchanged rows are not returned. */
export type Outcome = { label: string; id: string; inserted: boolean };

/** The database refused one row: `index` is the item's, `error` the AppError fromDatabaseError made of it. */
export class RowRefusal extends Error {
  constructor(
    readonly index: number,
    readonly error: AppError,
  ) {
    super(error.message);
    this.name = 'RowRefusal';
  }
}

/** Rows per statement: bounds the statement's size and memory; the parameter count is always one. */
export const CHUNK_ROWS = 5000;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A JSON document bound as text and cast on the server, so neither driver re-serialises it. */
export const jsonParam = (value: unknown): SQL => sql`${JSON.stringify(value)}::text::json`;

/** `SELECT value::uuid FROM …` over a list of ids, for `IN (…)` without one parameter per id. */
export const uuidList = (ids: readonly string[]): SQL => sql`SELECT value::uuid FROM json_array_elements_text(${jsonParam(ids)})`;

function recordset(columns: readonly Column[]): string {
  return columns.map(([name, type]) => `${ident(name)} ${type}`).join(', ');
}

function compared(spec: TableSpec): string[] {
  return spec.columns.map(([name]) => name).filter((name) => !spec.conflict.includes(name) && !spec.insertOnly?.includes(name));
}

function changedWhere(left: string, right: string, columns: readonly string[]): string {
  const side = (alias: string) => columns.map((name) => `${alias}.${ident(name)}`).join(', ');
  return `ROW(${side(left)}) IS DISTINCT FROM ROW(${side(right)})`;
}

/** Is this a refusal of one row's data (class 22 data exception, class 23 integrity violation)? */
function refusalOf(error: unknown): AppError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code)) {
      const mapped = fromDatabaseError(current);
      return mapped instanceof AppError ? mapped : new AppError('VALIDATION', 'the value is not allowed', { cause: current });
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** The constraint a database refusal names, if any. */
export function constraintOf(error: AppError): string | undefined {
  let current: unknown = error.cause;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as { constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    const name = e.constraint ?? e.constraint_name;
    if (typeof name === 'string') return name;
    current = e.cause;
  }
  return undefined;
}

/**
 * Runs `statement` over the items in chunks, each inside a savepoint. When the database refuses a
 * chunk, the chunk is bisected (keeping the halves that succeed, so later rows see earlier ones as
 * a row-by-row run would) until the first refused row is found; that row is reported as a
 * RowRefusal. Only the error path costs more than one statement per chunk.
 */
async function runChunked<T extends Record<string, unknown>>(
  tx: DbOrTx,
  items: readonly Item[],
  statement: (rows: Record<string, unknown>[]) => SQL,
): Promise<T[]> {
  const out: T[] = [];
  const run = async (part: readonly Item[]): Promise<void> => {
    try {
      const rows = await tx.transaction((sp) => queryRows<T>(sp, statement(part.map((item) => item.values))));
      out.push(...rows);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      if (part.length === 1) throw new RowRefusal(part[0].index, refusal);
      const middle = Math.ceil(part.length / 2);
      await run(part.slice(0, middle));
      await run(part.slice(middle));
    }
  };
  for (let start = 0; start < items.length; start += CHUNK_ROWS) await run(items.slice(start, start + CHUNK_ROWS));
  return out;
}

/**
 * Inserts the rows, or updates in place the ones whose `conflict` columns match an existing row,
 * and only where a compared column differs (`IS DISTINCT FROM`). Returns the created and changed
 * rows; `xmax = 0` tells a freshly inserted row from an updated one.
 */
export async function upsertRows(tx: DbOrTx, spec: TableSpec, items: readonly Item[]): Promise<Outcome[]> {
  if (items.length === 0) return [];
  const names = spec.columns.map(([name]) => ident(name)).join(', ');
  const compare = compared(spec);
  const set = [...compare.map((name) => `${ident(name)} = EXCLUDED.${ident(name)}`), ...(spec.touch ? [`${ident(spec.touch)} = now()`] : [])];
  const conflict = `ON CONFLICT (${spec.conflict.map(ident).join(', ')})`;
  // Rows equal to the stored ones are filtered out before the INSERT: ON CONFLICT would lock (and so write) every one of them.
  const selected = spec.columns.map(([name]) => `x.${ident(name)}`).join(', ');
  const matchOn = spec.conflict.map((name) => `e.${ident(name)} = x.${ident(name)}`).join(' AND ');
  const onConflict = compare.length ? `${conflict} DO UPDATE SET ${set.join(', ')} WHERE ${changedWhere('t', 'EXCLUDED', compare)}` : `${conflict} DO NOTHING`;
  return runChunked<Outcome>(
    tx,
    items,
    (rows) => sql`INSERT INTO ${sql.raw(ident(spec.table))} AS t (${sql.raw(names)})
      SELECT ${sql.raw(selected)} FROM json_to_recordset(${jsonParam(rows)}) AS x(${sql.raw(recordset(spec.columns))})
        LEFT JOIN ${sql.raw(ident(spec.table))} AS e ON ${sql.raw(matchOn)}
        WHERE e.id IS NULL${sql.raw(compare.length ? ` OR ${changedWhere('e', 'x', compare)}` : '')}
      ${sql.raw(onConflict)}
      RETURNING (${sql.raw(spec.label)})::text AS label, t.id::text AS id, (t.xmax = 0) AS inserted`,
  );
}

/**
 * Updates existing rows by id (each item's values carry `id`), only where a compared column
 * differs. Conflict and insert-only columns are left as they are.
 */
export async function updateRowsById(tx: DbOrTx, spec: TableSpec, items: readonly Item[]): Promise<Outcome[]> {
  if (items.length === 0) return [];
  const compare = compared(spec);
  const columns: Column[] = [['id', 'uuid'], ...spec.columns.filter(([name]) => compare.includes(name))];
  const set = [...compare.map((name) => `${ident(name)} = x.${ident(name)}`), ...(spec.touch ? [`${ident(spec.touch)} = now()`] : [])];
  return runChunked<Outcome>(
    tx,
    items,
    (rows) => sql`UPDATE ${sql.raw(ident(spec.table))} AS t SET ${sql.raw(set.join(', '))}
      FROM json_to_recordset(${jsonParam(rows)}) AS x(${sql.raw(recordset(columns))})
      WHERE t.id = x.id AND ${sql.raw(changedWhere('t', 'x', compare))}
      RETURNING (${sql.raw(spec.label)})::text AS label, t.id::text AS id, false AS inserted`,
  );
}

/** Plain inserts (rows without a key of their own, such as decisions). */
export async function insertRows(tx: DbOrTx, table: string, columns: readonly Column[], items: readonly Item[]): Promise<void> {
  if (items.length === 0) return;
  const names = columns.map(([name]) => ident(name)).join(', ');
  await runChunked(
    tx,
    items,
    (rows) => sql`INSERT INTO ${sql.raw(ident(table))} (${sql.raw(names)})
      SELECT ${sql.raw(names)} FROM json_to_recordset(${jsonParam(rows)}) AS x(${sql.raw(recordset(columns))})`,
  );
}
