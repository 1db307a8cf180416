import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { bookableResources, bookings, parks, serviceRequests } from '@/db/schema';
import type { ServiceRequestStatus } from '@/db/schema/values';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { actingUser, assertActingUser, assertCan, can, parksWhere } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { addDays, localMoment, todayIso, zonedMoment, zoneOr } from '@/lib/dates';
import { AppError, invalidTransition, notFound, refusal } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { managersOf, representativesOf } from '@/lib/notifications/recipients';
import { inTransaction } from '@/lib/transaction';
import {
  bookingNoticeSchema,
  cancelBookingSchema,
  clockOf,
  createBookingSchema,
  createResourceSchema,
  resourceIdSchema,
  updateResourceSchema,
  type CreateBookingInput,
  type CreateResourceInput,
  type ResourceFields,
  type UpdateResourceInput,
} from '@/lib/validation/bookings';
import { isoWeekday, slotTimes } from '@/lib/validation/clock';
import { parseInput } from '@/lib/validation/parse';

/** How far ahead a slot may be booked, in days. */
const HORIZON_DAYS = 365;

/** A bookable room or piece of equipment, with the hourly prices of its service and its park's clock. */
export type ResourceDto = {
  id: string;
  parkId: string;
  parkSlug: string;
  parkName: string;
  timeZone: string;
  /** Hours before a booking's start up to which its company may cancel it (the park's rule). */
  noticeHours: number;
  serviceId: string;
  serviceName: string;
  kind: string;
  name: string;
  description: string | null;
  /** Minutes from midnight on the park's clock; 1440 is midnight at the day's end. */
  opensMinute: number;
  closesMinute: number;
  /** ISO weekdays it is open, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  slotMinutes: number;
  active: boolean;
  residentPriceRub: string;
  marketPriceRub: string;
};

async function queryResources(db: DbOrTx, where: SQL): Promise<ResourceDto[]> {
  const rows = await queryRows<ResourceDto & { weekdays: number[] | string }>(
    db,
    sql`SELECT r.id, r.park_id AS "parkId", p.slug AS "parkSlug", p.name AS "parkName", p.time_zone AS "timeZone", p.booking_notice_hours AS "noticeHours",
               r.service_id AS "serviceId", s.name AS "serviceName", s.kind::text AS kind, r.name, r.description,
               r.opens_minute AS "opensMinute", r.closes_minute AS "closesMinute", r.weekdays, r.slot_minutes AS "slotMinutes",
               (r.active AND s.active) AS active, s.resident_price_rub::text AS "residentPriceRub", s.market_price_rub::text AS "marketPriceRub"
        FROM bookable_resources r JOIN parks p ON p.id = r.park_id JOIN services s ON s.id = r.service_id
        WHERE ${where}
        ORDER BY (r.active AND s.active) DESC, r.name, r.id`,
  );
  // PGlite and postgres.js both return int[] as an array; a text form is read just in case a driver does not.
  return rows.map((r) => ({ ...r, weekdays: Array.isArray(r.weekdays) ? r.weekdays.map(Number) : String(r.weekdays).replace(/[{}]/g, '').split(',').map(Number) }));
}

/** The companies the person represents, as a subquery. */
const ownCompanies = (userId: string) => sql`(SELECT cm.company_id FROM company_members cm WHERE cm.user_id = ${userId})`;

/** The parks where a company the person represents holds a residency on the park's today, as a subquery. */
const residentParks = (userId: string) =>
  sql`(SELECT rr.park_id FROM residencies rr JOIN parks pp ON pp.id = rr.park_id
       WHERE rr.company_id IN ${ownCompanies(userId)}
         AND rr.start_on <= (now() AT TIME ZONE pp.time_zone)::date AND (rr.end_on IS NULL OR rr.end_on >= (now() AT TIME ZONE pp.time_zone)::date))`;

/** The park's bookable resources, for its staff (the active ones first), and its cancellation notice in hours. */
export async function listResources(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<{ noticeHours: number; resources: ResourceDto[] }> {
  assertCan(actor, 'serviceRequest.read', parkId);
  const [park] = await db.select({ noticeHours: parks.bookingNoticeHours }).from(parks).where(eq(parks.id, parkId));
  if (!park) throw notFound('park');
  return { noticeHours: park.noticeHours, resources: await queryResources(db, sql`r.park_id = ${parkId}`) };
}

/** What a representative may book, park by park: the active resources of the parks where a company of theirs is resident today, with those companies. */
export type BookableParkDto = { parkId: string; parkSlug: string; parkName: string; companies: { id: string; name: string }[]; resources: ResourceDto[] };

export async function listBookableResources(db: DbOrTx, { actor }: { actor: Actor }): Promise<BookableParkDto[]> {
  assertActingUser(actor, 'serviceRequest.createOwn');
  const companies = await queryRows<{ parkId: string; id: string; name: string }>(
    db,
    sql`SELECT DISTINCT r.park_id AS "parkId", c.id, c.name
        FROM residencies r JOIN parks p ON p.id = r.park_id JOIN companies c ON c.id = r.company_id
        WHERE r.company_id IN ${ownCompanies(actor.userId)}
          AND r.start_on <= (now() AT TIME ZONE p.time_zone)::date AND (r.end_on IS NULL OR r.end_on >= (now() AT TIME ZONE p.time_zone)::date)
        ORDER BY c.name`,
  );
  if (companies.length === 0) return [];
  const resources = await queryResources(db, sql`r.park_id IN ${residentParks(actor.userId)} AND r.active AND s.active`);
  const byPark = new Map<string, BookableParkDto>();
  for (const resource of resources) {
    const park = byPark.get(resource.parkId) ?? { parkId: resource.parkId, parkSlug: resource.parkSlug, parkName: resource.parkName, companies: [], resources: [] };
    park.resources.push(resource);
    byPark.set(resource.parkId, park);
  }
  for (const c of companies) byPark.get(c.parkId)?.companies.push({ id: c.id, name: c.name });
  return [...byPark.values()].sort((a, b) => a.parkName.localeCompare(b.parkName));
}

/** A resource's service must be an hourly room or equipment service of the park (also the database's rule). */
async function assertHourlyService(tx: Tx, parkId: string, serviceId: string) {
  const [service] = await queryRows<{ kind: string; unit: string }>(
    tx,
    sql`SELECT kind::text AS kind, unit::text AS unit FROM services WHERE id = ${serviceId} AND park_id = ${parkId}`,
  );
  if (!service) throw notFound('service');
  if (!['room', 'equipment'].includes(service.kind) || service.unit !== 'hour')
    throw refusal('VALIDATION', 'bookingServiceNotHourly', 'serviceId: a resource is priced by an hourly room or equipment service', 'serviceId');
}

const resourceValues = (data: ResourceFields) => ({
  serviceId: data.serviceId,
  name: data.name,
  description: data.description,
  opensMinute: data.opensAt,
  closesMinute: data.closesAt,
  weekdays: data.weekdays,
  slotMinutes: data.slotMinutes,
});

const nameTaken = (refusalError: AppError) =>
  refusalError.key === 'db.bookable_resources_park_name'
    ? new AppError('CONFLICT', 'a resource with this name already exists in the park', { key: 'bookingResourceNameTaken', fieldErrors: { name: ['bookingResourceNameTaken'] } })
    : refusalError;

/** A manager makes a room or piece of equipment bookable: its hourly service, opening hours and slot grid. */
export async function createResource(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: CreateResourceInput }): Promise<ResourceDto> {
  assertCan(actor, 'service.manage', parkId);
  const data = parseInput(createResourceSchema, input);
  return inTransaction(
    db,
    async (tx) => {
      await assertHourlyService(tx, parkId, data.serviceId);
      const [row] = await tx.insert(bookableResources).values({ parkId, ...resourceValues(data) }).returning({ id: bookableResources.id });
      const [resource] = await queryResources(tx, sql`r.id = ${row.id}`);
      await writeAudit(tx, { actor, parkId, action: 'resource.create', entity: 'bookableResource', entityId: row.id, after: resourceValues(data) });
      return resource;
    },
    { onConflict: nameTaken },
  );
}

/** A manager changes a resource's service, hours or grid, or takes it out of booking; bookings already made stay. */
export async function updateResource(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: UpdateResourceInput }): Promise<ResourceDto> {
  assertCan(actor, 'service.manage', parkId);
  const data = parseInput(updateResourceSchema, input);
  return inTransaction(
    db,
    async (tx) => {
      const [before] = await tx
        .select()
        .from(bookableResources)
        .where(and(eq(bookableResources.id, data.resourceId), eq(bookableResources.parkId, parkId)))
        .for('update');
      if (!before) throw notFound('bookable resource');
      await assertHourlyService(tx, parkId, data.serviceId);
      const values = { ...resourceValues(data), active: data.active };
      await tx.update(bookableResources).set(values).where(eq(bookableResources.id, before.id));
      const [resource] = await queryResources(tx, sql`r.id = ${before.id}`);
      const { parkId: _park, createdAt: _created, id: _id, ...was } = before;
      await writeAudit(tx, { actor, parkId, action: 'resource.update', entity: 'bookableResource', entityId: before.id, before: was, after: values });
      return resource;
    },
    { onConflict: nameTaken },
  );
}

