import { localMoment, zoneLabel } from '@/lib/dates';
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

/**
 * A quantity (hours, days, items: two decimals at most) without trailing zeros, "1.5" beside "2", so a
 * list of them reads alike. Formatting only, never arithmetic.
 */
export function formatQuantity(value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  return numberFormat(intlLocale(locale), { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(exact(value));
}

/** A quantity as a form field shows it: plain digits, no trailing zeros ("1.50" → "1.5", "2.00" → "2"). */
export function plainQuantity(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

export function formatArea(value: string | number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  return `${numberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(Number(value))} m²`;
}

export function formatNumber(value: number | string | null | undefined, locale: Locale, digits = 0): string {
  if (value === null || value === undefined || value === '') return '—';
  return numberFormat(intlLocale(locale), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(Number(value));
}

/** A document's size for a reader: "340 KB", "1.5 MB" ("1,5 МБ"); at least 1 KB. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const mb = bytes / 1024 / 1024;
  if (mb >= 1) return numberFormat(intlLocale(locale), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(mb);
  return numberFormat(intlLocale(locale), { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024)));
}

/**
 * A difference, signed: "+RUB 1,250,000.00", "−3", "+12.5%"; zero unsigned; '—' when unknown. Money as
 * an exact decimal string, counts as whole numbers, percentages with one decimal.
 */
export function formatChange(value: string | number | null | undefined, locale: Locale, kind: 'rub' | 'number' | 'pct'): string {
  if (value === null || value === undefined || value === '') return '—';
  const options: Intl.NumberFormatOptions =
    kind === 'rub'
      ? { style: 'currency', currency: 'RUB', minimumFractionDigits: 2, signDisplay: 'exceptZero' }
      : kind === 'pct'
        ? { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }
        : { maximumFractionDigits: 0, signDisplay: 'exceptZero' };
  const text = numberFormat(intlLocale(locale), options).format(exact(value));
  return kind === 'pct' ? `${text}%` : text;
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

/**
 * A moment on a page, in the reader's language and `zone` (the park's, or the reader's outside a
 * park: lib/dates.ts), the zone named so no one reads it on another clock: "1 Apr 2026, 01:30 GMT+7".
 */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale, zone: string): string {
  if (!value) return '—';
  return dateFormat(intlLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', timeZone: zone }).format(new Date(value));
}

/** A moment's time of day alone, with seconds and the zone named ("15:45:18 GMT+7"): when a draft was last saved. */
export function formatTime(value: Date | string, locale: Locale, zone: string): string {
  return dateFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short', timeZone: zone }).format(new Date(value));
}

/**
 * A moment inside a one-line message (an error, a CLI line) that reads the same in both languages:
 * `2026-03-01 14:05 GMT+3`, in `zone`.
 */
export function formatMoment(value: Date | string, zone: string): string {
  const moment = new Date(value);
  return `${localMoment(moment, zone).replace('T', ' ')} ${zoneLabel(zone, moment)}`;
}
