import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { parks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, parksWhere, type Permission } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { AppError, notFound } from '@/lib/errors';
import type { RowOf } from '@/lib/sql';
import { inTransaction } from '@/lib/transaction';
import { parseInput } from '@/lib/validation/parse';
import {
  createParkSchema,
  parkServiceTargetSchema,
  parkTimeZoneSchema,
  type CreateParkInput,
  type ParkServiceTargetInput,
  type ParkTimeZoneInput,
} from '@/lib/validation/parks';

const parkColumns = {
  id: parks.id,
  slug: parks.slug,
  name: parks.name,
  region: parks.region,
  type: parks.type,
  timeZone: parks.timeZone,
  /** Days a service request may stay open before the desk calls it overdue. */
  serviceTargetDays: parks.serviceTargetDays,
};

export type ParkDto = RowOf<typeof parkColumns>;

/** The parks in which the actor may do `action` (by default: see the park at all). */
export async function listParks(db: DbOrTx, { actor, action = 'park.read' }: { actor: Actor; action?: Permission }): Promise<ParkDto[]> {
  const scope = parksWhere(actor, action);
  if (scope !== 'all' && scope.length === 0) return [];
  const query = db.select(parkColumns).from(parks);
  return scope === 'all' ? query.orderBy(asc(parks.name)) : query.where(inArray(parks.id, scope)).orderBy(asc(parks.name));
}

/** A park by slug, if the actor may do `action` in it; otherwise "not found", exactly as if it did not exist. */
export async function getParkBySlug(db: DbOrTx, { actor, slug, action = 'park.read' }: { actor: Actor; slug: string; action?: Permission }): Promise<ParkDto> {
  const [park] = await db.select(parkColumns).from(parks).where(eq(parks.slug, slug));
  if (!park) throw notFound('park');
  return authorizePark(actor, park, action);
}

/**
 * The park a caller already read (getParkBySlug, for this request), if the actor may do `action` in it;
 * otherwise "not found", as getParkBySlug answers. Reads nothing: for a second step on the same park.
 */
export function authorizePark<P extends { id: string }>(actor: Actor, park: P, action: Permission): P {
  try {
    assertCan(actor, action, park.id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN' && actor.type === 'user' && actor.kind !== 'admin') throw notFound('park');
    throw error;
  }
  return park;
}

export async function createPark(db: Db, { actor, input }: { actor: Actor; input: CreateParkInput }): Promise<ParkDto> {
  assertCan(actor, 'park.create');
  const data = parseInput(createParkSchema, input);
  return inTransaction(
    db,
    async (tx) => {
      const [park] = await tx
        .insert(parks)
        .values({ ...data, landAreaHa: data.landAreaHa ?? null, foundedOn: data.foundedOn ?? null })
        .returning(parkColumns);
      await writeAudit(tx, { actor, parkId: park.id, action: 'park.create', entity: 'park', entityId: park.id, after: park });
      return park;
    },
    { onConflict: () => new AppError('CONFLICT', `a park with slug ${data.slug} already exists`, { fieldErrors: { slug: ['a park with this slug already exists'] } }) },
  );
}

/**
 * Moves a park to another time zone (admins): from then on its "today", deadlines, meeting times and
 * messages read that zone. Moments already stored stay the same instants; a meeting's day and start
 * time stay as typed, now read on the new clock.
 */
export async function setParkTimeZone(db: Db, { actor, input }: { actor: Actor; input: ParkTimeZoneInput }): Promise<ParkDto> {
  // Where a park is, like its creation, is the installation's admins' to say, not the park's managers'.
  assertCan(actor, 'park.create');
  const data = parseInput(parkTimeZoneSchema, input);
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select({ timeZone: parks.timeZone }).from(parks).where(eq(parks.id, data.parkId)).for('update');
    if (!before) throw notFound('park');
    const [park] = await tx.update(parks).set({ timeZone: data.timeZone }).where(eq(parks.id, data.parkId)).returning(parkColumns);
    await writeAudit(tx, { actor, parkId: park.id, action: 'park.timeZone', entity: 'park', entityId: park.id, before, after: { timeZone: park.timeZone } });
    return park;
  });
}

/**
 * Sets the park's target time for service requests (its managers, or an admin): a request still open
 * (requested or in progress) more than that many days after it was made is overdue on the desk.
 */
export async function setParkServiceTargetDays(db: Db, { actor, input }: { actor: Actor; input: ParkServiceTargetInput }): Promise<ParkDto> {
  const data = parseInput(parkServiceTargetSchema, input);
  assertCan(actor, 'park.update', data.parkId);
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select({ serviceTargetDays: parks.serviceTargetDays }).from(parks).where(eq(parks.id, data.parkId)).for('update');
    if (!before) throw notFound('park');
    const [park] = await tx.update(parks).set({ serviceTargetDays: data.serviceTargetDays }).where(eq(parks.id, data.parkId)).returning(parkColumns);
    await writeAudit(tx, {
      actor,
      parkId: park.id,
      action: 'park.serviceTargetDays',
      entity: 'park',
      entityId: park.id,
      before,
      after: { serviceTargetDays: park.serviceTargetDays },
    });
    return park;
  });
}
