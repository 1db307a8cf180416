import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, securityHeaders } from './security-headers';

const directives = (csp: string) => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('securityHeaders', () => {
  it("pages: scripts only with this response's nonce, no framing, no plugins, no foreign forms", () => {
    const headers = securityHeaders({ nonce: 'abc123==', api: false, https: false });
    const csp = directives(headers['Content-Security-Policy']);
    expect(csp['script-src']).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect(csp['script-src']).not.toContain("'unsafe-eval'");
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['form-action']).toEqual(["'self'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
    expect(headers).toMatchObject({ 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' });
  });

  it('upgrades sub-requests only when served over HTTPS; eval only in development', () => {
    expect(contentSecurityPolicy({ nonce: 'n', api: false, https: true })).toContain('upgrade-insecure-requests');
    expect(directives(contentSecurityPolicy({ nonce: 'n', api: false, https: false, dev: true }))['script-src']).toContain("'unsafe-eval'");
  });

  it('the API loads nothing and cannot be framed', () => {
    const headers = securityHeaders({ nonce: 'n', api: true, https: true });
    expect(directives(headers['Content-Security-Policy'])).toEqual({
      'default-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    });
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('a nonce is 128 random bits, new every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
  });
});
