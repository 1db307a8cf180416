import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { serviceRequests } from '@/db/schema';
import type { ServiceRequestStatus } from '@/db/schema/values';
import { actorUserId, type Actor } from '@/lib/auth/actor';
import { actingUser, assertActingUser, assertCan, can, parksWhere } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { AppError, invalidTransition, notFound, refusal } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { managersOf, representativesOf } from '@/lib/notifications/recipients';
import { parkToday } from '@/lib/parks/clock';
import { inTransaction } from '@/lib/transaction';
import { parseInput } from '@/lib/validation/parse';
import {
  assignServiceRequestSchema,
  cancelServiceRequestSchema,
  createServiceRequestSchema,
  deliverServiceRequestSchema,
  refuseServiceRequestSchema,
  requestIdSchema,
  serviceRequestFilterSchema,
  type CreateServiceRequestInput,
  type ServiceRequestFilter,
} from '@/lib/validation/services';

/** The statuses a request is open in: the desk still owes the resident something. */
const OPEN: ServiceRequestStatus[] = ['requested', 'in_progress'];

/** A service request as the desk and the representative see it. */
export type ServiceRequestDto = {
  id: string;
  /** The data set's key; null for requests made in the product. */
  key: string | null;
  parkId: string;
  parkSlug: string;
  companyId: string;
  companyName: string;
  serviceId: string;
  serviceName: string;
  kind: string;
  unit: string;
  requestedOn: string;
  status: ServiceRequestStatus;
  doneOn: string | null;
  quantity: string;
  /** The resident's and the market's price per unit when the request was made. */
  unitPriceRub: string | null;
  unitMarketPriceRub: string | null;
  /** What the park gives: (market − resident price) × quantity, in roubles to the kopeck; null without prices. */
  supportRub: string | null;
  description: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  reason: string | null;
  /** Open longer than the park's target time (parks.service_target_days). */
  overdue: boolean;
  /** The booking this request is the service of (lib/services/bookings.ts); null for a request made on the desk. */
  bookingId: string | null;
  /** The booked resource, for a booking's request. */
  resourceId: string | null;
};

/**
 * The requests (`sr`) that `where` keeps, with their park, company, service and assignee. `today` is
 * the day "overdue" is judged on; without it, each park's own today.
 */
async function queryRequests(db: DbOrTx, where: SQL, today?: string, limit?: number): Promise<ServiceRequestDto[]> {
  const day = today ? sql`${today}::date` : sql`(now() AT TIME ZONE p.time_zone)::date`;
  const rows = await queryRows<ServiceRequestDto>(
    db,
    sql`
    SELECT sr.id, sr.key, sr.park_id AS "parkId", p.slug AS "parkSlug", sr.company_id AS "companyId", c.name AS "companyName",
           sr.service_id AS "serviceId", s.name AS "serviceName", s.kind::text AS kind, s.unit::text AS unit,
           sr.requested_on::text AS "requestedOn", sr.status::text AS status, sr.done_on::text AS "doneOn", sr.quantity::text AS quantity,
           sr.unit_price_rub::text AS "unitPriceRub", sr.unit_market_price_rub::text AS "unitMarketPriceRub",
           round((sr.unit_market_price_rub - sr.unit_price_rub) * sr.quantity, 2)::text AS "supportRub",
           sr.description, sr.assignee_id AS "assigneeId", a.name AS "assigneeName", sr.reason,
           (sr.status IN ('requested', 'in_progress') AND sr.requested_on + p.service_target_days < ${day}) AS overdue,
           bk.id AS "bookingId", bk.resource_id AS "resourceId"
    FROM service_requests sr
    JOIN parks p ON p.id = sr.park_id
    JOIN companies c ON c.id = sr.company_id
    JOIN services s ON s.id = sr.service_id
    LEFT JOIN users a ON a.id = sr.assignee_id
    LEFT JOIN bookings bk ON bk.service_request_id = sr.id
    WHERE ${where}
    ORDER BY sr.requested_on DESC, sr.created_at DESC, sr.id
    ${limit ? sql`LIMIT ${limit}` : sql``}`,
  );
  return rows.map((r) => ({ ...r, overdue: Boolean(r.overdue) }));
}

/** The companies the person represents, as a subquery. */
const ownCompanies = (userId: string) => sql`(SELECT cm.company_id FROM company_members cm WHERE cm.user_id = ${userId})`;

