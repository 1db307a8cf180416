import 'server-only';
import { and, asc, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { indicators, indicatorValues, programmes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { getParkBySlug } from '@/lib/parks/parks';
import { parseInput } from '@/lib/validation/parse';
import { programmeQuerySchema } from '@/lib/validation/reports';
import { buildIndicatorReport, type IndicatorInput } from './indicator-status';
import type { IndicatorReport, IndicatorValue } from './types';

export type ProgrammeListItem = { key: string; name: string; indicatorCount: number };

/** The park's indicator programmes, by name. Needs `report.read` in the park. */
export async function listProgrammes(db: DbOrTx, { actor, parkSlug }: { actor: Actor; parkSlug: string }): Promise<ProgrammeListItem[]> {
  const park = await getParkBySlug(db, { actor, slug: String(parkSlug ?? ''), action: 'report.read' });
  return db
    .select({ key: programmes.key, name: programmes.name, indicatorCount: count(indicators.id) })
    .from(programmes)
    .leftJoin(indicators, eq(indicators.programmeId, programmes.id))
    .where(eq(programmes.parkId, park.id))
    .groupBy(programmes.id, programmes.key, programmes.name)
    .orderBy(asc(programmes.name), asc(programmes.key));
}

/**
 * `technopark-indicators/1` for one programme of the park: each indicator's series, latest actual,
 * target and status by the rule of docs/reports.md, "Indicator status" (lib/reports/indicator-status.ts).
 * A programme of another park, like a missing one, is "not found".
 */
export async function getIndicatorReport(
  db: DbOrTx,
  { actor, ...input }: { actor: Actor; parkSlug: string; programmeKey: string },
): Promise<IndicatorReport> {
  const { parkSlug, programmeKey } = parseInput(programmeQuerySchema, input);
  const park = await getParkBySlug(db, { actor, slug: parkSlug, action: 'report.read' });
  const [programme] = await db
    .select({ id: programmes.id, key: programmes.key, name: programmes.name })
    .from(programmes)
    .where(and(eq(programmes.parkId, park.id), eq(programmes.key, programmeKey)));
  if (!programme) throw notFound('programme');

  const rows = await db
    .select({
      id: indicators.id,
      key: indicators.key,
      name: indicators.name,
      unit: indicators.unit,
      direction: indicators.direction,
      year: indicatorValues.year,
      kind: indicatorValues.kind,
      value: indicatorValues.value,
    })
    .from(indicators)
    .leftJoin(indicatorValues, eq(indicatorValues.indicatorId, indicators.id))
    .where(eq(indicators.programmeId, programme.id))
    .orderBy(asc(indicators.position), asc(indicators.key), asc(indicatorValues.year), asc(indicatorValues.kind));

  const byId = new Map<string, IndicatorInput & { values: IndicatorValue[] }>();
  for (const row of rows) {
    let indicator = byId.get(row.id);
    if (!indicator) {
      indicator = { key: row.key, name: row.name, unit: row.unit, direction: row.direction, values: [] };
      byId.set(row.id, indicator);
    }
    // numeric(20,6) arrives as exact text; the status rule works on numbers.
    if (row.year !== null && row.kind !== null && row.value !== null) indicator.values.push({ year: row.year, kind: row.kind, value: Number(row.value) });
  }
  return buildIndicatorReport({ key: programme.key, name: programme.name }, [...byId.values()]);
}
