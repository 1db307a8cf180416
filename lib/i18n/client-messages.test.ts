import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from './locales';
import { BASE_NAMESPACES, pickMessages, SHELL_NAMESPACES } from './client-messages';
import { browserNamespaces, coveredBy, declaredNamespaces, providedNamespaces, routeFiles } from './client-namespaces-graph';
import { messagesFor } from './messages';

const relative = (file: string) => path.relative(process.cwd(), file);

describe('the messages sent to the browser', () => {
  const routes = routeFiles();

  it('hold, on every route, each namespace a client component there reads', () => {
    const missing = routes.flatMap((file) => {
      const provided = providedNamespaces(file, SHELL_NAMESPACES, BASE_NAMESPACES);
      return browserNamespaces(file)
        .filter((n) => !coveredBy(n, provided))
        .map((n) => `${relative(file)} reads ${n} (the browser has ${provided.join(', ')})`);
    });
    expect(missing).toEqual([]);
  });

  it('are read from the source: a route with a client form needs its namespaces, the reports page only its charts', () => {
    const file = (p: string) => path.join(process.cwd(), p);
    expect(browserNamespaces(file('app/(app)/p/[park]/premises/leases/new/page.tsx'))).toEqual(expect.arrayContaining(['premises', 'validation']));
    expect(providedNamespaces(file('app/(app)/p/[park]/reports/page.tsx'), SHELL_NAMESPACES, BASE_NAMESPACES)).toEqual(['common', 'reports.charts']);
    // The residents directory and the inbox have no client component that reads messages: the frame's are enough.
    expect(providedNamespaces(file('app/(app)/p/[park]/residents/page.tsx'), SHELL_NAMESPACES, BASE_NAMESPACES)).toEqual([...SHELL_NAMESPACES]);
    expect(providedNamespaces(file('app/(app)/p/[park]/applications/page.tsx'), SHELL_NAMESPACES, BASE_NAMESPACES)).toEqual([...SHELL_NAMESPACES]);
  });

  it('name only namespaces that exist, in every language', () => {
    const declared = [...new Set([...SHELL_NAMESPACES, ...BASE_NAMESPACES, ...routes.flatMap((f) => declaredNamespaces(f) ?? [])])];
    for (const locale of locales) {
      const all = messagesFor(locale) as Record<string, unknown>;
      for (const namespace of declared) {
        const get = (tree: unknown) => namespace.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
        expect(get(pickMessages(all, [namespace])), `${locale} ${namespace}`).toEqual(get(all));
        expect(get(all), `${locale} ${namespace}`).toBeDefined();
      }
      // The frame's messages are a small part of the catalogue.
      expect(JSON.stringify(pickMessages(all, SHELL_NAMESPACES)).length).toBeLessThan(4_000);
    }
  });
});
