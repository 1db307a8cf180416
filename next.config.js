// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./app/_server/i18n-request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'exceljs'],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Data sets (up to 50 MB) and documents are uploaded through server actions; the proxy must pass them whole.
    serverActions: { bodySizeLimit: '60mb' },
    proxyClientMaxBodySize: '60mb',
  },
  outputFileTracingIncludes: {
    '/**': ['./db/migrations/**/*'],
  },
};

module.exports = withNextIntl(nextConfig);
