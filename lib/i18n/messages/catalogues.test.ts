import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '@/lib/i18n/locales';
import { messagesFor } from './index';

/*
 * Every catalogue file, in every language: the same messages, with the same arguments, and every file
 * registered in index.ts. A message added in one language only, or a translation that drops `{count}`,
 * fails here rather than on a page in the other language.
 */

const dir = path.join(process.cwd(), 'lib/i18n/messages');
type Tree = { [key: string]: Tree | string };

const files = (locale: string) => fs.readdirSync(path.join(dir, locale)).filter((f) => f.endsWith('.json')).sort();
const read = (locale: string, file: string): Tree => JSON.parse(fs.readFileSync(path.join(dir, locale, file), 'utf8'));

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const dotted = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[dotted, value] as [string, string]] : leaves(value, dotted);
  });
}

function get(tree: Record<string, unknown>, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), tree);
}

/**
 * The arguments an ICU message uses: `{name}`, `{name, number}`, and those inside the branches of
 * `{name, plural|select|selectordinal, key {…} …}`, whose keys and wording are the language's own.
 */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (text: string) => {
    let i = 0;
    while (i < text.length) {
      if (text[i] !== '{') {
        i++;
        continue;
      }
      const end = closing(text, i);
      const [name, type, ...rest] = text.slice(i + 1, end).split(',');
      found.add(name.trim());
      if (['plural', 'select', 'selectordinal'].includes(type?.trim() ?? '')) {
        const branches = rest.join(',');
        for (let j = branches.indexOf('{'); j >= 0; j = branches.indexOf('{', closing(branches, j) + 1)) walk(branches.slice(j + 1, closing(branches, j)));
      }
      i = end + 1;
    }
  };
  walk(message);
  return [...found].sort();
}

function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in "${text}"`);
}

describe('the message catalogues', () => {
  const [first, ...others] = locales;

  it('come in the same files in every language', () => {
    expect(files(first).length).toBeGreaterThanOrEqual(12);
    for (const locale of others) expect(files(locale), locale).toEqual(files(first));
  });

  it('hold the same messages in every language, none empty, with the same arguments', () => {
    for (const file of files(first)) {
      const reference = new Map(leaves(read(first, file)));
      for (const locale of others) {
        const translated = new Map(leaves(read(locale, file)));
        expect([...translated.keys()].sort(), `${locale}/${file}`).toEqual([...reference.keys()].sort());
        for (const [key, message] of translated) {
          expect(message.trim(), `${locale}/${file}: ${key}`).not.toBe('');
          expect(argumentsOf(message), `${locale}/${file}: ${key}`).toEqual(argumentsOf(reference.get(key)!));
        }
      }
    }
  });

  it('are all registered, and no two files word one message differently', () => {
    for (const locale of locales) {
      const messages = messagesFor(locale);
      for (const file of files(locale)) {
        for (const [key, message] of leaves(read(locale, file))) expect(get(messages, key), `${locale}/${file}: ${key}`).toBe(message);
      }
    }
  });

  it('reads the arguments of plural and select messages, not their wording', () => {
    expect(argumentsOf('{count, plural, =0 {No rows} one {# row of {total}} other {# rows}}')).toEqual(['count', 'total']);
    expect(argumentsOf('{quarter, select, 0 {{year}} other {Q{quarter} {year}}}')).toEqual(['quarter', 'year']);
    expect(argumentsOf('Сдать до {date}.')).toEqual(['date']);
  });
});
