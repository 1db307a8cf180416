import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_TIME_ZONE } from '@/lib/dates';
import { isLocale, negotiateLocale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';

export default getRequestConfig(async () => {
  const cookie = (await cookies()).get('locale')?.value;
  const locale = isLocale(cookie) ? cookie : negotiateLocale((await headers()).get('accept-language'));
  return { locale, messages: messagesFor(locale), timeZone: DEFAULT_TIME_ZONE };
});
