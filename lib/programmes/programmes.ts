import 'server-only';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { indicators, indicatorValues, programmes } from '@/db/schema';
import type { IndicatorDirection } from '@/db/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { AppError, notFound } from '@/lib/errors';
import { computeIndicatorStatus } from '@/lib/reports/indicator-status';
import type { IndicatorStatusFields } from '@/lib/reports/types';
import { inTransaction } from '@/lib/transaction';
import { parseInput } from '@/lib/validation/parse';
import {
  addIndicatorSchema,
  createProgrammeSchema,
  saveIndicatorValuesSchema,
  type AddIndicatorInput,
  type CreateProgrammeInput,
  type SaveIndicatorValuesInput,
} from '@/lib/validation/kpi';

export type ProgrammeSummary = { id: string; key: string; name: string; indicatorCount: number };

/** The park's indicator programmes, by name. */
export async function listParkProgrammes(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<ProgrammeSummary[]> {
  assertCan(actor, 'report.read', parkId);
  return db
    .select({ id: programmes.id, key: programmes.key, name: programmes.name, indicatorCount: count(indicators.id) })
    .from(programmes)
    .leftJoin(indicators, eq(indicators.programmeId, programmes.id))
    .where(eq(programmes.parkId, parkId))
    .groupBy(programmes.id)
    .orderBy(asc(programmes.name), asc(programmes.key));
}

export async function createProgramme(db: Db, { actor, input }: { actor: Actor; input: CreateProgrammeInput }): Promise<{ id: string; key: string }> {
  const data = parseInput(createProgrammeSchema, input);
  assertCan(actor, 'programme.manage', data.parkId);
  return inTransaction(
    db,
    async (tx) => {
      const [row] = await tx.insert(programmes).values({ parkId: data.parkId, key: data.key, name: data.name }).returning({ id: programmes.id, key: programmes.key });
      await writeAudit(tx, { actor, parkId: data.parkId, action: 'programme.create', entity: 'programme', entityId: row.id, after: { key: data.key, name: data.name } });
      return row;
    },
    { onConflict: () => new AppError('CONFLICT', `key: a programme with key "${data.key}" already exists`, { fieldErrors: { key: ['keyTaken'] } }) },
  );
}

export type GridIndicator = {
  id: string;
  key: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  /** Values by `${year}:${kind}`, exact decimal text without trailing zeros. */
  values: Record<string, string>;
} & IndicatorStatusFields;

export type ProgrammeGrid = { id: string; key: string; name: string; years: number[]; indicators: GridIndicator[] };

/** "120.600000" → "120.6"; "-0.500000" → "-0.5". */
function plain(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

/**
 * A programme's data-entry grid: its indicators in order, their values by year (actual and
 * target), the years that hold a value, and each indicator's status (docs/reports.md, "Indicator status").
 */
export async function getProgrammeGrid(db: DbOrTx, { actor, parkId, key }: { actor: Actor; parkId: string; key: string }): Promise<ProgrammeGrid> {
  assertCan(actor, 'report.read', parkId);
  const [programme] = await db
    .select({ id: programmes.id, key: programmes.key, name: programmes.name })
    .from(programmes)
    .where(and(eq(programmes.parkId, parkId), eq(programmes.key, key)));
  if (!programme) throw notFound('programme');
  const list = await db
    .select({ id: indicators.id, key: indicators.key, name: indicators.name, unit: indicators.unit, direction: indicators.direction })
    .from(indicators)
    .where(eq(indicators.programmeId, programme.id))
    .orderBy(asc(indicators.position), asc(indicators.key));
  const values = list.length
    ? await db
        .select({ indicatorId: indicatorValues.indicatorId, year: indicatorValues.year, kind: indicatorValues.kind, value: indicatorValues.value })
        .from(indicatorValues)
        .where(
          inArray(
            indicatorValues.indicatorId,
            list.map((i) => i.id),
          ),
        )
        .orderBy(asc(indicatorValues.year))
    : [];
  const years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
  return {
    ...programme,
    years,
    indicators: list.map((i) => {
      const own = values.filter((v) => v.indicatorId === i.id);
      return {
        ...i,
        values: Object.fromEntries(own.map((v) => [`${v.year}:${v.kind}`, plain(v.value)])),
        ...computeIndicatorStatus({ direction: i.direction, values: own.map((v) => ({ year: v.year, kind: v.kind, value: Number(v.value) })) }),
      };
    }),
  };
}

async function programmeOfPark(db: DbOrTx, parkId: string, programmeId: string) {
  const [programme] = await db.select({ id: programmes.id, key: programmes.key }).from(programmes).where(and(eq(programmes.id, programmeId), eq(programmes.parkId, parkId)));
  if (!programme) throw notFound('programme');
  return programme;
}

export async function addIndicator(db: Db, { actor, input }: { actor: Actor; input: AddIndicatorInput }): Promise<{ id: string }> {
  const data = parseInput(addIndicatorSchema, input);
  assertCan(actor, 'programme.manage', data.parkId);
  return inTransaction(
    db,
    async (tx) => {
      await programmeOfPark(tx, data.parkId, data.programmeId);
      const [{ next }] = await tx
        .select({ next: sql<number>`coalesce(max(${indicators.position}) + 1, 0)::int` })
        .from(indicators)
        .where(eq(indicators.programmeId, data.programmeId));
      const [row] = await tx
        .insert(indicators)
        .values({ programmeId: data.programmeId, key: data.key, name: data.name, unit: data.unit, direction: data.direction, position: Number(next) })
        .returning({ id: indicators.id });
      await writeAudit(tx, {
        actor,
        parkId: data.parkId,
        action: 'indicator.create',
        entity: 'indicator',
        entityId: row.id,
        after: { programmeId: data.programmeId, key: data.key, name: data.name, unit: data.unit, direction: data.direction },
      });
      return row;
    },
    { onConflict: () => new AppError('CONFLICT', `key: an indicator with key "${data.key}" already exists in this programme`, { fieldErrors: { key: ['keyTaken'] } }) },
  );
}

export type SaveValuesResult = { set: number; removed: number; unchanged: number };

/**
 * Saves the grid in one transaction: a filled cell sets the value, an emptied cell removes a
 * stored one; cells equal to what is stored are left alone. Every indicator must be one of the
 * programme's. One audit row lists what changed.
 */
export async function saveIndicatorValues(db: Db, { actor, input }: { actor: Actor; input: SaveIndicatorValuesInput }): Promise<SaveValuesResult> {
  const data = parseInput(saveIndicatorValuesSchema, input);
  assertCan(actor, 'programme.manage', data.parkId);
  return inTransaction(db, async (tx) => {
    const programme = await programmeOfPark(tx, data.parkId, data.programmeId);
    const own = await tx.select({ id: indicators.id, key: indicators.key }).from(indicators).where(eq(indicators.programmeId, programme.id));
    const keyOf = new Map(own.map((i) => [i.id, i.key]));
    if (data.cells.some((c) => !keyOf.has(c.indicatorId))) throw notFound('indicator');
    const stored = own.length
      ? await tx
          .select({ id: indicatorValues.id, indicatorId: indicatorValues.indicatorId, year: indicatorValues.year, kind: indicatorValues.kind, value: indicatorValues.value })
          .from(indicatorValues)
          .where(
            inArray(
              indicatorValues.indicatorId,
              own.map((i) => i.id),
            ),
          )
          .for('update')
      : [];
    const storedAt = new Map(stored.map((s) => [`${s.indicatorId}:${s.year}:${s.kind}`, s]));
    const seen = new Set<string>();
    const changes: { indicator: string; year: number; kind: string; before: string | null; after: string | null }[] = [];
    const result: SaveValuesResult = { set: 0, removed: 0, unchanged: 0 };
    for (const cell of data.cells) {
      const at = `${cell.indicatorId}:${cell.year}:${cell.kind}`;
      if (seen.has(at)) throw new AppError('VALIDATION', `cells: ${keyOf.get(cell.indicatorId)} ${cell.year} ${cell.kind} is given twice`, { fieldErrors: { cells: ['duplicateCell'] } });
      seen.add(at);
      const current = storedAt.get(at);
      const before = current ? plain(current.value) : null;
      if (before === (cell.value === null ? null : plain(cell.value))) {
        if (cell.value !== null) result.unchanged++;
        continue;
      }
      if (cell.value === null) {
        if (current) {
          await tx.delete(indicatorValues).where(eq(indicatorValues.id, current.id));
          result.removed++;
        }
      } else {
        await tx
          .insert(indicatorValues)
          .values({ indicatorId: cell.indicatorId, year: cell.year, kind: cell.kind, value: cell.value })
          .onConflictDoUpdate({ target: [indicatorValues.indicatorId, indicatorValues.year, indicatorValues.kind], set: { value: cell.value } });
        result.set++;
      }
      changes.push({ indicator: keyOf.get(cell.indicatorId)!, year: cell.year, kind: cell.kind, before, after: cell.value });
    }
    if (changes.length) {
      await writeAudit(tx, { actor, parkId: data.parkId, action: 'indicator.values', entity: 'programme', entityId: programme.id, after: { changes } });
    }
    return result;
  });
}
