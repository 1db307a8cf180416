import { isRealDate } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/locales';

/**
 * A date inside a sentence: "1 Mar 2024" in English; "01.03.2024" in Russian, as Russian business
 * letters write it (the "1 мар. 2024 г." form would end a sentence in "г..").
 */
function sentenceDate(iso: string, locale: Locale): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return locale === 'ru'
    ? new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date)
    : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * A notification's parameters as a reader sees them: calendar dates (stored as ISO strings, so the
 * record stays language-neutral) written the reader's way, everything else as it is.
 */
export function displayParams(params: Record<string, string | number>, locale: Locale): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && isRealDate(v) ? sentenceDate(v, locale) : v]));
}
