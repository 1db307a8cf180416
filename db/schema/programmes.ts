import { sql } from 'drizzle-orm';
import { check, integer, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { indicatorDirection, indicatorValueKind } from './enums';
import { parks } from './parks';

export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('programmes_park_key').on(t.parkId, t.key)],
);

export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    direction: indicatorDirection('direction').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique('indicators_programme_key').on(t.programmeId, t.key)],
);

export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    kind: indicatorValueKind('kind').notNull(),
    value: numeric('value', { precision: 20, scale: 6 }).notNull(),
  },
  (t) => [
    unique('indicator_values_indicator_year_kind').on(t.indicatorId, t.year, t.kind),
    check('indicator_values_year_range', sql`${t.year} BETWEEN 1900 AND 2200`),
  ],
);

export type Programme = typeof programmes.$inferSelect;
export type Indicator = typeof indicators.$inferSelect;
export type IndicatorValue = typeof indicatorValues.$inferSelect;