/** The park's rule: up to how many hours before its start a company may cancel a booking. */
export async function setBookingNotice(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: unknown }): Promise<{ hours: number }> {
  assertCan(actor, 'service.manage', parkId);
  const data = parseInput(bookingNoticeSchema, input);
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select({ hours: parks.bookingNoticeHours }).from(parks).where(eq(parks.id, parkId)).for('update');
    if (!before) throw notFound('park');
    await tx.update(parks).set({ bookingNoticeHours: data.hours }).where(eq(parks.id, parkId));
    await writeAudit(tx, { actor, parkId, action: 'park.bookingNotice', entity: 'park', entityId: parkId, before: { bookingNoticeHours: before.hours }, after: { bookingNoticeHours: data.hours } });
    return { hours: data.hours };
  });
}

/** A booking on a calendar. Another company's booking shows to a representative only as a busy time. */
export type CalendarBookingDto = {
  startsAt: Date;
  endsAt: Date;
  /** The booking's id, company and request: for the park's staff and the company's own representatives; null otherwise. */
  id: string | null;
  companyName: string | null;
  serviceRequestId: string | null;
  requestStatus: ServiceRequestStatus | null;
  mine: boolean;
};

export type ResourceCalendarDto = {
  resource: ResourceDto;
  audience: 'staff' | 'company';
  view: 'day' | 'week';
  /** The days shown, `YYYY-MM-DD` on the park's clock: one, or Monday to Sunday of the week holding `date`. */
  days: string[];
  today: string;
  bookings: CalendarBookingDto[];
  /** The representative's companies resident in the park today, that may book; empty for staff. */
  companies: { id: string; name: string }[];
  /**
   * For a representative: the first slot from now on that is free and starts in the future, on an open
   * weekday within the booking horizon, on the park's clock (`date`, and its start in minutes). The
   * booking page opens on that day. Null for staff, for a resource out of booking, or when every slot
   * of the horizon is taken.
   */
  firstFree: { date: string; startMinute: number } | null;
};


