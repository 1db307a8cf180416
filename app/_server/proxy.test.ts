import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

const call = (request: NextRequest) => {
  // As Next's server does: Host and X-Forwarded-Proto are always there.
  if (!request.headers.has('host')) request.headers.set('host', 'localhost:3000');
  if (!request.headers.has('x-forwarded-proto')) request.headers.set('x-forwarded-proto', 'http');
  return (proxy as unknown as (r: NextRequest, e: unknown) => Promise<Response>)(request, {});
};

async function signedInCookie(): Promise<string> {
  const token = await encode({ token: { sub: 'u', uid: '00000000-0000-4000-8000-000000000001', sid: '00000000-0000-4000-8000-000000000002' }, secret: process.env.AUTH_SECRET!, salt: 'authjs.session-token' });
  return `authjs.session-token=${token}`;
}

function expectHardened(response: Response, kind: 'page' | 'api') {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  if (kind === 'page') expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  else expect(csp).toContain("default-src 'none'");
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
}

describe('proxy', () => {
  it('sends a signed-out visitor to sign in with the page to come back to as a path, whatever host was used', async () => {
    // Next hands the proxy its internal URL (http://localhost:<port>) even when the browser used another host.
    const response = await call(new NextRequest('http://localhost:3000/p/kuzbass/kpi?year=2024', { headers: { 'x-forwarded-host': 'parks.example.ru' } }));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('callbackUrl')).toBe('/p/kuzbass/kpi?year=2024');
    expectHardened(response, 'page');
  });

  it('passes pages through with a fresh nonce for Next and the layout, and hardens every kind of response', async () => {
    const cookie = await signedInCookie();
    const first = await call(new NextRequest('http://localhost:3000/p/kuzbass/kpi', { headers: { cookie } }));
    const second = await call(new NextRequest('http://localhost:3000/p/kuzbass/kpi', { headers: { cookie } }));
    for (const response of [first, second]) {
      expect([response.status, response.headers.get('location'), response.headers.get('x-middleware-next')]).toEqual([200, null, '1']);
      expectHardened(response, 'page');
      // The request Next renders carries the same CSP (where Next finds the nonce) and x-nonce (for our layout).
      const csp = response.headers.get('content-security-policy')!;
      expect(response.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
      expect(csp).toContain(`'nonce-${response.headers.get('x-middleware-request-x-nonce')}'`);
    }
    expect(first.headers.get('content-security-policy')).not.toBe(second.headers.get('content-security-policy'));
    // Public pages, downloads and the API, signed in or not.
    expectHardened(await call(new NextRequest('http://localhost:3000/sign-in')), 'page');
    expectHardened(await call(new NextRequest('http://localhost:3000/p/kuzbass/residents/export', { headers: { cookie } })), 'page');
    expectHardened(await call(new NextRequest('http://localhost:3000/api/v1/parks')), 'api');
    expectHardened(await call(new NextRequest('http://localhost:3000/api/auth/session')), 'api');
  });

  it('a client cannot choose the nonce', async () => {
    const response = await call(new NextRequest('http://localhost:3000/sign-in', { headers: { 'x-nonce': 'chosen', 'content-security-policy': "script-src 'nonce-chosen'" } }));
    expect(response.headers.get('x-middleware-request-x-nonce')).not.toBe('chosen');
    expect(response.headers.get('content-security-policy')).not.toContain('chosen');
  });

  it('asks for upgrade-insecure-requests only behind HTTPS', async () => {
    const https = await call(new NextRequest('http://localhost:3000/sign-in', { headers: { 'x-forwarded-proto': 'https' } }));
    const http = await call(new NextRequest('http://localhost:3000/sign-in', { headers: { 'x-forwarded-proto': 'http' } }));
    expect(https.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect(http.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
  });

  it('refuses a NUL byte or a broken encoding in the address with a 400, hardened, before any page sees it', async () => {
    for (const url of ['http://localhost:3000/p/kuzbass/applications?q=a%00b', 'http://localhost:3000/api/v1/parks/%00/summary', 'http://localhost:3000/p/%C3%28/reports', 'http://localhost:3000/p/kuzbass/programmes/x%00']) {
      const response = await call(new NextRequest(url));
      expect(response.status, url).toBe(400);
      expectHardened(response, url.includes('/api/') ? 'api' : 'page');
    }
    const fine = await call(new NextRequest('http://localhost:3000/sign-in?callbackUrl=%2Fp%2Fkuzbass'));
    expect(fine.status).toBe(200);
  });

  // Passed on (here to sign-in, as nobody is signed in) rather than refused.
  const action = (body: string, headers: Record<string, string> = {}) =>
    new NextRequest('http://localhost:3000/p/kuzbass/applications', {
      method: 'POST',
      body,
      headers: { 'next-action': '7f00aa', 'content-type': 'text/plain;charset=UTF-8', origin: 'http://localhost:3000', ...headers },
    });

  it('refuses a server-action post from another site with a 403 instead of letting Next throw', async () => {
    expect((await call(action('[]', { origin: 'https://evil.example' }))).status).toBe(403);
    expect([400, 403]).not.toContain((await call(action('[]', { origin: 'https://parks.example.ru', 'x-forwarded-host': 'parks.example.ru' }))).status);
    expect([400, 403]).not.toContain((await call(action('[]'))).status);
  });

  it('refuses server-action bodies that are not the encoding React sends', async () => {
    for (const body of ['', 'not json', '{"a":1}', `${'['.repeat(5000)}${']'.repeat(5000)}`]) {
      expect((await call(action(body))).status, body.slice(0, 10)).toBe(400);
    }
    expect([400, 403]).not.toContain((await call(action('["$K1",{"a":[1,2,{"b":"[[["}]}]'))).status);
    expect((await call(action('[]', { 'content-type': 'application/x-www-form-urlencoded' }))).status).toBe(400);
    const multipart = (body: string) => action(body, { 'content-type': 'multipart/form-data; boundary=----x' });
    expect((await call(multipart('not a form'))).status).toBe(400);
    expect([400, 403]).not.toContain((await call(multipart('------x\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n------x--\r\n'))).status);
  });
});
