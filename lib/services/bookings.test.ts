import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, bookableResources, bookings, notifications, outbox, serviceRequests } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import type { UserActor } from '@/lib/auth/permissions';
import { getParkSummary } from '@/lib/reports/summary';
import { codeOf, refusalOf } from '@/lib/test/code-of';
import { makeManager, makePark } from '@/lib/test/fixtures';
import { makeResident } from '@/lib/test/residents-fixtures';
import { createService } from './catalogue';
import {
  cancelBooking,
  completeFinishedBookings,
  createBooking,
  createResource,
  getResourceCalendar,
  listBookableResources,
  listResources,
  setBookingNotice,
  updateResource,
} from './bookings';
import { cancelServiceRequest, deliverServiceRequest, getServiceRequest, refuseServiceRequest } from './requests';

/** Novokuznetsk is UTC+7 all year: 10:00 there is 03:00 UTC. */
const ZONE = 'Asia/Novokuznetsk';
/** Monday 7 January 2030, 07:00 in the park. */
const NOW = new Date('2030-01-07T00:00:00Z');
const TUESDAY = '2030-01-08';

type World = { parkId: string; parkSlug: string; manager: UserActor; serviceId: string };

async function newWorld(): Promise<World> {
  const park = await makePark({ timeZone: ZONE });
  const manager = await makeManager(park.id);
  const service = await createService(await getDb(), {
    actor: manager,
    parkId: park.id,
    input: { name: 'Meeting room', kind: 'room', unit: 'hour', marketPriceRub: '1500.00', residentPriceRub: '500.00' },
  });
  return { parkId: park.id, parkSlug: park.slug, manager, serviceId: service.id };
}

/** A meeting room open 09:00–18:00 on weekdays, on a 30-minute grid. */
async function newRoom(w: World, name = `Room ${Math.random().toString(36).slice(2, 8)}`) {
  return createResource(await getDb(), {
    actor: w.manager,
    parkId: w.parkId,
    input: { serviceId: w.serviceId, name, opensAt: '09:00', closesAt: '18:00', weekdays: [1, 2, 3, 4, 5], slotMinutes: 30 },
  });
}

const newResident = (w: World) => makeResident(w.manager, w.parkId, { represented: true });

async function book(rep: UserActor, companyId: string, resourceId: string, startAt: string, endAt: string, date = TUESDAY, now = NOW) {
  return createBooking(await getDb(), { actor: rep, input: { resourceId, companyId, date, startAt, endAt }, now });
}

async function countRows(parkId: string) {
  const db = await getDb();
  const b = await db.select({ id: bookings.id }).from(bookings).where(eq(bookings.parkId, parkId));
  const r = await db.select({ id: serviceRequests.id }).from(serviceRequests).where(eq(serviceRequests.parkId, parkId));
  return { bookings: b.length, requests: r.length };
}

let w: World;
beforeAll(async () => {
  w = await newWorld();
});

