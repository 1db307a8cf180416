import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { area, createdAt, id, requires } from './columns';
import { parkId } from './owners';
import { premisesKind } from './enums';

export const buildings = pgTable(
  'buildings',
  {
    id: id(),
    parkId: parkId(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('buildings_park_key').on(t.parkId, t.key)],
);

export const premises = pgTable(
  'premises',
  {
    id: id(),
    parkId: parkId(),
    buildingId: requires('building_id', () => buildings.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    kind: premisesKind('kind').notNull(),
    areaM2: area('area_m2').notNull(),
    availableFrom: date('available_from'),
    /** Retiring a unit sets this date; the unit and its leases stay for history. */
    availableTo: date('available_to'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('premises_park_key').on(t.parkId, t.key),
    index('premises_park').on(t.parkId),
    index('premises_building').on(t.buildingId),
    check('premises_area_positive', sql`${t.areaM2} > 0`),
    check(
      'premises_availability_order',
      sql`${t.availableFrom} IS NULL OR ${t.availableTo} IS NULL OR ${t.availableTo} >= ${t.availableFrom}`,
    ),
  ],
);

export type Building = typeof buildings.$inferSelect;
export type Premises = typeof premises.$inferSelect;
