import 'server-only';
import { sortNatural } from '@/lib/natural-order';
import crypto from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { buildings, premises } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { notFound, refusal } from '@/lib/errors';
import type { RowOf } from '@/lib/sql';
import { inTransaction, lockParkRow } from '@/lib/transaction';
import { parseInput } from '@/lib/validation/parse';
import { isUuid } from '@/lib/validation/uuid';
import {
  buildingSchema,
  createUnitSchema,
  retireUnitSchema,
  updateBuildingSchema,
  updateUnitSchema,
  type BuildingInput,
  type CreateUnitInput,
  type UpdateUnitInput,
} from '@/lib/validation/premises';

export type BuildingDto = { id: string; key: string; name: string; units: number };

/** Records made in the product get a generated key; imported ones keep the data set's. */
const newKey = (prefix: string) => `${prefix}-${crypto.randomBytes(5).toString('hex')}`;

const unitColumns = {
  id: premises.id,
  buildingId: premises.buildingId,
  buildingName: buildings.name,
  key: premises.key,
  name: premises.name,
  kind: premises.kind,
  areaM2: premises.areaM2,
  availableFrom: premises.availableFrom,
  availableTo: premises.availableTo,
};

export type UnitDto = RowOf<typeof unitColumns>;

export async function listBuildings(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<BuildingDto[]> {
  assertCan(actor, 'premises.manage', parkId);
  return db
    .select({ id: buildings.id, key: buildings.key, name: buildings.name, units: count(premises.id) })
    .from(buildings)
    .leftJoin(premises, eq(premises.buildingId, buildings.id))
    .where(eq(buildings.parkId, parkId))
    .groupBy(buildings.id)
    .then((rows) => sortNatural(rows, (b) => b.name));
}

export async function createBuilding(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: BuildingInput }) {
  assertCan(actor, 'premises.manage', parkId);
  const data = parseInput(buildingSchema, input);
  return inTransaction(db, async (tx) => {
    const [building] = await tx.insert(buildings).values({ parkId, key: newKey('b'), name: data.name }).returning({ id: buildings.id, key: buildings.key, name: buildings.name });
    await writeAudit(tx, { actor, parkId, action: 'building.create', entity: 'building', entityId: building.id, after: building });
    return building;
  });
}

export async function renameBuilding(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: unknown }) {
  assertCan(actor, 'premises.manage', parkId);
  const data = parseInput(updateBuildingSchema, input);
  return db.transaction(async (tx) => {
    const before = await lockParkRow(tx, buildings, { id: buildings.id, name: buildings.name }, { id: data.buildingId, parkId }, 'building');
    const [after] = await tx.update(buildings).set({ name: data.name }).where(eq(buildings.id, before.id)).returning({ id: buildings.id, name: buildings.name });
    await writeAudit(tx, { actor, parkId, action: 'building.update', entity: 'building', entityId: before.id, before, after });
    return after;
  });
}

/** Deletes a building that has no premises; one with premises keeps them as history (retire the units instead). */
export async function deleteBuilding(db: Db, { actor, parkId, buildingId }: { actor: Actor; parkId: string; buildingId: string }) {
  assertCan(actor, 'premises.manage', parkId);
  if (!isUuid(buildingId)) throw notFound('building');
  return db.transaction(async (tx) => {
    const before = await lockParkRow(tx, buildings, { id: buildings.id, key: buildings.key, name: buildings.name }, { id: buildingId, parkId }, 'building');
    const [{ n }] = await tx.select({ n: count() }).from(premises).where(eq(premises.buildingId, before.id));
    if (Number(n) > 0) throw refusal('CONFLICT', 'buildingHasUnits', `building ${before.name} has premises; retire them instead`);
    await tx.delete(buildings).where(eq(buildings.id, before.id));
    await writeAudit(tx, { actor, parkId, action: 'building.delete', entity: 'building', entityId: before.id, before });
  });
}

