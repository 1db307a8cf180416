import type { Locale } from '../locales';
import enCommon from './en/common.json';
import ruCommon from './ru/common.json';
import enAuth from './en/auth.json';
import ruAuth from './ru/auth.json';
import enAdmin from './en/admin.json';
import ruAdmin from './ru/admin.json';

/**
 * The message catalogues, one file per area and language; each file's top-level keys are namespaces.
 * Add an area by importing its two files here.
 */
const catalogues: Record<Locale, Record<string, unknown>[]> = {
  en: [enCommon, enAuth, enAdmin],
  ru: [ruCommon, ruAuth, ruAdmin],
};

export function messagesFor(locale: Locale): Record<string, unknown> {
  return Object.assign({}, ...catalogues[locale]);
}
