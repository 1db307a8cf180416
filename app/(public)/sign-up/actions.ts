'use server';

import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { runPublicAction, type ActionResult } from '@/app/_server/action';
import { getDb } from '@/db/client';
import type { Locale } from '@/lib/i18n/locales';
import { confirmSignUp, requestSignUp } from '@/lib/users/sign-up';
import { signUpSchema } from '@/lib/validation/users';

/** Sends the confirmation link (or, for an e-mail that has an account, a notice to it); the answer is the same either way. */
export async function signUpAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  return runPublicAction(signUpSchema, input, async (data) => requestSignUp(await getDb(), data, { locale: (await getLocale()) as Locale }));
}

const confirmSchema = z.strictObject({ token: z.string().max(4000) });

export async function confirmSignUpAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  return runPublicAction(confirmSchema, input, async ({ token }) => confirmSignUp(await getDb(), token));
}
