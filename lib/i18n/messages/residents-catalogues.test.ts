import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesFor } from './index';

function get(tree: Record<string, unknown>, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), tree);
}

// That the catalogues agree across languages is checked for every area in catalogues.test.ts.
describe('residents, premises and incentives catalogues', () => {
  it('word every refusal the domain functions raise, and every database rule they may hit', () => {
    const sources = ['lib/residents/residents.ts', 'lib/premises/premises.ts', 'lib/premises/leases.ts', 'lib/incentives/incentives.ts'].map((f) =>
      fs.readFileSync(path.join(process.cwd(), f), 'utf8'),
    );
    const refusalKeys = sources.flatMap((s) => [...s.matchAll(/refusal\('[A-Z_]+', '([A-Za-z]+)'/g)].map((m) => m[1]));
    const fieldKeys = sources.flatMap((s) => [...s.matchAll(/refusal\('[A-Z_]+', '([A-Za-z]+)', `[^`]*`, '[A-Za-z]+'\)/g)].map((m) => m[1]));
    expect(refusalKeys.length).toBeGreaterThan(10);
    expect(fieldKeys.length).toBeGreaterThan(5);
    const constraints = ['leases_no_overlap', 'leases_within_availability', 'leases_within_residency', 'leases_on_site_only', 'leases_premises_park', 'residencies_no_overlap'];
    for (const locale of ['en', 'ru'] as const) {
      const messages = messagesFor(locale);
      for (const key of refusalKeys) expect(get(messages, `errors.${key}`), `${locale} errors.${key}`).toEqual(expect.any(String));
      for (const key of fieldKeys) expect(get(messages, `validation.${key}`), `${locale} validation.${key}`).toEqual(expect.any(String));
      for (const c of constraints) expect(get(messages, `errors.db.${c}`), `${locale} errors.db.${c}`).toEqual(expect.any(String));
      // The shared namespaces keep what the other areas put in them.
      expect(get(messages, 'errors.notFound')).toEqual(expect.any(String));
      expect(get(messages, 'errors.entities.park')).toEqual(expect.any(String));
    }
  });
});
