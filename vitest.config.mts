import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // Domain modules guard against client bundling with `server-only`; in tests they run on the server.
      'server-only': fileURLToPath(new URL('./lib/test/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: ['{lib,db,app,scripts}/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./lib/test/global-setup.ts'],
    setupFiles: ['./lib/test/setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // next-auth's ESM imports `next/server` without an extension, which only a bundler resolves; the proxy's tests run it.
    server: { deps: { inline: ['next-auth'] } },
  },
});
