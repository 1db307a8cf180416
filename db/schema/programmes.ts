import { integer, numeric, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, ownedBy, yearInRange } from './columns';
import { parkId } from './owners';
import { indicatorDirection, indicatorValueKind } from './enums';

export const programmes = pgTable(
  'programmes',
  {
    id: id(),
    parkId: parkId(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('programmes_park_key').on(t.parkId, t.key)],
);

export const indicators = pgTable(
  'indicators',
  {
    id: id(),
    programmeId: ownedBy('programme_id', () => programmes.id),
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
    id: id(),
    indicatorId: ownedBy('indicator_id', () => indicators.id),
    year: integer('year').notNull(),
    kind: indicatorValueKind('kind').notNull(),
    value: numeric('value', { precision: 20, scale: 6 }).notNull(),
  },
  (t) => [
    unique('indicator_values_indicator_year_kind').on(t.indicatorId, t.year, t.kind),
    yearInRange('indicator_values_year_range', t.year),
  ],
);

export type Programme = typeof programmes.$inferSelect;
export type Indicator = typeof indicators.$inferSelect;
export type IndicatorValue = typeof indicatorValues.$inferSelect;