export async function listUnits(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<UnitDto[]> {
  assertCan(actor, 'premises.manage', parkId);
  const rows = await db.select(unitColumns).from(premises).innerJoin(buildings, eq(buildings.id, premises.buildingId)).where(eq(premises.parkId, parkId));
  return sortNatural(rows, (u) => u.buildingName, (u) => u.name);
}

export async function getUnit(db: DbOrTx, { actor, parkId, unitId }: { actor: Actor; parkId: string; unitId: string }): Promise<UnitDto> {
  assertCan(actor, 'premises.manage', parkId);
  if (!isUuid(unitId)) throw notFound('premises');
  const [unit] = await db
    .select(unitColumns)
    .from(premises)
    .innerJoin(buildings, eq(buildings.id, premises.buildingId))
    .where(and(eq(premises.id, unitId), eq(premises.parkId, parkId)));
  if (!unit) throw notFound('premises');
  return unit;
}

export async function createUnit(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: CreateUnitInput }) {
  assertCan(actor, 'premises.manage', parkId);
  const data = parseInput(createUnitSchema, input);
  return inTransaction(db, async (tx) => {
    const [building] = await tx
      .select({ id: buildings.id })
      .from(buildings)
      .where(and(eq(buildings.id, data.buildingId), eq(buildings.parkId, parkId)));
    if (!building) throw notFound('building');
    const [unit] = await tx
      .insert(premises)
      .values({
        parkId,
        buildingId: building.id,
        key: newKey('u'),
        name: data.name,
        kind: data.kind,
        areaM2: data.areaM2,
        availableFrom: data.availableFrom,
        availableTo: data.availableTo,
      })
      .returning({ id: premises.id, key: premises.key, name: premises.name, kind: premises.kind, areaM2: premises.areaM2, availableFrom: premises.availableFrom, availableTo: premises.availableTo });
    await writeAudit(tx, { actor, parkId, action: 'premises.create', entity: 'premises', entityId: unit.id, after: { ...unit, buildingId: building.id } });
    return unit;
  });
}

const editableColumns = {
  id: premises.id,
  buildingId: premises.buildingId,
  name: premises.name,
  kind: premises.kind,
  areaM2: premises.areaM2,
  availableFrom: premises.availableFrom,
  availableTo: premises.availableTo,
};

/**
 * Edits a unit in place (the audit row keeps what it was). Narrowing its availability so that a lease
 * would fall outside it is refused by the database (premises_lease_check), with a clear message.
 */
export async function updateUnit(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: UpdateUnitInput }) {
  assertCan(actor, 'premises.manage', parkId);
  const data = parseInput(updateUnitSchema, input);
  return inTransaction(db, async (tx) => {
    const before = await lockParkRow(tx, premises, editableColumns, { id: data.unitId, parkId }, 'premises');
    const [after] = await tx
      .update(premises)
      .set({ name: data.name, kind: data.kind, areaM2: data.areaM2, availableFrom: data.availableFrom, availableTo: data.availableTo })
      .where(eq(premises.id, before.id))
      .returning(editableColumns);
    await writeAudit(tx, { actor, parkId, action: 'premises.update', entity: 'premises', entityId: before.id, before, after });
    return after;
  });
}

/**
 * Retires a unit: its last available day. Leases running past that day must end first; the database
 * refuses otherwise. The unit and its leases stay for the history of occupancy.
 */
export async function retireUnit(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: unknown }) {
  assertCan(actor, 'premises.manage', parkId);
  const data = parseInput(retireUnitSchema, input);
  return inTransaction(db, async (tx) => {
    const before = await lockParkRow(tx, premises, editableColumns, { id: data.unitId, parkId }, 'premises');
    if (before.availableFrom !== null && data.availableTo < before.availableFrom)
      throw refusal('VALIDATION', 'retireBeforeAvailable', `availableTo: ${data.availableTo} is before the unit became available (${before.availableFrom})`, 'availableTo');
    const [after] = await tx.update(premises).set({ availableTo: data.availableTo }).where(eq(premises.id, before.id)).returning(editableColumns);
    await writeAudit(tx, { actor, parkId, action: 'premises.retire', entity: 'premises', entityId: before.id, before, after });
    return after;
  });
}
