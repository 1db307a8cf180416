import { z } from 'zod';

/** A whole number as a form sends it ('' or a string of digits); `empty` is what '' stands for. Accepts its own output. */
export const wholeNumber = <E extends number | null>(min: number, max: number, message: string, empty: E) =>
  z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? empty : typeof v === 'string' ? Number(v.trim()) : v),
    empty === null
      ? z.number({ error: message }).int(message).min(min, message).max(max, message).nullable()
      : z.number({ error: message }).int(message).min(min, message).max(max, message),
  ) as unknown as z.ZodType<E extends null ? number | null : number, string | number | null | undefined>;
