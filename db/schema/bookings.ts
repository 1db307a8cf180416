import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, moment, requires } from './columns';
import { byUser, parkId } from './owners';
import { companies } from './companies';
import { bookingStatus } from './enums';
import { serviceRequests, services } from './services';

/**
 * A room or a piece of equipment the park lets residents book by the hour. Its prices are those of the
 * catalogue service it names (a room or equipment service priced per hour). Opening hours are one
 * daily window on the park's clock, in minutes from midnight (closing at 1440 is midnight), on the
 * ISO weekdays listed (1 = Monday … 7 = Sunday); bookings start and end on the slot grid counted from
 * the opening time.
 */
export const bookableResources = pgTable(
  'bookable_resources',
  {
    id: id(),
    parkId: parkId(),
    serviceId: requires('service_id', () => services.id),
    name: text('name').notNull(),
    description: text('description'),
    opensMinute: integer('opens_minute').notNull(),
    closesMinute: integer('closes_minute').notNull(),
    weekdays: integer('weekdays').array().notNull(),
    slotMinutes: integer('slot_minutes').notNull().default(30),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    unique('bookable_resources_park_name').on(t.parkId, t.name),
    index('bookable_resources_service').on(t.serviceId),
    check('bookable_resources_name_present', sql`length(btrim(${t.name})) > 0`),
    check('bookable_resources_hours', sql`${t.opensMinute} >= 0 AND ${t.closesMinute} <= 1440 AND ${t.opensMinute} < ${t.closesMinute}`),
    check('bookable_resources_slot', sql`${t.slotMinutes} IN (6, 15, 30, 60) AND (${t.closesMinute} - ${t.opensMinute}) % ${t.slotMinutes} = 0`),
    check('bookable_resources_weekdays', sql`cardinality(${t.weekdays}) > 0 AND ${t.weekdays} <@ ARRAY[1, 2, 3, 4, 5, 6, 7]`),
  ],
);

/**
 * A company's booking of a resource from `starts_at` to `ends_at`. Each booking is also a service
 * request of the resource's service (quantity = hours, the prices of the moment it was booked), which
 * the scheduler records as done once the booking has ended. Two live bookings of one resource never
 * overlap (bookings_no_overlap, an exclusion constraint in the migrations).
 */
export const bookings = pgTable(
  'bookings',
  {
    id: id(),
    parkId: parkId(),
    resourceId: requires('resource_id', () => bookableResources.id),
    companyId: requires('company_id', () => companies.id),
    serviceRequestId: requires('service_request_id', () => serviceRequests.id),
    startsAt: moment('starts_at').notNull(),
    endsAt: moment('ends_at').notNull(),
    status: bookingStatus('status').notNull().default('booked'),
    bookedBy: byUser('booked_by'),
    cancelledBy: byUser('cancelled_by'),
    cancelledAt: moment('cancelled_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('bookings_service_request').on(t.serviceRequestId),
    index('bookings_resource_starts').on(t.resourceId, t.startsAt),
    index('bookings_company').on(t.companyId),
    check('bookings_period_order', sql`${t.endsAt} > ${t.startsAt}`),
    check('bookings_cancelled', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} IS NOT NULL)`),
  ],
);

export type BookableResource = typeof bookableResources.$inferSelect;
export type Booking = typeof bookings.$inferSelect;
