import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import { beyondCursor, cursorValues, keysetPage, pageOrder, readCursor, type PageRequest, type SortKey } from './keyset';

const cursorOf = (values: unknown) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

/*
 * 23 rows with many ties: g = 1..23, grp = g % 4 (text), day = one of three dates, n = g % 5 (numeric).
 * Every order ends with the unique g, as a list's order ends with its id.
 */
const ROWS = sql`(SELECT g, (g % 4)::text AS grp, DATE '2025-01-01' + (g % 3) AS day, (g % 5)::numeric / 2 AS n
                  FROM generate_series(1, 23) AS s(g)) AS t`;

/** Reads one page of t in the keys' order, as a list does. */
async function page(keys: SortKey[], size: number, request: PageRequest) {
  const db = await getDb();
  const cursor = readCursor(keys, request);
  const where = cursor ? sql`WHERE ${beyondCursor(keys, cursor)}` : sql``;
  const rows = await queryRows<{ g: number; cursor: string[] }>(
    db,
    sql`SELECT g, ${cursorValues(keys)} AS cursor FROM ${ROWS} ${where} ORDER BY ${pageOrder(keys, cursor)} LIMIT ${size + 1}`,
  );
  return keysetPage(rows, size, cursor, (r) => r.cursor);
}

/** Every row's g in the keys' full order, as one query gives it. */
async function fullOrder(keys: SortKey[]) {
  const rows = await queryRows<{ g: number }>(await getDb(), sql`SELECT g FROM ${ROWS} ORDER BY ${pageOrder(keys, undefined)}`);
  return rows.map((r) => Number(r.g));
}

const g: SortKey = { column: sql`g`, type: 'numeric' };
const ORDERS: [string, SortKey[]][] = [
  ['text then id', [{ column: sql`grp`, type: 'text' }, g]],
  ['date descending then id descending (one direction)', [{ column: sql`day`, type: 'date', desc: true }, { ...g, desc: true }]],
  ['numeric descending then date and id ascending (mixed)', [{ column: sql`n`, type: 'numeric', desc: true }, { column: sql`day`, type: 'date' }, g]],
];

describe('keyset paging', () => {
  it.each(ORDERS)('pages through ties forward and back, each row once, in the full order: %s', async (_, keys) => {
    const expected = await fullOrder(keys);
    const forward: number[][] = [];
    let request: PageRequest = {};
    for (;;) {
      const p = await page(keys, 5, request);
      forward.push(p.rows.map((r) => Number(r.g)));
      expect(p.previous === null).toBe(forward.length === 1);
      if (!p.next) break;
      request = { after: p.next };
    }
    expect(forward.flat()).toEqual(expected);
    expect(forward.map((rows) => rows.length)).toEqual([5, 5, 5, 5, 3]);

    // Back from the last page with Previous: the same pages in reverse, and the first has no Previous.
    const last = await page(keys, 5, request);
    const backward: number[][] = [];
    let back = last.previous;
    while (back) {
      const p = await page(keys, 5, { before: back });
      backward.unshift(p.rows.map((r) => Number(r.g)));
      expect(p.next).not.toBeNull();
      back = p.previous;
    }
    expect(backward).toEqual(forward.slice(0, -1));
  });

  it('reads a cursor only if it fits the keys: anything else is the first page', () => {
    const keys: SortKey[] = [
      { column: sql`day`, type: 'date' },
      { column: sql`status`, type: { enumType: 'application_status', values: ['submitted', 'approved'] } },
      { column: sql`at`, type: 'timestamp' },
      { column: sql`id`, type: 'uuid' },
    ];
    const good = ['2025-02-28', 'approved', '2025-02-28 13:05:09.123456+03', '0b9e6a8c-1f2d-4c3b-9a8e-7d6c5b4a3f21'];
    expect(readCursor(keys, { after: cursorOf(good) })).toEqual({ before: false, values: good });
    expect(readCursor(keys, { before: cursorOf(good) })).toEqual({ before: true, values: good });
    for (const bad of [
      ['2025-02-30', ...good.slice(1)],
      [good[0], 'draft', ...good.slice(2)],
      [good[0], good[1], '2025-02-28 25:00:00+00', good[3]],
      [...good.slice(0, 3), 'not-a-uuid'],
      good.slice(0, 3),
      [...good, 'extra'],
      [1, ...good.slice(1)],
      { 0: good[0] },
    ]) {
      expect(readCursor(keys, { after: cursorOf(bad) }), JSON.stringify(bad)).toBeUndefined();
    }
    expect(readCursor(keys, { after: 'not base64 !' })).toBeUndefined();
    expect(readCursor(keys, { after: Buffer.from('{"unclosed').toString('base64url') })).toBeUndefined();
    expect(readCursor([{ column: sql`t`, type: 'text' }], { after: cursorOf(['a\u0000b']) })).toBeUndefined();
    expect(readCursor([{ column: sql`n`, type: 'numeric' }], { after: cursorOf(['1e9999']) })).toBeUndefined();
    expect(readCursor(keys, {})).toBeUndefined();
  });
});
