import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from './locales';
import { CLIENT_NAMESPACES, clientMessages } from './client-messages';
import { messagesFor } from './messages';

/** Every `useTranslations(…)` namespace in app/ and lib/ (tests aside), read from the source. */
function usedNamespaces(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(full, 'utf8');
        for (const call of text.matchAll(/useTranslations\(([^)]*)\)/g)) {
          const literal = /^\s*'([^']+)'\s*$/.exec(call[1]);
          // A call without a literal namespace would need the whole catalogue: name it in the file instead.
          found.add(literal ? literal[1] : `${path.relative(process.cwd(), full)}: useTranslations(${call[1]})`);
        }
      }
    }
  };
  for (const root of ['app', 'lib']) walk(path.join(process.cwd(), root));
  return [...found].sort();
}

const covered = (namespace: string) => CLIENT_NAMESPACES.some((c) => namespace === c || namespace.startsWith(`${c}.`));

describe('the messages sent to the browser', () => {
  it('hold every namespace a client component reads', () => {
    expect(usedNamespaces().filter((n) => !covered(n))).toEqual([]);
  });

  it('name only namespaces that exist, in every language, and leave the server-only ones out', () => {
    for (const locale of locales) {
      const all = messagesFor(locale) as Record<string, unknown>;
      const picked = clientMessages(all);
      for (const namespace of CLIENT_NAMESPACES) {
        const get = (tree: unknown) => namespace.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
        expect(get(picked), `${locale} ${namespace}`).toEqual(get(all));
        expect(get(picked), `${locale} ${namespace}`).toBeDefined();
      }
      expect(picked.compareReport).toBeUndefined();
      expect(Object.keys((picked.reports as object) ?? {})).toEqual(['charts']);
      expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(all).length * 0.8);
    }
  });
});