/**
 * Which requests the actor may read, as one condition on `sr`: those of the parks where they may read
 * the desk, and those of the companies they represent. Everything else looks missing.
 */
function visibleTo(actor: Actor): SQL {
  const parks = parksWhere(actor, 'serviceRequest.read');
  const staff = parks === 'all' ? sql`true` : parks.length ? sql`sr.park_id IN (${sql.join(parks.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
  const representative = actingUser(actor, 'serviceRequest.createOwn');
  const own = representative ? sql`sr.company_id IN ${ownCompanies(representative.userId)}` : sql`false`;
  return sql`(${staff} OR ${own})`;
}

/**
 * A representative asks for a catalogue service for their company. Only a resident may: the company
 * holds a residency in the park on the request's day (the park's today). The request takes the
 * catalogue's prices of that moment, so a later price change does not alter it. The park's managers
 * are told. `today` is for the CLI, the seed and tests; pages leave it to the park's clock.
 */
export async function createServiceRequest(
  db: Db,
  { actor, parkId, input, today }: { actor: Actor; parkId: string; input: CreateServiceRequestInput; today?: string },
): Promise<ServiceRequestDto> {
  assertCan(actor, 'serviceRequest.createOwn', parkId);
  assertActingUser(actor, 'serviceRequest.createOwn');
  const data = parseInput(createServiceRequestSchema, input);
  return inTransaction(db, async (tx) => {
    const [company] = await queryRows<{ id: string; name: string }>(
      tx,
      sql`SELECT c.id, c.name FROM companies c WHERE c.id = ${data.companyId} AND c.id IN ${ownCompanies(actor.userId)}`,
    );
    if (!company) throw notFound('company');
    // Shared lock: a price change waits for the request and the request takes the prices it saw.
    const [service] = await queryRows<{ id: string; name: string; active: boolean; residentPriceRub: string; marketPriceRub: string }>(
      tx,
      sql`SELECT id, name, active, resident_price_rub::text AS "residentPriceRub", market_price_rub::text AS "marketPriceRub"
          FROM services WHERE id = ${data.serviceId} AND park_id = ${parkId} FOR SHARE`,
    );
    if (!service) throw notFound('service');
    if (!service.active) throw refusal('CONFLICT', 'serviceInactive', `service "${service.name}" is no longer offered`, 'serviceId');
    const day = today ?? (await parkToday(tx, parkId));
    // Shared lock: an exit of the residency waits for the request, and the request sees an exit that came first.
    const [residency] = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM residencies
          WHERE park_id = ${parkId} AND company_id = ${company.id} AND start_on <= ${day}::date AND (end_on IS NULL OR end_on >= ${day}::date)
          FOR SHARE`,
    );
    if (!residency)
      throw new AppError('VALIDATION', `company "${company.name}" holds no residency in the park on ${day}: only residents may request services`, {
        key: 'serviceRequestNotResident',
        params: { company: company.name, day },
        fieldErrors: { companyId: ['serviceRequestNotResident'] },
      });
    const [row] = await tx
      .insert(serviceRequests)
      .values({
        parkId,
        companyId: company.id,
        serviceId: service.id,
        requestedOn: day,
        status: 'requested',
        quantity: data.quantity,
        unitPriceRub: service.residentPriceRub,
        unitMarketPriceRub: service.marketPriceRub,
        description: data.description,
        requestedBy: actor.userId,
      })
      .returning({ id: serviceRequests.id });
    const [request] = await queryRequests(tx, sql`sr.id = ${row.id}`, day);
    await writeAudit(tx, { actor, parkId, action: 'serviceRequest.create', entity: 'serviceRequest', entityId: row.id, after: auditView(request) });
    await notify(tx, {
      userIds: await managersOf(tx, parkId),
      parkId,
      kind: 'serviceRequestCreated',
      params: { company: company.name, service: service.name },
      href: `/p/${request.parkSlug}/services/requests/${row.id}`,
      note: data.description,
    });
    return request;
  });
}

