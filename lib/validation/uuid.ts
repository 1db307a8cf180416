import { z } from 'zod';

/**
 * The one check that a string is a row id, the same `z.uuid()` the forms' schemas use. Pages, routes
 * and domain functions ask it before an id from a URL reaches SQL: PostgreSQL refuses a malformed
 * `::uuid` with an error, and a malformed id is simply a record that does not exist.
 */
export const uuidSchema = z.uuid();

export const isUuid = (value: unknown): value is string => uuidSchema.safeParse(value).success;
