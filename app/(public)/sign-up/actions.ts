'use server';

import { getLocale } from 'next-intl/server';
import { signIn } from '@/app/_server/auth';
import { runPublicAction, type ActionResult } from '@/app/_server/action';
import { getDb } from '@/db/client';
import type { Locale } from '@/lib/i18n/locales';
import { signUp } from '@/lib/users/users';
import { signUpSchema } from '@/lib/validation/users';

export async function signUpAction(input: unknown): Promise<ActionResult<null>> {
  return runPublicAction(signUpSchema, input, async (data) => {
    await signUp(await getDb(), data, { locale: (await getLocale()) as Locale });
    await signIn('credentials', { email: data.email, password: data.password, redirect: false });
    return null;
  });
}
