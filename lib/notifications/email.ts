import 'server-only';
import { createTranslator } from 'use-intl/core';
import { DEFAULT_TIME_ZONE } from '@/lib/dates';
import { isLocale, primaryLocale, type Locale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';
import { displayParams } from './params';

export type NotificationEmail = { subject: string; body: string };

export type NotificationEmailInput = {
  /** The recipient's `users.locale`; anything but one of ours means the parks' own language. */
  locale: string | null;
  kind: string;
  params: Record<string, string | number>;
  href: string | null;
  /** The park's name, when the notification belongs to one. */
  park: string | null;
  /** Words a person wrote for the recipient (a return comment, a rejection reason), quoted as they are. */
  note?: string | null;
};

const SUBJECT_MESSAGE_LENGTH = 120;
const translators = new Map<Locale, ReturnType<typeof createTranslator>>();

function translatorFor(locale: Locale) {
  let t = translators.get(locale);
  if (!t) {
    // The messages format no moment themselves: a notice's times come written on its park's clock (formatMoment).
    t = createTranslator({ locale, messages: messagesFor(locale), timeZone: DEFAULT_TIME_ZONE });
    translators.set(locale, t);
  }
  return t;
}

export function emailLocale(stored: string | null): Locale {
  return isLocale(stored) ? stored : primaryLocale;
}

const LOCAL_BASE_URL = 'http://localhost:3000';

/** Where the installation is reached from outside: AUTH_URL, else APP_URL, else the local default. */
export function appBaseUrl(): string {
  return process.env.AUTH_URL || process.env.APP_URL || LOCAL_BASE_URL;
}

/**
 * What a production server says at start when links in e-mail would point at localhost (neither
 * APP_URL nor AUTH_URL set); null when all is well.
 */
export function publicUrlWarning(env: Record<string, string | undefined> = process.env): string | null {
  if (env.NODE_ENV !== 'production' || env.AUTH_URL || env.APP_URL) return null;
  return `Neither APP_URL nor AUTH_URL is set: links in e-mail (password resets, notices) will point to ${LOCAL_BASE_URL}. Set APP_URL to the address people open the product at.`;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/**
 * The e-mail that goes with an in-app notification: the same catalogue message the notifications page
 * shows, in the recipient's language, with the park and an absolute link to the notification's page.
 */
export function renderNotificationEmail(input: NotificationEmailInput): NotificationEmail {
  const locale = emailLocale(input.locale);
  const t = translatorFor(locale);
  const app = t('common.appName');
  const key = `notifications.${input.kind}`;
  const message = t.has(key) ? t(key, displayParams(input.params, locale)) : input.kind;
  const base = appBaseUrl();
  const lines = [message];
  if (input.note?.trim()) lines.push('', t('notificationEmail.note', { note: input.note.trim() }));
  const about = [];
  if (input.park) about.push(t('notificationEmail.park', { park: input.park }));
  if (input.href) about.push(t('notificationEmail.open', { url: new URL(input.href, base).toString() }));
  if (about.length) lines.push('', ...about);
  lines.push('', '—', t('notificationEmail.footer', { app, url: new URL('/notifications', base).toString() }));
  return { subject: t('notificationEmail.subject', { app, message: oneLine(message, SUBJECT_MESSAGE_LENGTH) }), body: lines.join('\n') };
}