/** The park's requests for its desk, newest first: all, those of one status, or the overdue ones. */
export async function listParkServiceRequests(
  db: DbOrTx,
  { actor, parkId, filter, today }: { actor: Actor; parkId: string; filter?: ServiceRequestFilter; today?: string },
): Promise<ServiceRequestDto[]> {
  assertCan(actor, 'serviceRequest.read', parkId);
  const f = parseInput(serviceRequestFilterSchema, filter);
  const conditions = [sql`sr.park_id = ${parkId}`];
  if (f.status) conditions.push(sql`sr.status = ${f.status}`);
  if (f.overdue) {
    const day = today ? sql`${today}::date` : sql`(now() AT TIME ZONE p.time_zone)::date`;
    conditions.push(sql`sr.status IN ('requested', 'in_progress') AND sr.requested_on + p.service_target_days < ${day}`);
  }
  return queryRequests(db, sql.join(conditions, sql` AND `), today);
}

/** The requests of the companies the person represents, in every park, newest first. */
export async function listMyServiceRequests(db: DbOrTx, { actor }: { actor: Actor }): Promise<ServiceRequestDto[]> {
  assertActingUser(actor, 'serviceRequest.createOwn');
  return queryRequests(db, sql`sr.company_id IN ${ownCompanies(actor.userId)}`);
}

/**
 * One request and the side the actor reads it from, by the rule every read here follows: the staff of
 * parks where they may read the desk, then the representatives of its company; anyone else finds it
 * missing. `lock` holds the request (FOR SHARE) until the transaction ends, for a step that depends on it.
 */
export async function accessServiceRequest(
  db: DbOrTx,
  { actor, requestId, lock = false }: { actor: Actor; requestId: string; lock?: boolean },
): Promise<{ request: ServiceRequestDto; audience: 'staff' | 'company' }> {
  const { requestId: id } = parseInput(requestIdSchema, { requestId });
  if (lock) await queryRows(db, sql`SELECT sr.id FROM service_requests sr WHERE sr.id = ${id} AND ${visibleTo(actor)} FOR SHARE OF sr`);
  const [request] = await queryRequests(db, sql`sr.id = ${id} AND ${visibleTo(actor)}`);
  if (!request) throw notFound('service request');
  return { request, audience: can(actor, 'serviceRequest.read', request.parkId) ? 'staff' : 'company' };
}

/** A step in a request's life, as the audit log keeps it: who made it when, and the reason given (a refusal, a cancellation). */
export type ServiceRequestEvent = { at: Date; action: string; actorName: string | null; reason: string | null };

export type ServiceRequestDetailDto = ServiceRequestDto & { history: ServiceRequestEvent[] };

/** One request with its history, for the park's staff or the company's representatives; anyone else finds it missing. */
export async function getServiceRequest(db: DbOrTx, { actor, requestId }: { actor: Actor; requestId: string }): Promise<ServiceRequestDetailDto> {
  const { requestId: id } = parseInput(requestIdSchema, { requestId });
  const [request] = await queryRequests(db, sql`sr.id = ${id} AND ${visibleTo(actor)}`);
  if (!request) throw notFound('service request');
  const history = await queryRows<{ at: Date | string; action: string; actorName: string | null; reason: string | null }>(
    db,
    sql`SELECT a.at, a.action, coalesce(u.name, a.actor_label) AS "actorName", a.after->>'reason' AS reason
        FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        WHERE a.entity = 'serviceRequest' AND a.entity_id = ${request.id}
        ORDER BY a.at, a.id`,
  );
  return { ...request, history: history.map((h) => ({ ...h, at: new Date(h.at) })) };
}

