import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { Dataset } from '@/lib/validation/dataset';
import { jsonParam, upsertRows, uuidList, type Item } from './batch';
import { refusalError, syncList, type Changed } from './import-sync';
import { INDICATOR_VALUES, INDICATORS, PROGRAMMES } from './import-tables';

/**
 * Programmes with their indicators (matched by key within the programme) and values (by year and
 * kind); indicators and values the file no longer lists for a programme it lists are removed.
 */
export async function syncProgrammes(tx: Tx, parkId: string, data: Dataset): Promise<Changed> {
  const programmes = await syncList(tx, parkId, 'programmes', PROGRAMMES, data.programmes, (p) => ({ ...p, parkId }));
  const changed = programmes.changed;
  if (data.programmes.length === 0) return changed;
  const programmeIds = data.programmes.map((p) => programmes.ids.get(p.key)!);
  const keyOfProgramme = new Map(data.programmes.map((p) => [programmes.ids.get(p.key)!, p.key]));
  const touch = (programmeId: string) => {
    const key = keyOfProgramme.get(programmeId);
    if (key !== undefined && !changed.has(key)) changed.set(key, 'updated');
  };

  const indicatorItems: Item[] = [];
  data.programmes.forEach((p, index) =>
    p.indicators.forEach((indicator, position) =>
      indicatorItems.push({
        index,
        values: INDICATORS.row({ ...indicator, programmeId: programmes.ids.get(p.key), position }),
      }),
    ),
  );
  const indicatorPairs = indicatorItems.map((item) => ({ programme_id: item.values.programme_id, key: item.values.key }));
  const removedIndicators = await queryRows<{ programmeId: string }>(
    tx,
    sql`DELETE FROM indicators i WHERE i.programme_id IN (${uuidList(programmeIds)})
          AND NOT EXISTS (SELECT 1 FROM json_to_recordset(${jsonParam(indicatorPairs)}) AS x(programme_id uuid, key text)
                          WHERE x.programme_id = i.programme_id AND x.key = i.key)
        RETURNING i.programme_id::text AS "programmeId"`,
  );
  removedIndicators.forEach((row) => touch(row.programmeId));
  try {
    (await upsertRows(tx, INDICATORS, indicatorItems)).forEach((o) => touch(o.label));
  } catch (error) {
    throw refusalError(error, 'programmes', '.indicators');
  }

  const indicatorRows = await queryRows<{ id: string; programmeId: string; key: string }>(
    tx,
    sql`SELECT id::text AS id, programme_id::text AS "programmeId", key FROM indicators WHERE programme_id IN (${uuidList(programmeIds)})`,
  );
  const indicatorId = new Map(indicatorRows.map((row) => [`${row.programmeId}\u0000${row.key}`, row.id]));
  const programmeOfIndicator = new Map(indicatorRows.map((row) => [row.id, row.programmeId]));
  const valueItems: Item[] = [];
  data.programmes.forEach((p, index) =>
    p.indicators.forEach((indicator) => {
      const id = indicatorId.get(`${programmes.ids.get(p.key)}\u0000${indicator.key}`);
      for (const value of indicator.values) {
        valueItems.push({ index, values: INDICATOR_VALUES.row({ ...value, indicatorId: id }) });
      }
    }),
  );
  const removedValues = await queryRows<{ indicatorId: string }>(
    tx,
    sql`DELETE FROM indicator_values v WHERE v.indicator_id IN (${uuidList(indicatorRows.map((row) => row.id))})
          AND NOT EXISTS (SELECT 1 FROM json_to_recordset(${jsonParam(valueItems.map((item) => item.values))})
                            AS x(indicator_id uuid, year integer, kind indicator_value_kind)
                          WHERE x.indicator_id = v.indicator_id AND x.year = v.year AND x.kind = v.kind)
        RETURNING v.indicator_id::text AS "indicatorId"`,
  );
  removedValues.forEach((row) => touch(programmeOfIndicator.get(row.indicatorId)!));
  try {
    (await upsertRows(tx, INDICATOR_VALUES, valueItems)).forEach((o) => touch(programmeOfIndicator.get(o.label)!));
  } catch (error) {
    throw refusalError(error, 'programmes', '.indicators');
  }
  return changed;
}
