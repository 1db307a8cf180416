#!/usr/bin/env node
/**
 * `npm run test:first-load`: fails when any page's first-load JavaScript (gzip) is over the budget,
 * computed from the production build's manifests (scripts/first-load-js.mjs), not timed. It reuses
 * the build `npm run test:e2e` leaves in .next when it is of the current sources, else builds.
 *   node scripts/test-first-load.mjs [--limit-kb 200]
 */
import { buildIfStale } from './build-stamp.mjs';
import { firstLoadJs } from './first-load-js.mjs';

const args = process.argv.slice(2);
const limitKb = Number(args.includes('--limit-kb') ? args[args.indexOf('--limit-kb') + 1] : 200);

buildIfStale();
const pages = firstLoadJs();
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const over = pages.filter((p) => p.bytes > limitKb * 1000);
const worst = over.length ? over : pages.slice(0, 5);
console.log(`▶ first-load JavaScript (gzip) of ${pages.length} pages, budget ${limitKb} kB: the largest ${kb(pages[0].bytes)} (${pages[0].route})`);
if (over.length) {
  console.error(`✗ ${over.length} page(s) over the budget, largest first:`);
  for (const p of worst) console.error(`  ${kb(p.bytes).padStart(9)}  +${kb(p.bytes - limitKb * 1000).padStart(8)}  ${p.route}`);
  process.exit(1);
}
for (const p of worst) console.log(`  ${kb(p.bytes).padStart(9)}  ${p.route}`);