/** The park's staff a request may be given to (anyone holding a role in the park, not disabled), by name. */
export async function listServiceStaff(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<{ id: string; name: string }[]> {
  assertCan(actor, 'serviceRequest.handle', parkId);
  return queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT DISTINCT u.id, u.name FROM users u JOIN memberships m ON m.user_id = u.id
        WHERE m.park_id = ${parkId} AND u.disabled_at IS NULL
        ORDER BY u.name, u.id`,
  );
}

type Locked = {
  id: string;
  status: ServiceRequestStatus;
  companyId: string;
  serviceName: string;
  companyName: string;
  parkSlug: string;
  assigneeId: string | null;
  /** A booking's request moves with its booking: cancelled with it, done when it has taken place. */
  booked: boolean;
};

/** The request of the park (or of a company the person represents) the change is about, locked until the transaction ends. */
async function lockRequest(tx: Tx, requestId: string, scope: SQL): Promise<Locked> {
  const [row] = await queryRows<Locked>(
    tx,
    sql`SELECT sr.id, sr.status::text AS status, sr.company_id AS "companyId", s.name AS "serviceName", c.name AS "companyName",
               p.slug AS "parkSlug", sr.assignee_id AS "assigneeId",
               EXISTS (SELECT 1 FROM bookings b WHERE b.service_request_id = sr.id) AS booked
        FROM service_requests sr JOIN services s ON s.id = sr.service_id JOIN companies c ON c.id = sr.company_id JOIN parks p ON p.id = sr.park_id
        WHERE sr.id = ${requestId} AND ${scope}
        FOR UPDATE OF sr`,
  );
  if (!row) throw notFound('service request');
  return { ...row, booked: Boolean(row.booked) };
}

/** A booking's request is delivered by its taking place and cancelled with its booking, not on the desk. */
function assertNotBooking(before: Locked) {
  if (before.booked)
    throw refusal('INVALID_TRANSITION', 'serviceRequestIsBooking', `service request ${before.id} is a booking's: it is done when the booking has taken place, or cancelled with it`);
}

/**
 * Moves the request from one of `from` to its next state with the one conditional UPDATE that decides
 * between two people acting at once; the loser is told the status they found.
 */
async function moveRequest(
  tx: Tx,
  before: Locked,
  from: ServiceRequestStatus[],
  set: PgUpdateSetSource<typeof serviceRequests>,
): Promise<ServiceRequestDto> {
  if (!from.includes(before.status)) throw invalidTransition('service request', before.status);
  const [moved] = await tx
    .update(serviceRequests)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(serviceRequests.id, before.id), inArray(serviceRequests.status, from)))
    .returning({ id: serviceRequests.id });
  if (!moved) throw invalidTransition('service request', before.status);
  const [after] = await queryRequests(tx, sql`sr.id = ${before.id}`);
  return after;
}

/** What the audit log keeps of a request. */
function auditView(r: ServiceRequestDto) {
  return {
    status: r.status,
    companyId: r.companyId,
    serviceId: r.serviceId,
    requestedOn: r.requestedOn,
    doneOn: r.doneOn,
    quantity: r.quantity,
    unitPriceRub: r.unitPriceRub,
    unitMarketPriceRub: r.unitMarketPriceRub,
    assigneeId: r.assigneeId,
    reason: r.reason,
  };
}

const staffHref = (r: { parkSlug: string; id: string }) => `/p/${r.parkSlug}/services/requests/${r.id}`;
const ownHref = (r: { id: string }) => `/my/services/${r.id}`;

/** Gives an open request to a staff member of the park (any park role), who is told. */
export async function assignServiceRequest(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: unknown }): Promise<ServiceRequestDto> {
  assertCan(actor, 'serviceRequest.handle', parkId);
  const data = parseInput(assignServiceRequestSchema, input);
  return inTransaction(db, async (tx) => {
    const before = await lockRequest(tx, data.requestId, sql`sr.park_id = ${parkId}`);
    const [staff] = await queryRows<{ id: string }>(
      tx,
      sql`SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id
          WHERE u.id = ${data.assigneeId} AND m.park_id = ${parkId} AND u.disabled_at IS NULL LIMIT 1`,
    );
    if (!staff) throw refusal('VALIDATION', 'assigneeNotStaff', 'assigneeId: not a staff member of the park', 'assigneeId');
    const after = await moveRequest(tx, before, OPEN, { assigneeId: staff.id });
    await writeAudit(tx, { actor, parkId, action: 'serviceRequest.assign', entity: 'serviceRequest', entityId: before.id, before: { assigneeId: before.assigneeId }, after: { assigneeId: staff.id } });
    await notify(tx, {
      userIds: staff.id === actorUserId(actor) ? [] : [staff.id],
      parkId,
      kind: 'serviceRequestAssigned',
      params: { company: before.companyName, service: before.serviceName },
      href: staffHref(before),
    });
    return after;
  });
}

/** The desk starts work on a request; its representatives are told. */
export async function startServiceRequest(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: unknown }): Promise<ServiceRequestDto> {
  assertCan(actor, 'serviceRequest.handle', parkId);
  const data = parseInput(requestIdSchema, input);
  return inTransaction(db, async (tx) => {
    const before = await lockRequest(tx, data.requestId, sql`sr.park_id = ${parkId}`);
    const after = await moveRequest(tx, before, ['requested'], { status: 'in_progress' });
    await writeAudit(tx, { actor, parkId, action: 'serviceRequest.start', entity: 'serviceRequest', entityId: before.id, before: { status: before.status }, after: { status: after.status } });
    await notify(tx, { userIds: await representativesOf(tx, before.companyId), parkId, kind: 'serviceRequestStarted', params: { service: before.serviceName }, href: ownHref(before) });
    return after;
  });
}

