import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import * as tables from './import-tables';

const specs = Object.entries(tables).filter(
  (entry): entry is [string, tables.ImportTable<string>] => typeof entry[1] === 'object' && entry[1] !== null && 'row' in entry[1],
);

describe('import table specs, read from the drizzle schema', () => {
  it('name the SQL columns and their plain types (numeric without its precision, enums by their type name)', () => {
    expect(tables.PREMISES.columns).toContainEqual(['area_m2', 'numeric']);
    expect(tables.INDICATOR_VALUES.columns).toContainEqual(['value', 'numeric']);
    expect(tables.PREMISES.columns).toContainEqual(['kind', 'premises_kind']);
    expect(tables.COMPANIES.columns).toContainEqual(['sme_category', 'sme_category']);
    expect(tables.TAX_INCENTIVES.insertOnly).toEqual(['residency_id']);
    expect(tables.KPI_REPORTS.touch).toBe('updated_at');
    expect(tables.COUNCIL.conflict).toEqual(['park_id', 'application_id']);
  });

  it('pick the spec’s columns from a record’s values, keyed by drizzle names, into a row keyed by SQL names', () => {
    const record = { outcome: 'accepted', decidedOn: '2024-03-01', comment: 'not in the data set' };
    expect(tables.SCREENING.row({ ...record, applicationId: 'a' })).toEqual({
      application_id: 'a',
      outcome: 'accepted',
      decided_on: '2024-03-01',
    });
  });

  it('match the migrated database: every column exists with the type json_to_recordset reads it as', async () => {
    expect(specs.length).toBe(16);
    const db = await getDb();
    for (const [, spec] of specs) {
      const rows = await queryRows<{ name: string; type: string }>(
        db,
        sql`SELECT a.attname AS name, coalesce(t.typname, '') AS type
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = ${spec.table}::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
      );
      const actual = new Map(rows.map((row) => [row.name, row.type]));
      for (const [name, type] of spec.columns) {
        const expected = { integer: 'int4', boolean: 'bool' }[type] ?? type;
        expect(`${spec.table}.${name} ${actual.get(name)}`).toBe(`${spec.table}.${name} ${expected}`);
      }
    }
  });
});