/** The moment a day's minute (0 … 1440) names on `zone`'s clock. */
function momentAt(date: string, minute: number, zone: string): Date {
  const day = minute >= 1440 ? addDays(date, 1) : date;
  return zonedMoment(`${day}T${clockOf(minute % 1440)}`, zone);
}

/** How many days of bookings firstFreeSlot reads at a time: a month, so a resource that is not booked solid takes one query. */
const FREE_SLOT_WINDOW_DAYS = 31;

/**
 * The first slot of the resource's grid that starts after `now` and overlaps no booking: on an open
 * weekday from the park's today to the last day createBooking accepts (HORIZON_DAYS ahead). Null when
 * the resource is out of booking or all of them are taken.
 */
async function firstFreeSlot(db: DbOrTx, resource: ResourceDto, now: Date): Promise<{ date: string; startMinute: number } | null> {
  if (!resource.active) return null;
  const zone = zoneOr(resource.timeZone);
  const today = todayIso(zone, now);
  const last = addDays(today, HORIZON_DAYS);
  const { starts } = slotTimes(resource);
  for (let from = today; from <= last; from = addDays(from, FREE_SLOT_WINDOW_DAYS)) {
    const windowEnd = addDays(from, FREE_SLOT_WINDOW_DAYS - 1);
    const to = windowEnd < last ? windowEnd : last;
    const taken = (
      await queryRows<{ startsAt: Date | string; endsAt: Date | string }>(
        db,
        sql`SELECT starts_at AS "startsAt", ends_at AS "endsAt" FROM bookings
            WHERE resource_id = ${resource.id} AND status = 'booked'
              AND starts_at < ${momentAt(to, 1440, zone).toISOString()}::timestamptz AND ends_at > ${now.toISOString()}::timestamptz`,
      )
    ).map((b) => ({ startsAt: new Date(b.startsAt).getTime(), endsAt: new Date(b.endsAt).getTime() }));
    for (let day = from; day <= to; day = addDays(day, 1)) {
      if (!resource.weekdays.includes(isoWeekday(day))) continue;
      for (const minute of starts) {
        const start = momentAt(day, minute, zone).getTime();
        if (start <= now.getTime()) continue;
        const end = momentAt(day, minute + resource.slotMinutes, zone).getTime();
        if (!taken.some((b) => b.startsAt < end && b.endsAt > start)) return { date: day, startMinute: minute };
      }
    }
  }
  return null;
}

