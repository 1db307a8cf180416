#!/usr/bin/env node
/**
 * First-load JavaScript of every App Router page in the production build, gzip-compressed: the
 * framework's root chunks plus every chunk the page's client-reference manifest lists for its
 * layouts, boundaries and the page itself (what the browser fetches before the page is interactive).
 *   node scripts/first-load-js.mjs [--limit-kb 200] [--json]
 * Exits 1 when a page is over the limit. Reads .next (run `npm run build` first).
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const limitKb = Number(args.includes('--limit-kb') ? args[args.indexOf('--limit-kb') + 1] : 200);
const dotNext = path.resolve(process.env.NEXT_DIST_DIR ?? '.next');

/** Per page (route pattern), the gzip bytes of its first-load JavaScript and its chunks. */
export function firstLoadJs(dir = dotNext) {
  const build = JSON.parse(fs.readFileSync(path.join(dir, 'build-manifest.json'), 'utf8'));
  const gzipSize = new Map();
  const sizeOf = (file) => {
    if (!gzipSize.has(file)) gzipSize.set(file, zlib.gzipSync(fs.readFileSync(path.join(dir, file)), { level: 9 }).length);
    return gzipSize.get(file);
  };
  const pages = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'page_client-reference-manifest.js') {
        const sandbox = { globalThis: {} };
        sandbox.globalThis = sandbox;
        vm.runInNewContext(fs.readFileSync(full, 'utf8'), sandbox);
        for (const [route, manifest] of Object.entries(sandbox.__RSC_MANIFEST)) {
          const chunks = new Set(build.rootMainFiles);
          for (const files of Object.values(manifest.entryJSFiles ?? {})) for (const f of files) chunks.add(f);
          const bytes = [...chunks].reduce((sum, f) => sum + sizeOf(f), 0);
          pages.push({ route: route.replace(/\/page$/, '').replace(/\/\([^)]+\)/g, '') || '/', bytes, chunks: chunks.size });
        }
      }
    }
  };
  walk(path.join(dir, 'server', 'app'));
  return pages.sort((a, b) => b.bytes - a.bytes);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pages = firstLoadJs();
  if (args.includes('--json')) console.log(JSON.stringify(pages, null, 2));
  else for (const p of pages) console.log(`${(p.bytes / 1000).toFixed(1).padStart(7)} kB  ${p.route}`);
  const over = pages.filter((p) => p.bytes > limitKb * 1000);
  if (over.length) {
    console.error(`\n${over.length} page(s) over ${limitKb} kB of first-load JS (gzip): ${over.map((p) => p.route).join(', ')}`);
    process.exit(1);
  }
}
