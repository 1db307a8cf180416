import { DEFAULT_TIME_ZONE, DEFAULT_TIME_ZONE_LABEL, localMoment } from '@/lib/dates';
import type { Locale } from './locales';

const intlLocale = (locale: Locale) => (locale === 'ru' ? 'ru-RU' : 'en-GB');

/*
 * Building an Intl formatter costs far more than using one (a page of figures built thousands), and a
 * formatter is immutable: one per locale and options, kept for the life of the process. The keys are
 * the few fixed option sets of this file, so the maps stay small.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/**
 * Intl formats a decimal string exactly (Intl.NumberFormat v3); a Number would round kopecks away
 * above 2^53 kopecks (about 90 trillion roubles). Engines without v3 read the string as a Number.
 */
const exact = (value: string | number) => value as Intl.StringNumericLiteral | number;

/** Roubles with kopecks from an exact decimal string; formatting only, never arithmetic. */
export function formatRub(value: string | null | undefined, locale: Locale, options: { compact?: boolean } = {}): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (options.compact) {
    const abs = Math.abs(n);
    const [div, unit] =
      abs >= 1e9 ? [1e9, locale === 'ru' ? 'млрд ₽' : 'bn RUB'] : abs >= 1e6 ? [1e6, locale === 'ru' ? 'млн ₽' : 'M RUB'] : [1, locale === 'ru' ? '₽' : 'RUB'];
    // At least three significant figures: 1.02 bn (not "1 bn" for 1,021,000,000), 25.4 M, 920.3 M.
    const digits = div === 1 || Math.abs(n / div) < 10 ? 2 : 1;
    return `${numberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(n / div)} ${unit}`;
  }
  return numberFormat(intlLocale(locale), { style: 'currency', currency: 'RUB', minimumFractionDigits: 2 }).format(exact(value));
}

/**
 * An amount under a column already headed in roubles: digits only, kopecks shown only when there are
 * any ("9 000 000", "12 500,50"). Formatting only, never arithmetic.
 */
export function formatAmount(value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  const whole = /^-?\d+(\.0+)?$/.test(value);
  return numberFormat(intlLocale(locale), { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(exact(value));
}

export function formatArea(value: string | number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  return `${numberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(Number(value))} m²`;
}

export function formatNumber(value: number | string | null | undefined, locale: Locale, digits = 0): string {
  if (value === null || value === undefined || value === '') return '—';
  return numberFormat(intlLocale(locale), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(Number(value));
}

export function formatPct(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  return `${numberFormat(intlLocale(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)}%`;
}

/** A calendar date (`YYYY-MM-DD`) in the reader's language, without time-zone drift. */
export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return dateFormat(intlLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A moment on a page, in the reader's language and the installation's time zone. */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale): string {
  if (!value) return '—';
  return dateFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: DEFAULT_TIME_ZONE }).format(new Date(value));
}

/** A moment people could misread without its zone (a meeting's start, a voting deadline): as formatDateTime, zone named. */
export function formatDateTimeWithZone(value: Date | string, locale: Locale): string {
  return `${formatDateTime(value, locale)} ${DEFAULT_TIME_ZONE_LABEL}`;
}

/**
 * A moment inside a one-line message (an error, a CLI line) that reads the same in both languages:
 * `2026-03-01 14:05 MSK`, in the installation's time zone.
 */
export function formatMoment(value: Date | string): string {
  return `${localMoment(new Date(value)).replace('T', ' ')} ${DEFAULT_TIME_ZONE_LABEL}`;
}
