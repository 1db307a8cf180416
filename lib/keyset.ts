import { sql, type SQL } from 'drizzle-orm';
import { isRealDate } from '@/lib/dates';

/*
 * Keyset (cursor) paging for the long lists (the managers' inbox, the resident directory): a page is
 * "the next n rows after this row's sort values" in the list's order, so page 400 costs what page 1
 * does (no OFFSET that reads and throws away the pages before it) and rows added or removed meanwhile
 * neither repeat nor skip a row. The cursor in the URL carries the last (or first) row's sort values;
 * it is read back strictly by the key's type, so a hand-edited one is ignored rather than sent to
 * the database to fail there.
 */

/** How a sort key's value is written in a cursor and read back into SQL. Every key must be NOT NULL. */
export type KeyType = 'text' | 'date' | 'timestamp' | 'numeric' | 'uuid' | { enumType: string; values: readonly string[] };

/** One column of a list's order: the expression, its type, and its direction. */
export type SortKey = { column: SQL; type: KeyType; desc?: boolean };

/** A page request: the rows after (Next) or before (Previous) the cursor's row; none means the first page. */
export type PageRequest = { after?: string; before?: string };

export type Cursor = { before: boolean; values: string[] };

/** One page and the cursors of its neighbours (null when there is none). */
export type KeysetPage<T> = { rows: T[]; next: string | null; previous: string | null };

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,6})?([+-]\d{2}(:?\d{2})?)?$/;
const NUMERIC = /^-?\d{1,30}(\.\d{1,30})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a value of the key's type that PostgreSQL reads back without error. */
function validValue(type: KeyType, value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (typeof type === 'object') return type.values.includes(value);
  switch (type) {
    case 'text':
      return value.length <= 2000 && !value.includes('\0');
    case 'date':
      return value === 'infinity' || value === '-infinity' || isRealDate(value);
    case 'timestamp': {
      const match = TIMESTAMP.exec(value);
      return match !== null && isRealDate(match[1]);
    }
    case 'numeric':
      return NUMERIC.test(value);
    case 'uuid':
      return UUID.test(value);
  }
}

const literal = (type: KeyType, value: string): SQL => {
  if (typeof type === 'object') return sql`${value}::${sql.raw(type.enumType)}`;
  switch (type) {
    case 'text':
      return sql`${value}::text`;
    case 'date':
      return sql`${value}::date`;
    case 'timestamp':
      return sql`${value}::timestamptz`;
    case 'numeric':
      return sql`${value}::numeric`;
    case 'uuid':
      return sql`${value}::uuid`;
  }
};

/** A cursor for the URL: the row's sort values; whether it is read after or before is the parameter's name. */
const encode = (values: string[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

/** The request's cursor, if it is one these keys can be read from; a malformed one counts as none. */
export function readCursor(keys: readonly SortKey[], request: PageRequest): Cursor | undefined {
  const text = request.after ?? request.before;
  if (!text || text.length > 4000 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(values) || values.length !== keys.length || !keys.every((key, i) => validValue(key.type, values[i]))) return undefined;
  return { before: request.after === undefined, values: values as string[] };
}

/** The rows strictly beyond the cursor in the list's order (before it, for a Previous page). */
export function beyondCursor(keys: readonly SortKey[], cursor: Cursor): SQL {
  const ascending = (key: SortKey) => !key.desc !== cursor.before;
  const value = (i: number) => literal(keys[i].type, cursor.values[i]);
  // One direction throughout: a row comparison, which PostgreSQL reads straight off a matching index.
  if (keys.every((key) => ascending(key) === ascending(keys[0]))) {
    return sql`(${sql.join(keys.map((k) => k.column), sql`, `)}) ${sql.raw(ascending(keys[0]) ? '>' : '<')} (${sql.join(keys.map((_, i) => value(i)), sql`, `)})`;
  }
  // Mixed directions: k1 beyond v1, or k1 = v1 and the rest beyond theirs.
  return keys.reduceRight<SQL | undefined>((rest, key, i) => {
    const beyond = sql`${key.column} ${sql.raw(ascending(key) ? '>' : '<')} ${value(i)}`;
    return rest ? sql`(${beyond} OR (${key.column} = ${value(i)} AND ${rest}))` : beyond;
  }, undefined)!;
}

/** ORDER BY for the page: the list's order, or its reverse when reading back to a Previous page. */
export function pageOrder(keys: readonly SortKey[], cursor: Cursor | undefined): SQL {
  const reverse = cursor?.before ?? false;
  return sql.join(
    keys.map((key) => sql`${key.column} ${sql.raw(Boolean(key.desc) !== reverse ? 'DESC' : 'ASC')}`),
    sql`, `,
  );
}

/** The sort values of a row as the cursor carries them: the keys as text, in one array column. */
export function cursorValues(keys: readonly SortKey[]): SQL<string[]> {
  return sql<string[]>`ARRAY[${sql.join(
    keys.map((key) => sql`(${key.column})::text`),
    sql`, `,
  )}]`;
}

/**
 * Turns the `size + 1` rows read for a page (in `pageOrder`) into the page and its neighbours'
 * cursors. `valuesOf` gives a row's sort values (the `cursorValues` column).
 */
export function keysetPage<T>(fetched: T[], size: number, cursor: Cursor | undefined, valuesOf: (row: T) => string[]): KeysetPage<T> {
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (cursor?.before) rows.reverse();
  const first = rows.length ? valuesOf(rows[0]) : cursor?.values;
  const last = rows.length ? valuesOf(rows[rows.length - 1]) : cursor?.values;
  const hasNext = cursor?.before ? true : more;
  const hasPrevious = cursor ? (cursor.before ? more : true) : false;
  return {
    rows,
    next: hasNext && last ? encode(last) : null,
    previous: hasPrevious && first ? encode(first) : null,
  };
}
