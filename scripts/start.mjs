#!/usr/bin/env node
/**
 * `npm start`: builds the app when there is no build of the current sources yet, then serves it
 * (scripts/server.mjs). With no DATABASE_URL the embedded database in .data/db is created, migrated
 * and filled with demo data on first start; sign in with a demo account shown on the sign-in page.
 */
import { buildIfStale } from './build-stamp.mjs';

try {
  buildIfStale();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
}

await import('./server.mjs');
