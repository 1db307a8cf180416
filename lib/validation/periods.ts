import { z } from 'zod';
import { isRealDate } from '@/lib/dates';

/** A calendar date `YYYY-MM-DD` that exists (no 31 February): every form's and action's date field. */
export const dateSchema = z.string({ error: 'invalidDate' }).refine(isRealDate, { error: 'invalidDate' });

/** An optional date from a form: empty means none. */
export const optionalDateSchema = z
  .union([z.literal(''), z.null(), dateSchema])
  .optional()
  .transform((v) => v || null);

/** Optional free text from a form: trimmed, empty means none. */
export const optionalTextSchema = (max: number) =>
  z
    .union([z.null(), z.undefined(), z.string().trim().max(max, 'tooLong')])
    .transform((v) => (v ? v : null));

/** Refinement for a period whose end (inclusive, optional) may not come before its start. */
export const endNotBeforeStart =
  <K extends string, E extends string>(start: K, end: E) =>
  (value: Record<K | E, string | null>, ctx: z.RefinementCtx) => {
    const from = value[start];
    const to = value[end];
    if (from && to && to < from) ctx.addIssue({ code: 'custom', path: [end], message: 'endBeforeStart' });
  };