/**
 * A resource's day or week, for the park's staff (every booking with its company and request) or a
 * representative of a company resident in the park today (their own bookings, the others as busy
 * times). Anyone else finds the resource missing. Cancelled bookings are not shown. Without `date`,
 * staff see today and a representative the first day with a free slot to come (firstFree).
 */
export async function getResourceCalendar(
  db: DbOrTx,
  { actor, resourceId, view = 'week', date, now = new Date() }: { actor: Actor; resourceId: string; view?: 'day' | 'week'; date?: string; now?: Date },
): Promise<ResourceCalendarDto> {
  const { resourceId: id } = parseInput(resourceIdSchema, { resourceId });
  const staffParks = parksWhere(actor, 'serviceRequest.read');
  const staff = staffParks === 'all' ? sql`true` : staffParks.length ? sql`r.park_id IN (${sql.join(staffParks.map((p) => sql`${p}::uuid`), sql`, `)})` : sql`false`;
  const representative = actingUser(actor, 'serviceRequest.createOwn');
  const company = representative ? sql`r.park_id IN ${residentParks(representative.userId)}` : sql`false`;
  const [resource] = await queryResources(db, sql`r.id = ${id} AND (${staff} OR ${company})`);
  if (!resource) throw notFound('bookable resource');
  const audience = can(actor, 'serviceRequest.read', resource.parkId) ? 'staff' : 'company';
  const today = todayIso(resource.timeZone, now);
  const firstFree = audience === 'company' ? await firstFreeSlot(db, resource, now) : null;
  // Without a day asked for, a representative's calendar opens on the first day they can book.
  const anchor = date ?? firstFree?.date ?? today;
  const first = view === 'day' ? anchor : addDays(anchor, 1 - isoWeekday(anchor));
  const days = Array.from({ length: view === 'day' ? 1 : 7 }, (_, i) => addDays(first, i));
  const from = momentAt(days[0], 0, resource.timeZone);
  const to = momentAt(days[days.length - 1], 1440, resource.timeZone);
  const own = representative ? sql`b.company_id IN ${ownCompanies(representative.userId)}` : sql`false`;
  const rows = await queryRows<{ id: string; startsAt: Date | string; endsAt: Date | string; companyName: string; serviceRequestId: string; requestStatus: ServiceRequestStatus; mine: boolean }>(
    db,
    sql`SELECT b.id, b.starts_at AS "startsAt", b.ends_at AS "endsAt", c.name AS "companyName", b.service_request_id AS "serviceRequestId",
               sr.status::text AS "requestStatus", (${own}) AS mine
        FROM bookings b JOIN companies c ON c.id = b.company_id JOIN service_requests sr ON sr.id = b.service_request_id
        WHERE b.resource_id = ${resource.id} AND b.status = 'booked' AND b.starts_at < ${to.toISOString()}::timestamptz AND b.ends_at > ${from.toISOString()}::timestamptz
        ORDER BY b.starts_at, b.id`,
  );
  const shown = rows.map((b): CalendarBookingDto => {
    const visible = audience === 'staff' || Boolean(b.mine);
    return {
      startsAt: new Date(b.startsAt),
      endsAt: new Date(b.endsAt),
      id: visible ? b.id : null,
      companyName: visible ? b.companyName : null,
      serviceRequestId: visible ? b.serviceRequestId : null,
      requestStatus: visible ? b.requestStatus : null,
      mine: Boolean(b.mine),
    };
  });
  const companies =
    representative && audience === 'company'
      ? await queryRows<{ id: string; name: string }>(
          db,
          sql`SELECT DISTINCT c.id, c.name FROM residencies r JOIN companies c ON c.id = r.company_id
              WHERE r.park_id = ${resource.parkId} AND r.company_id IN ${ownCompanies(representative.userId)}
                AND r.start_on <= ${today}::date AND (r.end_on IS NULL OR r.end_on >= ${today}::date)
              ORDER BY c.name`,
        )
      : [];
  return { resource, audience, view, days, today, bookings: shown, companies, firstFree };
}

