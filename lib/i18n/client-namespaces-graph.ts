import fs from 'node:fs';
import path from 'node:path';

/**
 * For the message-scoping test (client-messages.test.ts): which message namespaces the browser needs
 * on each route file, read from the source's imports. A module is in the browser's part of the graph
 * once an import reaches a file that starts with 'use client'; a `useTranslations('x')` there needs
 * `x` in the nearest <ClientMessages> above it (or the root layout's shell namespaces).
 */
const ROOT = process.cwd();
const EXTENSIONS = ['.tsx', '.ts', '/index.tsx', '/index.ts'];

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return null;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

const sources = new Map<string, string>();
const read = (file: string) => {
  let text = sources.get(file);
  if (text === undefined) sources.set(file, (text = fs.readFileSync(file, 'utf8')));
  return text;
};

const isClientModule = (text: string) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/.test(text);

function importsOf(file: string): string[] {
  const text = read(file);
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'([^']+)'/g)) {
    // Type-only imports never reach the browser.
    const statementStart = text.lastIndexOf('\n', m.index) + 1;
    if (/^import\s+type\b/.test(text.slice(statementStart, m.index + m[0].length))) continue;
    const resolved = resolveImport(file, m[1]);
    if (resolved) found.push(resolved);
  }
  return found;
}

/** The namespaces `useTranslations` reads in the browser part of `entry`'s import graph. */
export function browserNamespaces(entry: string): string[] {
  const namespaces = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, inBrowser: boolean) => {
    const key = `${file}|${inBrowser}`;
    if (seen.has(key)) return;
    seen.add(key);
    const text = read(file);
    const browser = inBrowser || isClientModule(text);
    if (browser) {
      for (const call of text.matchAll(/useTranslations\(([^)]*)\)/g)) {
        const literal = /^\s*'([^']+)'\s*$/.exec(call[1]);
        namespaces.add(literal ? literal[1] : `${path.relative(ROOT, file)}: useTranslations(${call[1]})`);
      }
    }
    for (const next of importsOf(file)) visit(next, browser);
  };
  visit(entry, false);
  return [...namespaces].sort();
}

/** The namespace list of the `<ClientMessages namespaces={[…]}>` a file renders, or null. */
export function declaredNamespaces(file: string): string[] | null {
  const m = /<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/.exec(read(file));
  if (!m) return null;
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
}

/** Every route file under app/ that renders inside the layouts: pages, not-found, error and loading files. */
export function routeFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^(page|not-found|error|loading|layout)\.tsx$/.test(entry.name)) found.push(full);
    }
  };
  walk(path.join(ROOT, 'app'));
  return found.sort();
}

/**
 * The namespaces the browser has on `file`: the nearest <ClientMessages> at or above it (the file
 * itself, then each layout up to app/), else the root layout's. A layout's own <ClientMessages> wraps
 * its children only, so for a layout the search starts at its parent.
 */
export function providedNamespaces(file: string, shell: readonly string[], base: readonly string[]): string[] {
  const isLayout = path.basename(file) === 'layout.tsx';
  if (!isLayout) {
    const own = declaredNamespaces(file);
    if (own) return [...base, ...own];
  }
  let dir = path.dirname(file);
  if (isLayout) dir = path.dirname(dir);
  const appRoot = path.join(ROOT, 'app');
  while (dir.startsWith(appRoot)) {
    const layout = path.join(dir, 'layout.tsx');
    if (dir !== appRoot && fs.existsSync(layout)) {
      const declared = declaredNamespaces(layout);
      if (declared) return [...base, ...declared];
    }
    if (dir === appRoot) break;
    dir = path.dirname(dir);
  }
  return [...shell];
}

export const coveredBy = (namespace: string, provided: readonly string[]) => provided.some((c) => namespace === c || namespace.startsWith(`${c}.`));
