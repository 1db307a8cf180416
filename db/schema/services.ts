import { sql } from 'drizzle-orm';
import { boolean, check, date, index, numeric, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, money, requires, updatedAt } from './columns';
import { byUser, parkId } from './owners';
import { companies } from './companies';
import { serviceKind, serviceRequestStatus, serviceUnit } from './enums';

/**
 * The park's service catalogue: what it offers residents, per unit, at the market's price and at the
 * resident's. A price change applies to requests made afterwards: a request keeps the prices it was
 * made at. A service that is no longer offered is deactivated, never deleted (its requests name it).
 */
export const services = pgTable(
  'services',
  {
    id: id(),
    parkId: parkId(),
    /** The data set's key; null for services created in the product (their id is their key). */
    key: text('key'),
    name: text('name').notNull(),
    kind: serviceKind('kind').notNull(),
    unit: serviceUnit('unit').notNull(),
    marketPriceRub: money('market_price_rub').notNull(),
    residentPriceRub: money('resident_price_rub').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('services_park_key').on(t.parkId, t.key),
    index('services_park').on(t.parkId),
    check('services_prices_nonneg', sql`${t.residentPriceRub} >= 0 AND ${t.marketPriceRub} >= 0`),
    check('services_resident_le_market', sql`${t.residentPriceRub} <= ${t.marketPriceRub}`),
    check('services_name_present', sql`length(btrim(${t.name})) > 0`),
  ],
);

/**
 * A resident's request for a catalogue service. The unit prices are copied from the catalogue when the
 * request is made (and may be absent only on imported records that were never delivered), so what a
 * delivered request was worth never changes with the catalogue. The service belongs to the request's
 * park and the company holds a residency there on `requested_on` (a trigger in the migrations).
 * A booking of a room or equipment will be one more way to make a request of such a service.
 */
export const serviceRequests = pgTable(
  'service_requests',
  {
    id: id(),
    parkId: parkId(),
    /** The data set's key; null for requests made in the product (their id is their key). */
    key: text('key'),
    companyId: requires('company_id', () => companies.id),
    serviceId: requires('service_id', () => services.id),
    requestedOn: date('requested_on').notNull(),
    status: serviceRequestStatus('status').notNull().default('requested'),
    /** The day it was delivered: set exactly when `status` is `done`. */
    doneOn: date('done_on'),
    /** Units requested, then delivered (hours, days, items), two decimals. */
    quantity: numeric('quantity', { precision: 12, scale: 2 }).notNull(),
    unitPriceRub: money('unit_price_rub'),
    unitMarketPriceRub: money('unit_market_price_rub'),
    description: text('description'),
    /** The park's staff member handling it. */
    assigneeId: byUser('assignee_id'),
    /** Why it was cancelled or refused. */
    reason: text('reason'),
    /** The representative who asked; null for imported records. */
    requestedBy: byUser('requested_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('service_requests_park_key').on(t.parkId, t.key),
    index('service_requests_park_status').on(t.parkId, t.status, t.requestedOn),
    index('service_requests_park_done').on(t.parkId, t.doneOn),
    index('service_requests_company').on(t.companyId),
    index('service_requests_service').on(t.serviceId),
    check('service_requests_done_on', sql`(${t.status} = 'done') = (${t.doneOn} IS NOT NULL)`),
    check('service_requests_done_order', sql`${t.doneOn} IS NULL OR ${t.doneOn} >= ${t.requestedOn}`),
    check(
      'service_requests_done_prices',
      sql`${t.status} <> 'done' OR (${t.unitPriceRub} IS NOT NULL AND ${t.unitMarketPriceRub} IS NOT NULL)`,
    ),
    check('service_requests_quantity_positive', sql`${t.quantity} > 0`),
    check('service_requests_prices_nonneg', sql`${t.unitPriceRub} >= 0 AND ${t.unitMarketPriceRub} >= 0`),
  ],
);

export type CatalogueService = typeof services.$inferSelect;
export type NewCatalogueService = typeof services.$inferInsert;
export type ServiceRequest = typeof serviceRequests.$inferSelect;
export type NewServiceRequest = typeof serviceRequests.$inferInsert;
