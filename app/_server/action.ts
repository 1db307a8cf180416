import 'server-only';
import { after } from 'next/server';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { AppError, type FieldErrors } from '@/lib/errors';
import { flushOutboxInBackground, smtpConfigured } from '@/lib/notifications/mailer';
import { fieldErrorsOf } from '@/lib/validation/parse';
import type { Actor } from '@/lib/auth/actor';
import { getActor } from './session';
import { loggerFor } from '@/lib/log/logger';

export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; fieldErrors?: FieldErrors; formError?: string };

type UserActor = Extract<Actor, { type: 'user' }>;

/** The message for an error in the reader's language; unknown errors are logged and shown generically. */
export async function describeError(error: unknown): Promise<{ formError: string; fieldErrors?: FieldErrors }> {
  const t = await getTranslations('errors');
  if (error instanceof AppError) {
    const key = error.key && t.has(error.key) ? error.key : t.has(error.code) ? error.code : null;
    const params = Object.fromEntries(
      Object.entries(error.params ?? {}).map(([k, v]) => [k, typeof v === 'string' && t.has(`entities.${v}`) ? t(`entities.${v}`) : v]),
    );
    // A refusal of fields without words of its own: the fields say what is wrong, in the reader's
    // language; the form only points at them (never the English line meant for logs and the CLI).
    const tv = await getTranslations('validation');
    const fieldMessages = Object.values(error.fieldErrors ?? {}).flat();
    if (error.code === 'VALIDATION' && !error.key && fieldMessages.length && fieldMessages.every((m) => tv.has(m)))
      return { formError: t('checkFields'), fieldErrors: error.fieldErrors };
    const text = key && (error.code !== 'VALIDATION' || error.key) ? t(key, params) : error.message;
    return { formError: text, fieldErrors: error.fieldErrors };
  }
  loggerFor('action').error({ err: error }, 'unexpected error');
  return { formError: t('unexpected') };
}

/**
 * A refusal in one sentence, for a page or a download that has no form to place field errors on: a
 * VALIDATION without its own key says what is wrong with the first field (`validation.*`), in the
 * reader's language; anything else as describeError words it.
 */
export async function describeRefusal(error: AppError): Promise<string> {
  const tv = await getTranslations('validation');
  const field = Object.values(error.fieldErrors ?? {})[0]?.[0];
  if (error.code === 'VALIDATION' && !error.key && field && tv.has(field)) return tv(field);
  return (await describeError(error)).formError;
}

/**
 * The one wrapper every server action goes through: the session, the form's own zod schema, and
 * errors turned into `{ ok: false, fieldErrors, formError }`. The domain function it calls checks
 * permissions itself; this wrapper never decides who may do what.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  handler: (data: z.output<S>, actor: UserActor) => Promise<T>,
): Promise<ActionResult<T>> {
  const actor = await getActor();
  if (!actor || actor.type !== 'user') {
    const t = await getTranslations('errors');
    return { ok: false, formError: t('unauthenticated') };
  }
  return runWith(schema, input, (data) => handler(data, actor));
}

/**
 * Like runAction, for the actions on a person's own account (the second factor), which a person
 * who must still set up their second factor may use too.
 */
export async function runAccountAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  handler: (data: z.output<S>, actor: Extract<Actor, { type: 'user' | 'enrolling' }>) => Promise<T>,
): Promise<ActionResult<T>> {
  const actor = await getActor();
  if (!actor || (actor.type !== 'user' && actor.type !== 'enrolling')) {
    const t = await getTranslations('errors');
    return { ok: false, formError: t('unauthenticated') };
  }
  return runWith(schema, input, (data) => handler(data, actor));
}

/** Like runAction, for the few actions that need no session (sign-in, sign-up). */
export async function runPublicAction<S extends z.ZodType, T>(schema: S, input: unknown, handler: (data: z.output<S>) => Promise<T>): Promise<ActionResult<T>> {
  return runWith(schema, input, handler);
}

/**
 * A change that notified someone has queued their e-mail; with SMTP configured it goes out once the
 * response is on its way, so the person acting never waits on the mail server nor sees its errors.
 */
function sendQueuedMail(): void {
  if (!smtpConfigured()) return;
  try {
    after(flushOutboxInBackground);
  } catch (error) {
    loggerFor('action').error({ err: error }, 'could not schedule the outbox flush');
  }
}

async function runWith<S extends z.ZodType, T>(schema: S, input: unknown, handler: (data: z.output<S>) => Promise<T>): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const t = await getTranslations('errors');
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), formError: t('checkFields') };
  }
  try {
    const data = await handler(parsed.data);
    sendQueuedMail();
    return { ok: true, data };
  } catch (error) {
    // Next's redirect() and notFound() travel as exceptions; let them through (a redirect is a success).
    if (error && typeof error === 'object' && 'digest' in error && typeof (error as { digest: unknown }).digest === 'string') {
      const digest = (error as { digest: string }).digest;
      if (digest.startsWith('NEXT_REDIRECT')) sendQueuedMail();
      if (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK')) throw error;
    }
    const { formError, fieldErrors } = await describeError(error);
    return { ok: false, formError, fieldErrors };
  }
}
