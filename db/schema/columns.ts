import { sql } from 'drizzle-orm';
import { check, numeric, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

// The column kinds the tables share, so that a money amount, a moment or a row's ownership is
// declared the same way everywhere. Each helper returns a new builder: drizzle binds a builder to
// the one table it is declared in, so builders are never shared between tables.

/** The surrogate key of (nearly) every table. */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** A moment in time: always stored with its time zone. */
export const moment = (name: string) => timestamp(name, { withTimezone: true });

/** When the row was inserted. */
export const createdAt = () => moment('created_at').notNull().defaultNow();

/** When the row last changed; the code that changes it sets it. */
export const updatedAt = () => moment('updated_at').notNull().defaultNow();

/** Roubles and kopecks, exactly. */
export const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

/** Square metres (or hectares) to the hundredth. */
export const area = (name: string) => numeric(name, { precision: 12, scale: 2 });

/** The row this one belongs to: required, and deleted with it. */
export const ownedBy = (name: string, target: () => AnyPgColumn) =>
  uuid(name).notNull().references(target, { onDelete: 'cascade' });

/** A required reference that keeps the row it names from being deleted. */
export const requires = (name: string, target: () => AnyPgColumn) => uuid(name).notNull().references(target);

/** A period whose end, when it has one, is not before its start. */
export const periodInOrder = (name: string, start: AnyPgColumn, end: AnyPgColumn) =>
  check(name, sql`${end} IS NULL OR ${end} >= ${start}`);

/** The years the product reports on; anything outside is a typing error. */
export const yearInRange = (name: string, year: AnyPgColumn) => check(name, sql`${year} BETWEEN 1900 AND 2200`);
