import type { z } from 'zod';
import { AppError, type FieldErrors } from '@/lib/errors';
import en from '@/lib/i18n/messages/en/common.json';

const english = en.validation as Record<string, string>;

/** Schemas carry catalogue keys (`passwordTooShort`) so forms show them translated; text outside a page is English. */
export const inEnglish = (message: string) => english[message]?.replace(/\.$/, '').toLowerCase() ?? message;

/** Field errors keyed by dotted path, from a zod error. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Validates input with the form's own schema; refusals become one VALIDATION AppError naming the fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors = fieldErrorsOf(result.error);
  const [first] = Object.entries(fieldErrors);
  throw new AppError('VALIDATION', first ? `${first[0]}: ${inEnglish(first[1][0])}` : 'invalid input', { fieldErrors });
}
