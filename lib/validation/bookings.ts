import { z } from 'zod';
import { BOOKING_SLOT_MINUTES, WEEKDAYS } from '@/db/schema/values';
import { dateSchema, optionalTextSchema } from './periods';

export { BOOKING_SLOT_MINUTES, WEEKDAYS };

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * A time of day on the park's clock as a form writes it, `HH:MM`, read as minutes from midnight;
 * `endOfDay` also accepts `24:00` (midnight at the end of the day), for a closing or ending time.
 */
export const clockField = ({ endOfDay = false } = {}) =>
  z.union([z.string(), z.number()], { error: 'invalidTime' }).transform((raw, ctx) => {
    // It accepts its own output (minutes), as the action parses and then the domain function again.
    if (typeof raw === 'number') {
      if (Number.isInteger(raw) && raw >= 0 && raw <= (endOfDay ? 1440 : 1439)) return raw;
      ctx.addIssue({ code: 'custom', message: 'invalidTime' });
      return z.NEVER;
    }
    const value = raw.trim();
    if (endOfDay && value === '24:00') return 1440;
    const match = CLOCK.exec(value);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: value === '' ? 'required' : 'invalidTime' });
      return z.NEVER;
    }
    return Number(match[1]) * 60 + Number(match[2]);
  });

export { clockOf } from './clock';

const slotField = z.coerce
  .number({ error: 'bookingSlotInvalid' })
  .refine((v): v is (typeof BOOKING_SLOT_MINUTES)[number] => (BOOKING_SLOT_MINUTES as readonly number[]).includes(v), { error: 'bookingSlotInvalid' });

const weekdaysField = z
  .array(z.coerce.number().int().min(1).max(7), { error: 'bookingWeekdaysRequired' })
  .min(1, 'bookingWeekdaysRequired')
  .transform((days) => [...new Set(days)].sort((a, b) => a - b));

const resourceFields = {
  serviceId: z.uuid({ error: 'bookingServiceRequired' }),
  name: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  description: optionalTextSchema(2000).optional().transform((v) => v ?? null),
  opensAt: clockField(),
  closesAt: clockField({ endOfDay: true }),
  weekdays: weekdaysField,
  slotMinutes: slotField,
};

/** The opening window is not empty and holds a whole number of slots. */
function windowOnGrid(value: { opensAt: number; closesAt: number; slotMinutes: number }, ctx: z.RefinementCtx) {
  if (typeof value.opensAt !== 'number' || typeof value.closesAt !== 'number' || typeof value.slotMinutes !== 'number') return;
  if (value.closesAt <= value.opensAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'bookingHoursOrder' });
  else if ((value.closesAt - value.opensAt) % value.slotMinutes !== 0) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'bookingHoursOffGrid' });
}

export const createResourceSchema = z.strictObject(resourceFields).superRefine(windowOnGrid);

export const updateResourceSchema = z.strictObject({ resourceId: z.uuid(), ...resourceFields, active: z.boolean().default(true) }).superRefine(windowOnGrid);

export const resourceIdSchema = z.strictObject({ resourceId: z.uuid() });

/** A booking as a representative asks for it: a day and a start and end time on the park's clock. */
export const createBookingSchema = z
  .strictObject({
    resourceId: z.uuid({ error: 'bookingResourceRequired' }),
    companyId: z.uuid({ error: 'required' }),
    date: dateSchema,
    startAt: clockField(),
    endAt: clockField({ endOfDay: true }),
  })
  .superRefine((value, ctx) => {
    if (typeof value.startAt === 'number' && typeof value.endAt === 'number' && value.endAt <= value.startAt)
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'bookingEndBeforeStart' });
  });

export const cancelBookingSchema = z.strictObject({ bookingId: z.uuid() });

/** A calendar page's query: the day or the week around `date` (the park's today when absent or not a date). */
export const calendarQuerySchema = z.object({
  view: z.enum(['day', 'week']).catch('week'),
  date: dateSchema.optional().catch(undefined),
});

/** The park's rule: up to how many hours before its start a company may cancel a booking (0 … 720, a month). */
export const bookingNoticeSchema = z.strictObject({
  hours: z.coerce.number({ error: 'bookingNoticeRange' }).int('bookingNoticeRange').min(0, 'bookingNoticeRange').max(720, 'bookingNoticeRange'),
});

export type ResourceFields = z.output<typeof createResourceSchema>;
export type CreateResourceInput = z.input<typeof createResourceSchema>;
export type UpdateResourceInput = z.input<typeof updateResourceSchema>;
export type CreateBookingInput = z.input<typeof createBookingSchema>;
export type CalendarQuery = z.output<typeof calendarQuerySchema>;
