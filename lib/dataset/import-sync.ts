import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { parks } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { Dataset } from '@/lib/validation/dataset';
import { isUuid } from '@/lib/validation/uuid';
import { constraintOf, RowRefusal, updateRowsById, upsertRows, uuidList, type Item, type Outcome } from './batch';
import { CONSTRAINT_FIELDS, type DatasetList, type ImportTable, type RowValues } from './import-tables';
import { companyIdsOfPark } from './scope';

/** The records of one list that the import created or changed, by key. */
export type Changed = Map<string, 'created' | 'updated'>;

export type ListResult = {
  /** Every record's row id, by key. */
  ids: Map<string, string>;
  /** The records created or changed, by key. */
  changed: Changed;
};

/** A `list[i].field: reason` line as a VALIDATION error, with the field error keyed by its path. */
export function datasetError(line: string, code: AppError['code'] = 'VALIDATION', cause?: unknown): AppError {
  const split = line.indexOf(': ');
  const path = split > 0 ? line.slice(0, split) : 'dataset';
  const reason = split > 0 ? line.slice(split + 2) : line;
  return new AppError(code, line, { fieldErrors: { [path]: [reason] }, cause });
}

/** A database refusal of one row as `list[i].field: reason`. */
export function refusalError(error: unknown, list: string, suffix = ''): unknown {
  if (!(error instanceof RowRefusal)) return error;
  const constraint = constraintOf(error.error);
  const field = constraint ? CONSTRAINT_FIELDS[constraint] : undefined;
  const path = `${list}[${error.index}]${suffix}${field ? `.${field}` : ''}`;
  return datasetError(`${path}: ${error.error.message}`, error.error.code, error.error);
}

/** Matched by slug: created if new, updated in place if a field differs. The row is locked for the import. */
export async function upsertPark(tx: Tx, park: Dataset['park']): Promise<{ id: string; created: boolean; updated: boolean }> {
  const values = {
    name: park.name,
    region: park.region,
    type: park.type,
    landAreaHa: park.landAreaHa,
    foundedOn: park.foundedOn,
  };
  const [inserted] = await tx
    .insert(parks)
    .values({ slug: park.slug, ...values })
    .onConflictDoNothing({ target: parks.slug })
    .returning({ id: parks.id });
  if (inserted) return { id: inserted.id, created: true, updated: false };
  const [existing] = await tx
    .select({ id: parks.id, name: parks.name, region: parks.region, type: parks.type, landAreaHa: parks.landAreaHa, foundedOn: parks.foundedOn })
    .from(parks)
    .where(eq(parks.slug, park.slug))
    .for('update');
  const same =
    existing.name === values.name &&
    existing.region === values.region &&
    existing.type === values.type &&
    existing.landAreaHa === values.landAreaHa &&
    existing.foundedOn === values.foundedOn;
  if (!same) await tx.update(parks).set(values).where(eq(parks.id, existing.id));
  return { id: existing.id, created: false, updated: !same };
}

/**
 * Writes one list: records matched by (park, key) are upserted in batches; records whose key is the
 * id of a keyless row of the park (a company also: of a company the park's records refer to) update
 * that row by id. A refusal of the database names the record. `values` gives every column of the
 * spec (by drizzle name) for a record; keys that are no column of the spec are left out.
 */
export async function syncList<R extends { key: string }, K extends string>(
  tx: Tx,
  parkId: string,
  list: DatasetList,
  spec: ImportTable<K>,
  records: readonly R[],
  values: (record: R, index: number) => RowValues<NoInfer<K>>,
  { needIds = true }: { needIds?: boolean } = {},
): Promise<ListResult> {
  const byId = await idMatches(tx, parkId, spec.table, records);
  const keyed: Item[] = [];
  const matched: Item[] = [];
  records.forEach((record, index) => {
    const row = spec.row(values(record, index));
    if (byId.has(record.key)) {
      const { park_id: _park, key: _key, ...rest } = row;
      matched.push({ index, values: { ...rest, id: record.key } });
    } else keyed.push({ index, values: row });
  });

  let outcomes: Outcome[];
  try {
    outcomes = [...(await upsertRows(tx, spec, keyed)), ...(await updateRowsById(tx, spec, matched))];
  } catch (error) {
    throw refusalError(error, list);
  }

  const changed: Changed = new Map();
  for (const o of outcomes) changed.set(o.label, o.inserted ? 'created' : 'updated');

  const ids = new Map<string, string>();
  if (needIds) {
    const rows = await queryRows<{ key: string; id: string }>(
      tx,
      sql`SELECT key, id::text AS id FROM ${sql.raw(`"${spec.table}"`)} WHERE park_id = ${parkId} AND key IS NOT NULL`,
    );
    for (const row of rows) ids.set(row.key, row.id);
    for (const key of byId) ids.set(key, key);
  }
  return { ids, changed };
}

/**
 * The records (by key) to match by id: keys that are the id of a keyless row of the park and not
 * also a key of the park. For companies: the id of a company the park's records refer to that the
 * park's key space does not hold (an applicant's own company, or one of another park's data set).
 */
async function idMatches(tx: Tx, parkId: string, table: string, records: readonly { key: string }[]): Promise<Set<string>> {
  const candidates = records.map((r) => r.key).filter(isUuid);
  if (candidates.length === 0) return new Set();
  const name = sql.raw(`"${table}"`);
  const owned =
    table === 'companies'
      ? sql`(t.park_id IS DISTINCT FROM ${parkId}::uuid OR t.key IS NULL) AND t.id IN (${companyIdsOfPark(parkId)})`
      : sql`t.park_id = ${parkId} AND t.key IS NULL`;
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`SELECT t.id::text AS id FROM ${name} t
        WHERE t.id IN (${uuidList(candidates)}) AND ${owned}
          AND NOT EXISTS (SELECT 1 FROM ${name} k WHERE k.park_id = ${parkId} AND k.key = t.id::text)`,
  );
  return new Set(rows.map((r) => r.id));
}
