import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import { sql } from 'drizzle-orm';
import { containsPattern, whereAll } from './sql';

describe('containsPattern', () => {
  it('finds the text anywhere, taking the wildcards and the escape in it literally', async () => {
    const db = await getDb();
    const matches = async (text: string, q: string) => {
      const [row] = await queryRows<{ hit: boolean }>(db, sql`SELECT ${text} ILIKE ${containsPattern(q)} AS hit`);
      return row.hit;
    };
    expect(await matches('ООО «Альфа»', 'альф')).toBe(true);
    expect(await matches('100% owned', '100%')).toBe(true);
    expect(await matches('1000 owned', '100%')).toBe(false);
    expect(await matches('a_b', 'a_b')).toBe(true);
    expect(await matches('axb', 'a_b')).toBe(false);
    expect(await matches('C:\\dir', 'c:\\d')).toBe(true);
  });
});

describe('whereAll', () => {
  it('joins the conditions with AND, and adds nothing without any', async () => {
    const db = await getDb();
    const count = async (conditions: ReturnType<typeof sql>[]) => {
      const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM generate_series(1, 10) AS g(v) ${whereAll(conditions)}`);
      return Number(row.n);
    };
    expect(await count([])).toBe(10);
    expect(await count([sql`v > 3`])).toBe(7);
    expect(await count([sql`v > 3`, sql`v % 2 = 0`])).toBe(4);
  });
});
