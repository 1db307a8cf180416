'use server';

import { cookies, headers } from 'next/headers';
import { getDb } from '@/db/client';
import { getActor } from '@/app/_server/session';
import { isLocale } from '@/lib/i18n/locales';
import { setMyLocale } from '@/lib/users/users';
import { servedOverHttps } from './https';
import { loggerFor } from '@/lib/log/logger';

export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set('locale', locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', secure: servedOverHttps(await headers()) });
  // Signed in, the choice is also the language of the person's e-mail; the switch works regardless.
  try {
    const actor = await getActor();
    if (actor?.type === 'user') await setMyLocale(await getDb(), { actor, locale });
  } catch (error) {
    loggerFor('locale').error({ err: error }, 'could not keep the chosen language');
  }
}