/** A booking as its company and the park's staff see it after a change. */
export type BookingDto = { id: string; resourceId: string; companyId: string; serviceRequestId: string; startsAt: Date; endsAt: Date; status: 'booked' | 'cancelled'; quantity: string };

/** Hours as the request's quantity, two decimals: every slot grid is a whole number of hundredths of an hour. */
const hoursOf = (minutes: number) => {
  const hundredths = Math.round((minutes * 100) / 60);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
};

const overlap = (refusalError: AppError) =>
  refusalError.key === 'db.bookings_no_overlap'
    ? new AppError('CONFLICT', 'the resource is already booked for some of this time', { key: 'bookingOverlap', fieldErrors: { startAt: ['bookingOverlap'] } })
    : refusalError;

/**
 * A representative books a resource for their company, from a day's start to end time on the park's
 * clock: on the slot grid, inside the opening hours of an open weekday, not in the past, within a year.
 * Only a resident may (a residency on today and on the booking's day). The booking is also a service
 * request of the resource's service at today's prices (quantity = hours), which the scheduler records as
 * done once the booking has ended (completeFinishedBookings). Two overlapping bookings of one resource
 * are refused by the database, so of two people booking one slot at once exactly one succeeds. The
 * park's managers are told (bookingCreated), as they are when the company cancels (bookingCancelled).
 * `now` is for the seed and tests; pages leave it to the clock.
 */
