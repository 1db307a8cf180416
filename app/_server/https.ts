/**
 * Whether the browser reached us over HTTPS: AUTH_URL's scheme when it is set, else the scheme the
 * nearest proxy (or Next itself) wrote in X-Forwarded-Proto. next-auth decides its own cookies' Secure
 * flag the same way (`useSecureCookies` defaults to the action URL's scheme, built from the same two).
 */
export function servedOverHttps(headers: Headers, authUrl = process.env.AUTH_URL): boolean {
  if (authUrl) return authUrl.trim().toLowerCase().startsWith('https:');
  return headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