describe('bookable resources', () => {
  it('a manager makes a room bookable with its hours and grid; a service that is not an hourly room or equipment, or hours off the grid, are refused and write nothing', async () => {
    const db = await getDb();
    const room = await newRoom(w, 'Board room');
    expect(room).toMatchObject({ name: 'Board room', opensMinute: 540, closesMinute: 1080, weekdays: [1, 2, 3, 4, 5], slotMinutes: 30, active: true, residentPriceRub: '500.00', marketPriceRub: '1500.00', timeZone: ZONE });

    const legal = await createService(db, { actor: w.manager, parkId: w.parkId, input: { name: 'Legal advice', kind: 'legal', unit: 'hour', marketPriceRub: '10', residentPriceRub: '5' } });
    const before = (await db.select().from(bookableResources).where(eq(bookableResources.parkId, w.parkId))).length;
    const base = { serviceId: w.serviceId, name: 'Lab', opensAt: '09:00', closesAt: '18:00', weekdays: ['1'], slotMinutes: '30' };
    expect((await refusalOf(createResource(db, { actor: w.manager, parkId: w.parkId, input: { ...base, serviceId: legal.id } }))).fieldErrors).toEqual({ serviceId: ['bookingServiceNotHourly'] });
    expect((await refusalOf(createResource(db, { actor: w.manager, parkId: w.parkId, input: { ...base, closesAt: '08:00' } }))).fieldErrors).toEqual({ closesAt: ['bookingHoursOrder'] });
    expect((await refusalOf(createResource(db, { actor: w.manager, parkId: w.parkId, input: { ...base, closesAt: '17:45' } }))).fieldErrors).toEqual({ closesAt: ['bookingHoursOffGrid'] });
    expect((await refusalOf(createResource(db, { actor: w.manager, parkId: w.parkId, input: { ...base, opensAt: '25:00', weekdays: [], slotMinutes: '20' } }))).fieldErrors).toEqual({
      opensAt: ['invalidTime'],
      weekdays: ['bookingWeekdaysRequired'],
      slotMinutes: ['bookingSlotInvalid'],
    });
    expect((await refusalOf(createResource(db, { actor: w.manager, parkId: w.parkId, input: { ...base, name: 'Board room' } }))).fieldErrors).toEqual({ name: ['bookingResourceNameTaken'] });
    expect((await db.select().from(bookableResources).where(eq(bookableResources.parkId, w.parkId))).length).toBe(before);

    const closedAtMidnight = await updateResource(db, { actor: w.manager, parkId: w.parkId, input: { ...base, resourceId: room.id, name: 'Board room', opensAt: '08:00', closesAt: '24:00', weekdays: ['7', '1', '1'], slotMinutes: '60' } });
    expect(closedAtMidnight).toMatchObject({ opensMinute: 480, closesMinute: 1440, weekdays: [1, 7], slotMinutes: 60 });
    expect((await listResources(db, { actor: w.manager, parkId: w.parkId })).resources.map((r) => r.id)).toContain(room.id);
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entity, 'bookableResource'), eq(auditLog.entityId, room.id))).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['resource.create', 'resource.update']);
  });

  it('the park sets its cancellation notice, 0 to 720 hours', async () => {
    const db = await getDb();
    const other = await newWorld();
    expect(await setBookingNotice(db, { actor: other.manager, parkId: other.parkId, input: { hours: '48' } })).toEqual({ hours: 48 });
    expect((await refusalOf(setBookingNotice(db, { actor: other.manager, parkId: other.parkId, input: { hours: '721' } }))).fieldErrors).toEqual({ hours: ['bookingNoticeRange'] });
    expect(await codeOf(setBookingNotice(db, { actor: w.manager, parkId: other.parkId, input: { hours: 1 } }))).toBe('NOT_FOUND');
  });
});