export async function createBooking(db: Db, { actor, input, now = new Date() }: { actor: Actor; input: CreateBookingInput; now?: Date }): Promise<BookingDto> {
  assertActingUser(actor, 'serviceRequest.createOwn');
  const data = parseInput(createBookingSchema, input);
  return inTransaction(
    db,
    async (tx) => {
      const [resource] = await queryResources(tx, sql`r.id = ${data.resourceId} AND r.park_id IN ${residentParks(actor.userId)}`);
      if (!resource) throw notFound('bookable resource');
      const [company] = await queryRows<{ id: string; name: string }>(
        tx,
        sql`SELECT c.id, c.name FROM companies c WHERE c.id = ${data.companyId} AND c.id IN ${ownCompanies(actor.userId)}`,
      );
      if (!company) throw notFound('company');
      const zone = zoneOr(resource.timeZone);
      const today = todayIso(zone, now);
      // Shared lock: an exit of the residency waits for the booking, and the booking sees an exit that came first.
      const residencies = await queryRows<{ id: string }>(
        tx,
        sql`SELECT id FROM residencies
            WHERE park_id = ${resource.parkId} AND company_id = ${company.id}
              AND start_on <= least(${today}::date, ${data.date}::date) AND (end_on IS NULL OR end_on >= greatest(${today}::date, ${data.date}::date))
            FOR SHARE`,
      );
      if (residencies.length === 0)
        throw new AppError('VALIDATION', `company "${company.name}" is not a resident of the park from today to ${data.date}: only residents may book`, {
          key: 'bookingNotResident',
          fieldErrors: { companyId: ['bookingNotResident'] },
        });
      // Shared lock: a price change waits for the booking, and the booking takes the prices it saw.
      const [service] = await queryRows<{ active: boolean }>(tx, sql`SELECT active FROM services WHERE id = ${resource.serviceId} FOR SHARE`);
      if (!resource.active || !service?.active) throw refusal('CONFLICT', 'bookingResourceInactive', `resource "${resource.name}" is not bookable now`, 'resourceId');
      if (!resource.weekdays.includes(isoWeekday(data.date)))
        throw refusal('VALIDATION', 'bookingClosedDay', `date: the resource is closed on ${data.date}`, 'date');
      if (data.startAt < resource.opensMinute || data.endAt > resource.closesMinute)
        throw refusal('VALIDATION', 'bookingOutsideHours', `startAt: outside the opening hours ${clockOf(resource.opensMinute)}–${clockOf(resource.closesMinute)}`, data.startAt < resource.opensMinute ? 'startAt' : 'endAt');
      if ((data.startAt - resource.opensMinute) % resource.slotMinutes !== 0 || (data.endAt - resource.opensMinute) % resource.slotMinutes !== 0)
        throw refusal('VALIDATION', 'bookingOffGrid', `startAt: bookings start and end on the ${resource.slotMinutes}-minute grid`, (data.startAt - resource.opensMinute) % resource.slotMinutes !== 0 ? 'startAt' : 'endAt');
      const startsAt = momentAt(data.date, data.startAt, zone);
      const endsAt = momentAt(data.date, data.endAt, zone);
      if (startsAt.getTime() <= now.getTime()) throw refusal('VALIDATION', 'bookingInPast', 'startAt: the time has passed', 'startAt');
      if (data.date > addDays(today, HORIZON_DAYS)) throw refusal('VALIDATION', 'bookingTooFar', `date: at most ${HORIZON_DAYS} days ahead`, 'date');

      const quantity = hoursOf(data.endAt - data.startAt);
      const [request] = await tx
        .insert(serviceRequests)
        .values({
          parkId: resource.parkId,
          companyId: company.id,
          serviceId: resource.serviceId,
          requestedOn: today,
          status: 'requested',
          quantity,
          unitPriceRub: resource.residentPriceRub,
          unitMarketPriceRub: resource.marketPriceRub,
          description: `${resource.name}: ${data.date} ${clockOf(data.startAt)}–${clockOf(data.endAt)}`,
          requestedBy: actor.userId,
        })
        .returning({ id: serviceRequests.id });
      const [booking] = await tx
        .insert(bookings)
        .values({ parkId: resource.parkId, resourceId: resource.id, companyId: company.id, serviceRequestId: request.id, startsAt, endsAt, bookedBy: actor.userId })
        .returning();
      const view = { resourceId: resource.id, companyId: company.id, startsAt, endsAt, serviceRequestId: request.id, quantity };
      await writeAudit(tx, [
        { actor, parkId: resource.parkId, action: 'booking.create', entity: 'booking', entityId: booking.id, after: view },
        { actor, parkId: resource.parkId, action: 'serviceRequest.create', entity: 'serviceRequest', entityId: request.id, after: { status: 'requested', bookingId: booking.id, quantity } },
      ]);
      // The park's managers hear of it as of any new request, in the same transaction, times on the park's clock.
      await notify(tx, {
        userIds: await managersOf(tx, resource.parkId),
        parkId: resource.parkId,
        kind: 'bookingCreated',
        params: { company: company.name, resource: resource.name, startsAt: `${data.date} ${clockOf(data.startAt)}`, endsAt: clockOf(data.endAt) },
        href: `/p/${resource.parkSlug}/services/resources/${resource.id}`,
      });
      return { id: booking.id, resourceId: resource.id, companyId: company.id, serviceRequestId: request.id, startsAt, endsAt, status: booking.status, quantity };
    },
    { onConflict: overlap },
  );
}

