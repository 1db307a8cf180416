/**
 * The browser-hardening headers of every response the proxy sees: pages, route handlers and the API.
 *
 * Pages get a nonce-based Content-Security-Policy: Next reads the nonce from the request's own CSP
 * header (set by the proxy) and puts it on its scripts; the few scripts we render ourselves (the
 * theme switcher's) take it from `x-nonce`. 'strict-dynamic' lets those scripts load Next's chunks.
 * Styles stay 'unsafe-inline': React, Radix and the charts write `style` attributes, which a nonce
 * cannot cover, and injected CSS cannot run code. The JSON API and next-auth's endpoints load nothing.
 */
export type SecurityHeaderOptions = {
  nonce: string;
  /** The API answers data only: nothing may load from it, nothing may frame it. */
  api: boolean;
  https: boolean;
  dev?: boolean;
};

export function contentSecurityPolicy({ nonce, api, https, dev = false }: SecurityHeaderOptions): string {
  if (api) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  return [
    "default-src 'self'",
    // React rebuilds server error stacks with eval in development only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    // For browsers that predate frame-ancestors.
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}

/** A fresh nonce per request: 128 random bits. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
