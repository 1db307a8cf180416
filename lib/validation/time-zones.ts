import { z } from 'zod';
import { isTimeZone } from '@/lib/dates';

/** An IANA time zone this runtime knows (`Asia/Tomsk`); anything else is refused with `invalidTimeZone`. */
export const timeZoneSchema = z.string().trim().refine(isTimeZone, 'invalidTimeZone');

/** A person's own zone for the pages outside a park; empty: the installation's. */
export const myTimeZoneSchema = z.strictObject({
  timeZone: z.union([z.literal(''), timeZoneSchema]),
});

export type MyTimeZoneInput = z.input<typeof myTimeZoneSchema>;