/**
 * Cancels a booking that has not started, and its request, in one transaction. Its company's
 * representatives may until the park's notice before the start (parks.booking_notice_hours); the
 * park's managers at any time before the start (a room out of order), and the company is told.
 * Anyone else finds the booking missing.
 */
export async function cancelBooking(db: Db, { actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }): Promise<BookingDto> {
  const data = parseInput(cancelBookingSchema, input);
  const handleParks = parksWhere(actor, 'serviceRequest.handle');
  const staff = handleParks === 'all' ? sql`true` : handleParks.length ? sql`b.park_id IN (${sql.join(handleParks.map((p) => sql`${p}::uuid`), sql`, `)})` : sql`false`;
  const representative = actingUser(actor, 'serviceRequest.createOwn');
  const own = representative ? sql`b.company_id IN ${ownCompanies(representative.userId)}` : sql`false`;
  return inTransaction(db, async (tx) => {
    const [before] = await queryRows<{
      id: string; parkId: string; parkSlug: string; resourceId: string; resourceName: string; companyId: string; companyName: string; serviceRequestId: string;
      startsAt: Date | string; endsAt: Date | string; status: 'booked' | 'cancelled'; noticeHours: number; quantity: string; timeZone: string;
    }>(
      tx,
      sql`SELECT b.id, b.park_id AS "parkId", p.slug AS "parkSlug", b.resource_id AS "resourceId", r.name AS "resourceName", b.company_id AS "companyId", c.name AS "companyName",
                 b.service_request_id AS "serviceRequestId", b.starts_at AS "startsAt", b.ends_at AS "endsAt", b.status::text AS status,
                 p.booking_notice_hours AS "noticeHours", sr.quantity::text AS quantity, p.time_zone AS "timeZone"
          FROM bookings b JOIN parks p ON p.id = b.park_id JOIN bookable_resources r ON r.id = b.resource_id JOIN companies c ON c.id = b.company_id
          JOIN service_requests sr ON sr.id = b.service_request_id
          WHERE b.id = ${data.bookingId} AND (${staff} OR ${own})
          FOR UPDATE OF b, sr`,
    );
    if (!before) throw notFound('booking');
    const byPark = can(actor, 'serviceRequest.handle', before.parkId);
    const startsAt = new Date(before.startsAt);
    if (before.status !== 'booked') throw invalidTransition('booking', before.status);
    if (startsAt.getTime() <= now.getTime()) throw refusal('INVALID_TRANSITION', 'bookingStarted', `booking ${before.id} has already started`);
    if (!byPark && startsAt.getTime() - now.getTime() < Number(before.noticeHours) * 3_600_000)
      throw new AppError('INVALID_TRANSITION', `bookings may be cancelled up to ${before.noticeHours} hours before their start`, {
        key: 'bookingNoticePassed',
        params: { hours: Number(before.noticeHours) },
      });
    const [moved] = await tx
      .update(bookings)
      .set({ status: 'cancelled', cancelledAt: now, cancelledBy: representative?.userId ?? (actor.type === 'user' ? actor.userId : null) })
      .where(and(eq(bookings.id, before.id), eq(bookings.status, 'booked')))
      .returning({ id: bookings.id });
    if (!moved) throw invalidTransition('booking', before.status);
    const reason = byPark ? 'cancelled by the park' : null;
    await tx
      .update(serviceRequests)
      .set({ status: 'cancelled', reason, updatedAt: now })
      .where(and(eq(serviceRequests.id, before.serviceRequestId), sql`${serviceRequests.status} IN ('requested', 'in_progress')`));
    await writeAudit(tx, [
      { actor, parkId: before.parkId, action: 'booking.cancel', entity: 'booking', entityId: before.id, before: { status: 'booked' }, after: { status: 'cancelled' } },
      { actor, parkId: before.parkId, action: 'serviceRequest.cancel', entity: 'serviceRequest', entityId: before.serviceRequestId, before: { status: 'requested' }, after: { status: 'cancelled', reason } },
    ]);
    // The time as the park's clock shows it: the notice is read in the park.
    const when = localMoment(startsAt, zoneOr(before.timeZone)).replace('T', ' ');
    await notify(tx, {
      userIds: byPark ? await representativesOf(tx, before.companyId) : await managersOf(tx, before.parkId),
      parkId: before.parkId,
      kind: byPark ? 'bookingCancelledByPark' : 'bookingCancelled',
      params: { company: before.companyName, resource: before.resourceName, startsAt: when },
      href: byPark ? `/my/services/book/${before.resourceId}` : `/p/${before.parkSlug}/services/resources/${before.resourceId}`,
    });
    return {
      id: before.id,
      resourceId: before.resourceId,
      companyId: before.companyId,
      serviceRequestId: before.serviceRequestId,
      startsAt,
      endsAt: new Date(before.endsAt),
      status: 'cancelled',
      quantity: before.quantity,
    };
  });
}

