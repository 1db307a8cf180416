import { createTranslator } from 'use-intl/core';
import { DEFAULT_TIME_ZONE } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';

/*
 * The words of the report files come from the message catalogues (lib/i18n/messages/<locale>/exports.json),
 * like every other text the reader sees; the CLI and the API have no request, so the translator is made
 * here for the report's own language.
 */

export type ExportNamespace = 'summaryExport' | 'indicatorExport';
type Translate = (key: string, values?: Record<string, string>) => string;

const translators = new Map<string, Translate>();

export function exportLabels(locale: Locale, namespace: ExportNamespace): Translate {
  const id = `${locale}:${namespace}`;
  let t = translators.get(id);
  if (!t) {
    // Arguments are passed as strings: a year must read "2016", not a number formatted as "2,016".
    t = createTranslator({ locale, messages: messagesFor(locale), namespace, timeZone: DEFAULT_TIME_ZONE }) as unknown as Translate;
    translators.set(id, t);
  }
  return t;
}
