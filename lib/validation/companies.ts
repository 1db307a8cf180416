import { z } from 'zod';
import { SME_CATEGORIES } from '@/db/schema/values';
import { isValidInn, isValidOgrn } from './inn';

export { SME_CATEGORIES };

/**
 * An optional text field as a form sends it: '' and missing become null. It accepts its own output
 * (null), so the client, the action and the domain function can each parse the same value.
 */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .nullish()
    .transform((v) => (v ? v : null));

/** INN with message keys the forms translate (`validation.innFormat`, `validation.innCheck`). */
export const companyInnSchema = z
  .string()
  .trim()
  .regex(/^(\d{10}|\d{12})$/, { error: 'innFormat', abort: true })
  .refine(isValidInn, { error: 'innCheck' });

/** OGRN is optional; when given, its check digit must match. */
export const companyOgrnSchema = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^(\d{13}|\d{15})$/.test(v), { error: 'ogrnFormat', abort: true })
  .refine((v) => v === null || isValidOgrn(v), { error: 'ogrnCheck' });

export const companySchema = z.strictObject({
  name: z.string().trim().min(1, 'required').max(300, 'tooLong'),
  inn: companyInnSchema,
  ogrn: companyOgrnSchema,
  smeCategory: z.enum(SME_CATEGORIES),
  industry: optionalText(200),
  manufacturing: z.boolean(),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'tooLong')
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || z.email().safeParse(v).success, { error: 'invalidEmail' }),
  contactPhone: optionalText(50),
  address: optionalText(500),
});

export const updateCompanySchema = companySchema.extend({ companyId: z.uuid() });

export const addRepresentativeSchema = z.strictObject({
  companyId: z.uuid(),
  email: z.string().trim().toLowerCase().max(254, 'tooLong').pipe(z.email({ message: 'invalidEmail' })),
});

export const answerInvitationSchema = z.strictObject({
  invitationId: z.uuid(),
  accept: z.boolean(),
});

export type CompanyInput = z.input<typeof companySchema>;
export type UpdateCompanyInput = z.input<typeof updateCompanySchema>;
