import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_TIME_ZONE } from '@/lib/dates';
import { isLocale, negotiateLocale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';
import { getActor } from './session';

/**
 * The language of a request: the signed-in person's stored choice (so it follows them to every
 * device), else the language cookie of this browser, else the browser's Accept-Language.
 */
export default getRequestConfig(async () => {
  const actor = (await cookies()).size ? await getActor().catch(() => null) : null;
  const stored = actor && (actor.type === 'user' || actor.type === 'enrolling') ? actor.locale : null;
  const cookie = (await cookies()).get('locale')?.value;
  const locale = isLocale(stored) ? stored : isLocale(cookie) ? cookie : negotiateLocale((await headers()).get('accept-language'));
  return { locale, messages: messagesFor(locale), timeZone: DEFAULT_TIME_ZONE };
});