/**
 * The scheduler's step (lib/scheduler.ts): every booking that has ended by `now` and is still booked
 * has taken place, so its request becomes done, delivered on the booking's day on its park's clock,
 * at the quantity and prices it was booked at; it then counts in the park summary's support like any
 * delivered request. Each request moves once however often and however many servers run this (the
 * UPDATE's own condition decides); the audit row is written in the same transaction. Returns how many.
 */
export async function completeFinishedBookings(db: Db, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  return inTransaction(db, async (tx) => {
    const done = await queryRows<{ id: string; parkId: string; doneOn: string; quantity: string }>(
      tx,
      sql`UPDATE service_requests sr
          SET status = 'done', done_on = (b.starts_at AT TIME ZONE p.time_zone)::date, updated_at = ${now.toISOString()}::timestamptz
          FROM bookings b JOIN parks p ON p.id = b.park_id
          WHERE b.service_request_id = sr.id AND b.status = 'booked' AND b.ends_at <= ${now.toISOString()}::timestamptz
            AND sr.status IN ('requested', 'in_progress')
          RETURNING sr.id, sr.park_id AS "parkId", sr.done_on::text AS "doneOn", sr.quantity::text AS quantity`,
    );
    const actor = systemActor('scheduler');
    await writeAudit(
      tx,
      done.map((r) => ({ actor, parkId: r.parkId, action: 'serviceRequest.deliver', entity: 'serviceRequest', entityId: r.id, after: { status: 'done', doneOn: r.doneOn, quantity: r.quantity } })),
    );
    return done.length;
  });
}
