import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { handlers } from './auth';
import { servedOverHttps } from './https';

/** As Next hands a route handler the request: its URL's scheme is what X-Forwarded-Proto (or the socket) said. */
const csrfCookie = async (headers: Record<string, string>) => {
  const scheme = headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  const response = await handlers.GET(new NextRequest(`${scheme}://localhost:3000/api/auth/csrf`, { headers: { host: 'localhost:3000', ...headers } }));
  return response.headers.getSetCookie().find((c) => c.includes('csrf-token'))!;
};

describe('cookies over HTTPS', () => {
  const authUrl = process.env.AUTH_URL;
  afterEach(() => {
    if (authUrl === undefined) delete process.env.AUTH_URL;
    else process.env.AUTH_URL = authUrl;
  });

  it("next-auth's cookies are Secure (and __Host-/__Secure- named) when the browser came over HTTPS, and only then", async () => {
    delete process.env.AUTH_URL;
    const https = await csrfCookie({ 'x-forwarded-proto': 'https' });
    expect(https).toMatch(/^__Host-authjs\.csrf-token=/);
    expect(https).toMatch(/; Secure/i);
    const http = await csrfCookie({ 'x-forwarded-proto': 'http' });
    expect(http).toMatch(/^authjs\.csrf-token=/);
    expect(http).not.toMatch(/; Secure/i);
  });

  it('an https AUTH_URL makes them Secure whatever the proxy said', async () => {
    process.env.AUTH_URL = 'https://parks.example.ru';
    expect(await csrfCookie({ 'x-forwarded-proto': 'http' })).toMatch(/; Secure/i);
  });

  it('our own cookies follow the same rule', () => {
    expect(servedOverHttps(new Headers({ 'x-forwarded-proto': 'https' }), undefined)).toBe(true);
    expect(servedOverHttps(new Headers({ 'x-forwarded-proto': 'https, http' }), undefined)).toBe(true);
    expect(servedOverHttps(new Headers({ 'x-forwarded-proto': 'http' }), undefined)).toBe(false);
    expect(servedOverHttps(new Headers(), undefined)).toBe(false);
    expect(servedOverHttps(new Headers({ 'x-forwarded-proto': 'http' }), 'https://parks.example.ru')).toBe(true);
    expect(servedOverHttps(new Headers({ 'x-forwarded-proto': 'https' }), 'http://localhost:3000')).toBe(false);
  });
});