describe('booking a slot', () => {
  it('books a slot as a service request at today’s prices (quantity in hours, dated on the park’s today); an overlapping one is refused on the start field and writes nothing; a touching one is fine', async () => {
    const db = await getDb();
    const room = await newRoom(w);
    const { representative: rep, companyId } = await newResident(w);
    const booking = await book(rep, companyId, room.id, '10:00', '11:30');
    expect(booking).toMatchObject({ status: 'booked', quantity: '1.50', startsAt: new Date('2030-01-08T03:00:00Z'), endsAt: new Date('2030-01-08T04:30:00Z') });
    const request = await getServiceRequest(db, { actor: w.manager, requestId: booking.serviceRequestId });
    expect(request).toMatchObject({ status: 'requested', requestedOn: '2030-01-07', quantity: '1.50', unitPriceRub: '500.00', unitMarketPriceRub: '1500.00', bookingId: booking.id, resourceId: room.id });

    const before = await countRows(w.parkId);
    const overlapping = await refusalOf(book(rep, companyId, room.id, '11:00', '12:00'));
    expect(overlapping).toMatchObject({ code: 'CONFLICT', key: 'bookingOverlap', fieldErrors: { startAt: ['bookingOverlap'] } });
    expect(await countRows(w.parkId)).toEqual(before);
    expect(await codeOf(book(rep, companyId, room.id, '11:30', '12:00'))).toBe('OK');
    expect(await codeOf(book(rep, companyId, room.id, '09:00', '10:00'))).toBe('OK');
  });

  it('refuses, on the field at fault and writing nothing: outside the opening hours, a closed weekday, off the grid, in the past, too far ahead, an end before the start, a time that is not one', async () => {
    const room = await newRoom(w);
    const { representative: rep, companyId } = await newResident(w);
    const before = await countRows(w.parkId);
    const cases: [() => Promise<unknown>, Record<string, string[]>][] = [
      [() => book(rep, companyId, room.id, '08:30', '09:30'), { startAt: ['bookingOutsideHours'] }],
      [() => book(rep, companyId, room.id, '17:30', '18:30'), { endAt: ['bookingOutsideHours'] }],
      [() => book(rep, companyId, room.id, '10:00', '11:00', '2030-01-12'), { date: ['bookingClosedDay'] }],
      [() => book(rep, companyId, room.id, '10:15', '11:00'), { startAt: ['bookingOffGrid'] }],
      // 09:00 on Monday is two hours after NOW (07:00): 06:30 has passed, and yesterday too.
      [() => book(rep, companyId, room.id, '09:00', '10:00', '2030-01-04'), { startAt: ['bookingInPast'] }],
      [() => book(rep, companyId, room.id, '09:00', '10:00', '2030-01-07', new Date('2030-01-07T02:30:00Z')), { startAt: ['bookingInPast'] }],
      [() => book(rep, companyId, room.id, '10:00', '11:00', '2031-01-08'), { date: ['bookingTooFar'] }],
      [() => book(rep, companyId, room.id, '11:00', '10:00'), { endAt: ['bookingEndBeforeStart'] }],
      [() => book(rep, companyId, room.id, '10:00', 'noon'), { endAt: ['invalidTime'] }],
      [() => book(rep, companyId, room.id, '10:00', '11:00', '2030-02-30'), { date: ['invalidDate'] }],
    ];
    for (const [attempt, fields] of cases) expect((await refusalOf(attempt())).fieldErrors).toEqual(fields);
    expect(await countRows(w.parkId)).toEqual(before);
    // The slot that starts later today is still bookable.
    expect(await codeOf(book(rep, companyId, room.id, '09:00', '10:00', '2030-01-07'))).toBe('OK');
  });

  it('of two companies booking the same slot at the same moment exactly one wins, on either database', async () => {
    const room = await newRoom(w);
    const a = await newResident(w);
    const b = await newResident(w);
    const c = await newResident(w);
    const results = await Promise.allSettled([
      book(a.representative, a.companyId, room.id, '14:00', '15:00'),
      book(b.representative, b.companyId, room.id, '14:30', '15:30'),
      // Each of the three overlaps both others (14:30–15:00 is in all), so whichever commits first, the other two lose.
      book(c.representative, c.companyId, room.id, '14:30', '15:00'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const lost of results.filter((r) => r.status === 'rejected')) expect(lost.reason).toMatchObject({ code: 'CONFLICT', key: 'bookingOverlap' });
    const calendar = await getResourceCalendar(await getDb(), { actor: w.manager, resourceId: room.id, view: 'day', date: TUESDAY, now: NOW });
    expect(calendar.bookings).toHaveLength(1);
    const db = await getDb();
    // The losers' requests were rolled back with their bookings.
    const requests = await db.select({ id: serviceRequests.id }).from(serviceRequests).where(eq(serviceRequests.description, `${room.name}: ${TUESDAY} 14:00–15:00`));
    const others = await db.select({ id: serviceRequests.id }).from(serviceRequests).where(eq(serviceRequests.description, `${room.name}: ${TUESDAY} 14:30–15:30`));
    const third = await db.select({ id: serviceRequests.id }).from(serviceRequests).where(eq(serviceRequests.description, `${room.name}: ${TUESDAY} 14:30–15:00`));
    expect(requests.length + others.length + third.length).toBe(1);
  });

  it('another company’s booking shows to a representative as a busy time only, and they cannot cancel it; another park sees none of it', async () => {
    const db = await getDb();
    const room = await newRoom(w);
    const owner = await newResident(w);
    const neighbour = await newResident(w);
    const booking = await book(owner.representative, owner.companyId, room.id, '10:00', '11:00');

    const staff = await getResourceCalendar(db, { actor: w.manager, resourceId: room.id, date: TUESDAY, now: NOW });
    expect(staff.audience).toBe('staff');
    expect(staff.days).toEqual(['2030-01-07', '2030-01-08', '2030-01-09', '2030-01-10', '2030-01-11', '2030-01-12', '2030-01-13']);
    expect(staff.bookings).toEqual([expect.objectContaining({ id: booking.id, companyName: expect.any(String), serviceRequestId: booking.serviceRequestId, requestStatus: 'requested' })]);

    const own = await getResourceCalendar(db, { actor: owner.representative, resourceId: room.id, date: TUESDAY, now: NOW });
    expect(own.bookings).toEqual([expect.objectContaining({ id: booking.id, mine: true })]);
    const seen = await getResourceCalendar(db, { actor: neighbour.representative, resourceId: room.id, date: TUESDAY, now: NOW });
    expect(seen.audience).toBe('company');
    expect(seen.companies).toEqual([{ id: neighbour.companyId, name: expect.any(String) }]);
    expect(seen.bookings).toEqual([{ startsAt: booking.startsAt, endsAt: booking.endsAt, id: null, companyName: null, serviceRequestId: null, requestStatus: null, mine: false }]);
    expect(JSON.stringify(seen)).not.toContain(owner.companyId);

    const before = await countRows(w.parkId);
    expect(await codeOf(cancelBooking(db, { actor: neighbour.representative, input: { bookingId: booking.id }, now: NOW }))).toBe('NOT_FOUND');
    expect(await codeOf(getServiceRequest(db, { actor: neighbour.representative, requestId: booking.serviceRequestId }))).toBe('NOT_FOUND');
    expect(await codeOf(book(neighbour.representative, owner.companyId, room.id, '12:00', '13:00'))).toBe('NOT_FOUND');

    const elsewhere = await newWorld();
    const stranger = await makeResident(elsewhere.manager, elsewhere.parkId, { represented: true });
    expect(await codeOf(getResourceCalendar(db, { actor: elsewhere.manager, resourceId: room.id, now: NOW }))).toBe('NOT_FOUND');
    expect(await codeOf(getResourceCalendar(db, { actor: stranger.representative, resourceId: room.id, now: NOW }))).toBe('NOT_FOUND');
    expect(await codeOf(cancelBooking(db, { actor: elsewhere.manager, input: { bookingId: booking.id }, now: NOW }))).toBe('NOT_FOUND');
    expect(await codeOf(book(stranger.representative, stranger.companyId, room.id, '12:00', '13:00'))).toBe('NOT_FOUND');
    expect(await codeOf(listResources(db, { actor: elsewhere.manager, parkId: w.parkId }))).toBe('NOT_FOUND');
    expect((await listBookableResources(db, { actor: stranger.representative })).map((p) => p.parkId)).not.toContain(w.parkId);
    expect((await listBookableResources(db, { actor: owner.representative })).find((p) => p.parkId === w.parkId)?.resources.map((r) => r.id)).toContain(room.id);
    expect(await countRows(w.parkId)).toEqual(before);
  });
});

describe('the day the booking page opens on', () => {
  /** A moment on the park's clock (UTC+7), `YYYY-MM-DDTHH:MM`. */
  const at = (local: string) => new Date(`${local}:00+07:00`);

  it('is the first day from today with a free slot to come, on an open weekday, in the park’s time zone; the representative’s calendar opens there', async () => {
    const db = await getDb();
    const room = await newRoom(w);
    const { representative: rep, companyId } = await newResident(w);
    const first = async (now: Date) => (await getResourceCalendar(db, { actor: rep, resourceId: room.id, view: 'day', now })).firstFree;

    // Monday 07:00, before opening: today, from 09:00.
    expect(await first(NOW)).toEqual({ date: '2030-01-07', startMinute: 540 });
    // Monday 17:20: the 17:30 slot is still to come; at 17:45 it has begun, and at 20:00 the day is over: Tuesday 09:00.
    expect(await first(at('2030-01-07T17:20'))).toEqual({ date: '2030-01-07', startMinute: 1050 });
    expect(await first(at('2030-01-07T17:30'))).toEqual({ date: '2030-01-08', startMinute: 540 });
    const evening = await getResourceCalendar(db, { actor: rep, resourceId: room.id, view: 'day', now: at('2030-01-07T20:00') });
    expect(evening).toMatchObject({ today: '2030-01-07', days: ['2030-01-08'], firstFree: { date: '2030-01-08', startMinute: 540 } });
    // 00:30 on Tuesday in the park is still Monday in UTC: the park's day counts.
    expect(await first(new Date('2030-01-07T17:30:00Z'))).toEqual({ date: '2030-01-08', startMinute: 540 });
    // Friday evening: the room is closed at weekends, so Monday; the week shown is Monday's.
    const friday = await getResourceCalendar(db, { actor: rep, resourceId: room.id, now: at('2030-01-11T19:00') });
    expect(friday.firstFree).toEqual({ date: '2030-01-14', startMinute: 540 });
    expect(friday.days[0]).toBe('2030-01-14');
    // A day asked for is shown as asked.
    expect((await getResourceCalendar(db, { actor: rep, resourceId: room.id, view: 'day', date: '2030-01-09', now: at('2030-01-07T20:00') })).days).toEqual(['2030-01-09']);

    // Taken slots are skipped, whoever took them: Monday morning booked to 11:00 leaves 11:00; the rest of Monday booked too, Tuesday.
    const neighbour = await newResident(w);
    await book(neighbour.representative, neighbour.companyId, room.id, '09:00', '11:00', '2030-01-07');
    expect(await first(NOW)).toEqual({ date: '2030-01-07', startMinute: 660 });
    await book(rep, companyId, room.id, '11:00', '18:00', '2030-01-07');
    expect(await first(NOW)).toEqual({ date: '2030-01-08', startMinute: 540 });
    // A cancelled booking frees its slot again.
    const morning = await book(rep, companyId, room.id, '09:00', '12:00', TUESDAY);
    expect(await first(at('2030-01-07T20:00'))).toEqual({ date: TUESDAY, startMinute: 720 });
    await cancelBooking(db, { actor: rep, input: { bookingId: morning.id }, now: NOW });
    expect(await first(at('2030-01-07T20:00'))).toEqual({ date: TUESDAY, startMinute: 540 });
  });

  it('is none for staff (their calendar opens on today) and for a resource out of booking', async () => {
    const db = await getDb();
    const room = await newRoom(w);
    const { representative: rep } = await newResident(w);
    const evening = at('2030-01-11T19:00');
    const staff = await getResourceCalendar(db, { actor: w.manager, resourceId: room.id, view: 'day', now: evening });
    expect(staff).toMatchObject({ firstFree: null, days: ['2030-01-11'] });
    await updateResource(db, {
      actor: w.manager,
      parkId: w.parkId,
      input: { resourceId: room.id, serviceId: w.serviceId, name: room.name, opensAt: '09:00', closesAt: '18:00', weekdays: [1, 2, 3, 4, 5], slotMinutes: 30, active: false },
    });
    expect(await getResourceCalendar(db, { actor: rep, resourceId: room.id, view: 'day', now: evening })).toMatchObject({ firstFree: null, days: ['2030-01-11'] });
  });
});

describe('cancelling and taking place', () => {
  it('the company cancels up to the park’s notice (booking and request together, the slot free again); after it, only the park may, and nobody once it has started', async () => {
    const db = await getDb();
    const room = await newRoom(w);
    const { representative: rep, companyId } = await newResident(w);
    // 10:00 Tuesday is 27 hours after NOW: inside the default 24 hours' notice.
    const early = await book(rep, companyId, room.id, '10:00', '11:00');
    const cancelled = await cancelBooking(db, { actor: rep, input: { bookingId: early.id }, now: NOW });
    expect(cancelled.status).toBe('cancelled');
    expect((await getServiceRequest(db, { actor: rep, requestId: early.serviceRequestId })).status).toBe('cancelled');
    expect(await codeOf(cancelBooking(db, { actor: rep, input: { bookingId: early.id }, now: NOW }))).toBe('INVALID_TRANSITION');
    const again = await book(rep, companyId, room.id, '10:00', '11:00');

    const late = new Date('2030-01-07T04:00:00Z'); // 23 hours before the start
    const refused = await refusalOf(cancelBooking(db, { actor: rep, input: { bookingId: again.id }, now: late }));
    expect(refused).toMatchObject({ code: 'INVALID_TRANSITION', key: 'bookingNoticePassed', params: { hours: 24 } });
    expect((await getServiceRequest(db, { actor: rep, requestId: again.serviceRequestId })).status).toBe('requested');
    const started = new Date('2030-01-08T03:00:00Z');
    expect((await refusalOf(cancelBooking(db, { actor: w.manager, input: { bookingId: again.id }, now: started }))).key).toBe('bookingStarted');
    expect((await cancelBooking(db, { actor: w.manager, input: { bookingId: again.id }, now: late })).status).toBe('cancelled');

    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entity, 'booking'), eq(auditLog.entityId, again.id))).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['booking.create', 'booking.cancel']);
  });

  it('the desk cannot deliver, refuse or cancel a booking’s request by hand: it moves with its booking', async () => {
    const db = await getDb();
    const room = await newRoom(w);
    const { representative: rep, companyId } = await newResident(w);
    const booking = await book(rep, companyId, room.id, '15:00', '16:00');
    for (const attempt of [
      () => deliverServiceRequest(db, { actor: w.manager, parkId: w.parkId, input: { requestId: booking.serviceRequestId, quantity: '1' } }),
      () => refuseServiceRequest(db, { actor: w.manager, parkId: w.parkId, input: { requestId: booking.serviceRequestId, reason: 'no' } }),
      () => cancelServiceRequest(db, { actor: rep, input: { requestId: booking.serviceRequestId } }),
    ])
      expect(await refusalOf(attempt())).toMatchObject({ code: 'INVALID_TRANSITION', key: 'serviceRequestIsBooking' });
  });

  it('once a booking has ended the scheduler records its request as done on the booking’s day in the park, once; it then counts in the summary’s services support', async () => {
    const db = await getDb();
    const park = await newWorld();
    const room = await newRoom(park);
    const { representative: rep, companyId } = await newResident(park);
    // Late on 31 December in the park (UTC+7) is still 31 December there, though 1 January has begun nowhere in UTC yet.
    const evening = await createResource(db, {
      actor: park.manager,
      parkId: park.parkId,
      input: { serviceId: park.serviceId, name: 'Evening room', opensAt: '18:00', closesAt: '24:00', weekdays: [1, 2, 3, 4, 5, 6, 7], slotMinutes: 6 },
    });
    const taken = await book(rep, companyId, room.id, '10:00', '12:30', TUESDAY);
    const late = await createBooking(db, { actor: rep, input: { resourceId: evening.id, companyId, date: '2029-12-31', startAt: '23:00', endAt: '23:54' }, now: new Date('2029-12-30T00:00:00Z') });
    expect(late.quantity).toBe('0.90');
    const dropped = await book(rep, companyId, room.id, '13:00', '14:00', TUESDAY);
    await cancelBooking(db, { actor: rep, input: { bookingId: dropped.id }, now: NOW });
    const upcoming = await book(rep, companyId, room.id, '10:00', '11:00', '2030-01-09');

    const afterTuesday = new Date('2030-01-08T06:00:00Z'); // 13:00 in the park
    expect(await completeFinishedBookings(db, { now: afterTuesday })).toBeGreaterThanOrEqual(2);
    expect(await completeFinishedBookings(db, { now: afterTuesday })).toBe(0);
    const status = async (id: string) => getServiceRequest(db, { actor: park.manager, requestId: id });
    expect(await status(taken.serviceRequestId)).toMatchObject({ status: 'done', doneOn: TUESDAY, quantity: '2.50', supportRub: '2500.00' });
    expect(await status(late.serviceRequestId)).toMatchObject({ status: 'done', doneOn: '2029-12-31', quantity: '0.90' });
    expect((await status(dropped.serviceRequestId)).status).toBe('cancelled');
    expect((await status(upcoming.serviceRequestId)).status).toBe('requested');
    expect((await status(taken.serviceRequestId)).history.map((h) => h.action)).toEqual(['serviceRequest.create', 'serviceRequest.deliver']);

    const summary = (year: number) => getParkSummary(db, { actor: systemActor('cli'), parkSlug: park.parkSlug, from: year, to: year, locale: 'en' });
    // (1500 − 500) × 2.5 hours on 8 January 2030; (1500 − 500) × 0.9 hours on 31 December 2029.
    expect((await summary(2030)).support.servicesRub).toBe('2500.00');
    expect((await summary(2029)).support.servicesRub).toBe('900.00');
  });
});

