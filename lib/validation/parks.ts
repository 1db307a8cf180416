import { z } from 'zod';
import { PARK_TYPES } from '@/db/schema/values';
import { areaField } from './amounts';
import { optionalDateSchema } from './periods';
import { wholeNumber } from './numbers';
import { timeZoneSchema } from './time-zones';

export const parkSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'invalidSlug');

export const createParkSchema = z.strictObject({
  slug: parkSlugSchema,
  name: z.string().trim().min(1, 'required').max(200),
  region: z.string().trim().min(1, 'required').max(200),
  type: z.enum(PARK_TYPES),
  landAreaHa: areaField({ empty: 'null', zero: 'allowed' }),
  foundedOn: optionalDateSchema,
  /** Absent: the installation's zone (the column's default). */
  timeZone: timeZoneSchema.optional(),
});

/** An admin moves a park to another time zone. */
export const parkTimeZoneSchema = z.strictObject({
  parkId: z.uuid(),
  timeZone: timeZoneSchema,
});

/** How many days a service request may stay open before the desk calls it overdue (parks_service_target_days_range). */
export const parkServiceTargetSchema = z.strictObject({
  parkId: z.uuid(),
  serviceTargetDays: wholeNumber(1, 365, 'serviceTargetDaysRange', Number.NaN),
});

export type CreateParkInput = z.input<typeof createParkSchema>;

export type ParkTimeZoneInput = z.input<typeof parkTimeZoneSchema>;

export type ParkServiceTargetInput = z.input<typeof parkServiceTargetSchema>;
