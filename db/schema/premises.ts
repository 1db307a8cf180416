import { sql } from 'drizzle-orm';
import { check, date, index, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { premisesKind } from './enums';
import { parks } from './parks';

export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('buildings_park_key').on(t.parkId, t.key)],
);

export const premises = pgTable(
  'premises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    kind: premisesKind('kind').notNull(),
    areaM2: numeric('area_m2', { precision: 12, scale: 2 }).notNull(),
    availableFrom: date('available_from'),
    /** Retiring a unit sets this date; the unit and its leases stay for history. */
    availableTo: date('available_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('premises_park_key').on(t.parkId, t.key),
    index('premises_park').on(t.parkId),
    check('premises_area_positive', sql`${t.areaM2} > 0`),
    check(
      'premises_availability_order',
      sql`${t.availableFrom} IS NULL OR ${t.availableTo} IS NULL OR ${t.availableTo} >= ${t.availableFrom}`,
    ),
  ],
);

export type Building = typeof buildings.$inferSelect;
export type Premises = typeof premises.$inferSelect;
