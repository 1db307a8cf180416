// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin({
  requestConfig: './app/_server/i18n-request.ts',
  experimental: {
    // The catalogues are compiled at build time, so neither the server nor the browser carries an ICU
    // message parser (12 kB gzip on every page). Code run outside Next (tests, the CLI) reads them as text.
    messages: { path: './lib/i18n/messages', format: 'json', locales: 'infer', precompile: true },
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  // pdfkit reads its font files with fs at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'exceljs', 'pdfkit'],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Data sets (up to 50 MB) and documents are uploaded through server actions; the proxy must pass them whole.
    serverActions: { bodySizeLimit: '60mb' },
    proxyClientMaxBodySize: '60mb',
  },
  outputFileTracingIncludes: {
    // The minutes' PDF embeds DejaVu Sans (Cyrillic), read by path from its package (lib/council/minutes-pdf.ts).
    '/**': ['./db/migrations/**/*', './node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf', './node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'],
  },
};

module.exports = withNextIntl(nextConfig);
