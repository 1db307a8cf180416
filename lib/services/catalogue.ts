import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { services } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertActingUser, assertCan } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { notFound, refusal } from '@/lib/errors';
import { parkToday } from '@/lib/parks/clock';
import type { RowOf } from '@/lib/sql';
import { inTransaction, lockParkRow } from '@/lib/transaction';
import { parseInput } from '@/lib/validation/parse';
import { createServiceSchema, serviceIdSchema, updateServiceSchema, type CreateServiceInput, type UpdateServiceInput } from '@/lib/validation/services';

const serviceColumns = {
  id: services.id,
  key: services.key,
  name: services.name,
  kind: services.kind,
  unit: services.unit,
  marketPriceRub: services.marketPriceRub,
  residentPriceRub: services.residentPriceRub,
  active: services.active,
};

/** A catalogue service with its prices per unit today. */
export type ServiceDto = RowOf<typeof serviceColumns>;

/** The park's catalogue for its managers: every service, the active ones first. */
export async function listServices(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<ServiceDto[]> {
  assertCan(actor, 'service.manage', parkId);
  return db
    .select(serviceColumns)
    .from(services)
    .where(eq(services.parkId, parkId))
    .orderBy(desc(services.active), asc(services.kind), asc(services.name), asc(services.id));
}

/**
 * The park's active services, for a representative of a company resident in the park on `today` (the
 * park's today unless told): what they may request. Anyone else is told the park does not exist.
 */
export async function listOfferedServices(db: DbOrTx, { actor, parkId, today }: { actor: Actor; parkId: string; today?: string }): Promise<ServiceDto[]> {
  assertActingUser(actor, 'service.readOwn', 'park');
  const day = today ?? (await parkToday(db, parkId));
  const [resident] = await queryRows<{ one: number }>(
    db,
    sql`SELECT 1 AS one FROM residencies r JOIN company_members m ON m.company_id = r.company_id
        WHERE r.park_id = ${parkId} AND m.user_id = ${actor.userId}
          AND r.start_on <= ${day}::date AND (r.end_on IS NULL OR r.end_on >= ${day}::date)
        LIMIT 1`,
  );
  if (!resident) throw notFound('park');
  return db
    .select(serviceColumns)
    .from(services)
    .where(and(eq(services.parkId, parkId), eq(services.active, true)))
    .orderBy(asc(services.kind), asc(services.name), asc(services.id));
}

/** A park where the person may request services: their companies resident there today and its active services. */
export type RequestableServicesDto = { parkId: string; parkSlug: string; parkName: string; companies: { id: string; name: string }[]; services: ServiceDto[] };

/**
 * What a representative may request, park by park: the parks where a company they represent holds a
 * residency on the park's today, with those companies and the park's active services. Other parks are
 * not listed; anyone but an applicant is refused.
 */
export async function listRequestableServices(db: DbOrTx, { actor }: { actor: Actor }): Promise<RequestableServicesDto[]> {
  assertActingUser(actor, 'service.readOwn');
  const rows = await queryRows<{ parkId: string; parkSlug: string; parkName: string; companyId: string; companyName: string }>(
    db,
    sql`SELECT DISTINCT p.id AS "parkId", p.slug AS "parkSlug", p.name AS "parkName", c.id AS "companyId", c.name AS "companyName"
        FROM residencies r
        JOIN parks p ON p.id = r.park_id
        JOIN companies c ON c.id = r.company_id
        JOIN company_members m ON m.company_id = r.company_id AND m.user_id = ${actor.userId}
        WHERE r.start_on <= (now() AT TIME ZONE p.time_zone)::date AND (r.end_on IS NULL OR r.end_on >= (now() AT TIME ZONE p.time_zone)::date)
        ORDER BY p.name, c.name`,
  );
  if (!rows.length) return [];
  const parkIds = [...new Set(rows.map((r) => r.parkId))];
  const offered = await db
    .select({ ...serviceColumns, parkId: services.parkId })
    .from(services)
    .where(and(inArray(services.parkId, parkIds), eq(services.active, true)))
    .orderBy(asc(services.kind), asc(services.name), asc(services.id));
  return parkIds.map((parkId) => {
    const mine = rows.filter((r) => r.parkId === parkId);
    return {
      parkId,
      parkSlug: mine[0].parkSlug,
      parkName: mine[0].parkName,
      companies: mine.map((r) => ({ id: r.companyId, name: r.companyName })),
      services: offered.filter((s) => s.parkId === parkId).map(({ parkId: _, ...s }) => s),
    };
  });
}

/** Adds a service to the park's catalogue. */
export async function createService(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: CreateServiceInput }): Promise<ServiceDto> {
  assertCan(actor, 'service.manage', parkId);
  const data = parseInput(createServiceSchema, input);
  return inTransaction(db, async (tx) => {
    const [service] = await tx
      .insert(services)
      .values({ parkId, ...data })
      .returning(serviceColumns);
    await writeAudit(tx, { actor, parkId, action: 'service.create', entity: 'service', entityId: service.id, after: service });
    return service;
  });
}

/**
 * Renames or reprices a service. Requests already made keep the prices they were made at (they carry
 * their own copy), so a price change counts only for requests made afterwards.
 */
export async function updateService(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: UpdateServiceInput }): Promise<ServiceDto> {
  assertCan(actor, 'service.manage', parkId);
  const { serviceId, ...data } = parseInput(updateServiceSchema, input);
  return inTransaction(db, async (tx) => {
    const before = await lockParkRow(tx, services, serviceColumns, { id: serviceId, parkId }, 'service');
    const [after] = await tx
      .update(services)
      .set({ ...data, updatedAt: new Date() })
      .where(eq(services.id, before.id))
      .returning(serviceColumns);
    await writeAudit(tx, { actor, parkId, action: 'service.update', entity: 'service', entityId: before.id, before, after });
    return after;
  });
}

/** Takes a service off the catalogue: no new requests; its requests, open ones included, stay as they are. */
export async function deactivateService(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: unknown }): Promise<ServiceDto> {
  assertCan(actor, 'service.manage', parkId);
  const { serviceId } = parseInput(serviceIdSchema, input);
  return inTransaction(db, async (tx) => {
    const before = await lockParkRow(tx, services, serviceColumns, { id: serviceId, parkId }, 'service');
    if (!before.active) throw refusal('INVALID_TRANSITION', 'serviceAlreadyInactive', `service ${before.id} is already off the catalogue`);
    const [after] = await tx
      .update(services)
      .set({ active: false, updatedAt: new Date() })
      .where(and(eq(services.id, before.id), eq(services.active, true)))
      .returning(serviceColumns);
    await writeAudit(tx, { actor, parkId, action: 'service.deactivate', entity: 'service', entityId: before.id, before: { active: true }, after: { active: false } });
    return after;
  });
}