describe('the park’s managers are told', () => {
  /** Each person's notices of `kind` in the park, by user id. */
  async function noticesBy(userIds: string[], kind: string) {
    const db = await getDb();
    const rows = await db.select({ userId: notifications.userId, parkId: notifications.parkId, params: notifications.params, href: notifications.href }).from(notifications).where(and(inArray(notifications.userId, userIds), eq(notifications.kind, kind)));
    return Object.fromEntries(userIds.map((id) => [id, rows.filter((r) => r.userId === id)]));
  }

  it('when a company books: one notice to each manager of the park (and an e-mail), none to another park’s; a refused booking tells nobody', async () => {
    const db = await getDb();
    const park = await newWorld();
    const second = await makeManager(park.parkId);
    const elsewhere = await newWorld();
    const room = await newRoom(park, 'Notice room');
    const { representative: rep, companyId } = await newResident(park);
    const managers = [park.manager.userId, second.userId];
    const everyone = [...managers, elsewhere.manager.userId, rep.userId];
    const outboxBefore = (await db.select({ id: outbox.id }).from(outbox)).length;

    await book(rep, companyId, room.id, '10:00', '11:30');
    const told = await noticesBy(everyone, 'bookingCreated');
    for (const id of managers)
      expect(told[id]).toEqual([
        { userId: id, parkId: park.parkId, params: { company: expect.any(String), resource: 'Notice room', startsAt: `${TUESDAY} 10:00`, endsAt: '11:30' }, href: `/p/${park.parkSlug}/services/resources/${room.id}` },
      ]);
    expect(told[elsewhere.manager.userId]).toEqual([]);
    expect(told[rep.userId]).toEqual([]);
    // Each notice is also e-mailed, in the same transaction.
    expect((await db.select({ id: outbox.id }).from(outbox)).length - outboxBefore).toBe(2);

    expect(await codeOf(book(rep, companyId, room.id, '11:00', '12:00'))).toBe('CONFLICT');
    expect(Object.values(await noticesBy(everyone, 'bookingCreated')).map((n) => n.length)).toEqual([1, 1, 0, 0]);
  });

  it('when the company cancels: one notice to each manager of the park, none to another park’s; when the park cancels, the company is told instead', async () => {
    const db = await getDb();
    const park = await newWorld();
    const second = await makeManager(park.parkId);
    const elsewhere = await newWorld();
    const room = await newRoom(park);
    const { representative: rep, companyId } = await newResident(park);
    const managers = [park.manager.userId, second.userId];
    const everyone = [...managers, elsewhere.manager.userId, rep.userId];

    const dropped = await book(rep, companyId, room.id, '10:00', '11:00');
    await cancelBooking(db, { actor: rep, input: { bookingId: dropped.id }, now: NOW });
    const cancelled = await noticesBy(everyone, 'bookingCancelled');
    for (const id of managers) expect(cancelled[id]).toEqual([expect.objectContaining({ parkId: park.parkId, params: expect.objectContaining({ resource: room.name, startsAt: `${TUESDAY} 10:00` }) })]);
    expect(cancelled[elsewhere.manager.userId]).toEqual([]);
    expect(cancelled[rep.userId]).toEqual([]);

    const moved = await book(rep, companyId, room.id, '12:00', '13:00');
    await cancelBooking(db, { actor: park.manager, input: { bookingId: moved.id }, now: NOW });
    expect(Object.values(await noticesBy(everyone, 'bookingCancelled')).map((n) => n.length)).toEqual([1, 1, 0, 0]);
    expect(Object.values(await noticesBy(everyone, 'bookingCancelledByPark')).map((n) => n.length)).toEqual([0, 0, 0, 1]);
    // Both bookings were announced to each manager when made.
    expect(Object.values(await noticesBy(everyone, 'bookingCreated')).map((n) => n.length)).toEqual([2, 2, 0, 0]);
  });
});