/**
 * The desk records a request as delivered: the quantity delivered and the day (the park's today). The
 * unit prices stay those the request was made at; an imported request that carried none takes the
 * catalogue's now. Its representatives are told.
 */
export async function deliverServiceRequest(
  db: Db,
  { actor, parkId, input, today }: { actor: Actor; parkId: string; input: unknown; today?: string },
): Promise<ServiceRequestDto> {
  assertCan(actor, 'serviceRequest.handle', parkId);
  const data = parseInput(deliverServiceRequestSchema, input);
  return inTransaction(db, async (tx) => {
    const before = await lockRequest(tx, data.requestId, sql`sr.park_id = ${parkId}`);
    assertNotBooking(before);
    const day = today ?? (await parkToday(tx, parkId));
    const after = await moveRequest(tx, before, OPEN, {
      status: 'done',
      doneOn: day,
      quantity: data.quantity,
      unitPriceRub: sql`coalesce(${serviceRequests.unitPriceRub}, (SELECT s.resident_price_rub FROM services s WHERE s.id = ${serviceRequests.serviceId}))`,
      unitMarketPriceRub: sql`coalesce(${serviceRequests.unitMarketPriceRub}, (SELECT s.market_price_rub FROM services s WHERE s.id = ${serviceRequests.serviceId}))`,
    });
    await writeAudit(tx, { actor, parkId, action: 'serviceRequest.deliver', entity: 'serviceRequest', entityId: before.id, before: { status: before.status }, after: auditView(after) });
    await notify(tx, {
      userIds: await representativesOf(tx, before.companyId),
      parkId,
      kind: 'serviceRequestDelivered',
      params: { service: before.serviceName, quantity: after.quantity, doneOn: day },
      href: ownHref(before),
    });
    return after;
  });
}

/** The desk refuses an open request, with the reason its representatives are told. */
export async function refuseServiceRequest(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: unknown }): Promise<ServiceRequestDto> {
  assertCan(actor, 'serviceRequest.handle', parkId);
  const data = parseInput(refuseServiceRequestSchema, input);
  return inTransaction(db, async (tx) => {
    const before = await lockRequest(tx, data.requestId, sql`sr.park_id = ${parkId}`);
    assertNotBooking(before);
    const after = await moveRequest(tx, before, OPEN, { status: 'refused', reason: data.reason });
    await writeAudit(tx, { actor, parkId, action: 'serviceRequest.refuse', entity: 'serviceRequest', entityId: before.id, before: { status: before.status }, after: { status: 'refused', reason: data.reason } });
    await notify(tx, {
      userIds: await representativesOf(tx, before.companyId),
      parkId,
      kind: 'serviceRequestRefused',
      params: { service: before.serviceName },
      href: ownHref(before),
      note: data.reason,
    });
    return after;
  });
}

/** A representative withdraws their company's request while it is not done; the park's managers and the assignee are told. */
export async function cancelServiceRequest(db: Db, { actor, input }: { actor: Actor; input: unknown }): Promise<ServiceRequestDto> {
  assertActingUser(actor, 'serviceRequest.createOwn', 'service request');
  const data = parseInput(cancelServiceRequestSchema, input);
  return inTransaction(db, async (tx) => {
    const before = await lockRequest(tx, data.requestId, sql`sr.company_id IN ${ownCompanies(actor.userId)}`);
    assertNotBooking(before);
    const after = await moveRequest(tx, before, OPEN, { status: 'cancelled', reason: data.reason });
    await writeAudit(tx, { actor, parkId: after.parkId, action: 'serviceRequest.cancel', entity: 'serviceRequest', entityId: before.id, before: { status: before.status }, after: { status: 'cancelled', reason: data.reason } });
    const recipients = await managersOf(tx, after.parkId);
    if (before.assigneeId) recipients.push(before.assigneeId);
    await notify(tx, {
      userIds: recipients,
      parkId: after.parkId,
      kind: 'serviceRequestCancelled',
      params: { company: before.companyName, service: before.serviceName },
      href: staffHref(before),
      note: data.reason,
    });
    return after;
  });
}
