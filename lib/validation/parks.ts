import { z } from 'zod';

export const parkSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'invalidSlug');

export const createParkSchema = z.strictObject({
  slug: parkSlugSchema,
  name: z.string().trim().min(1, 'required').max(200),
  region: z.string().trim().min(1, 'required').max(200),
  type: z.enum(['industrial', 'high_tech', 'mixed']),
  landAreaHa: z
    .string()
    .trim()
    .regex(/^\d{1,10}(\.\d{1,2})?$/, 'invalidDecimal')
    .nullish()
    .or(z.literal('').transform(() => null)),
  foundedOn: z.iso.date('invalidDate').nullish().or(z.literal('').transform(() => null)),
});

export type CreateParkInput = z.input<typeof createParkSchema>;
