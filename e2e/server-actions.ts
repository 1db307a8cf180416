import fs from 'node:fs';
import path from 'node:path';

/**
 * The ids of the build's server actions, from Next's server-reference manifest, for tests that post
 * to them directly. Empty when the tests drive an app built elsewhere (E2E_BASE_URL).
 */
export function serverActionIds(): string[] {
  const manifest = path.resolve('.next', 'server', 'server-reference-manifest.json');
  if (process.env.E2E_BASE_URL || !fs.existsSync(manifest)) return [];
  const { node } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { node?: Record<string, unknown> };
  return Object.keys(node ?? {});
}
