/**
 * Where to go after signing in: a path on this site, or null. Only a path is kept (never an origin),
 * so a link to the sign-in page cannot send anyone elsewhere; the sign-in and sign-up pages and
 * next-auth's own routes are not destinations.
 */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  // "//host" and "/\host" are other origins to a browser; control characters have no business here.
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\u0000-\u001f\u007f\\]/.test(value)) return null;
  const base = 'http://callback.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  if (['/sign-in', '/sign-up', '/api/auth'].some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
