import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig, needsSignIn } from '@/app/_server/auth-config';
import { servedOverHttps } from '@/app/_server/https';
import { refuseServerAction, refuseUrl } from '@/app/_server/request-guard';
import { newNonce, securityHeaders } from '@/app/_server/security-headers';

const { auth } = NextAuth(authConfig);

/**
 * Sends signed-out visitors of a private page to sign in, with the page to come back to as a path
 * (the request's URL here is Next's internal one, http://localhost:<port>, whatever host the browser
 * used), refuses malformed requests (request-guard.ts), and puts the browser-hardening headers on
 * every response. Every permission is checked in lib/.
 */
export const proxy = auth(async (request) => {
  const { pathname, search } = request.nextUrl;
  const raw = new URL(request.url);
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    api: pathname.startsWith('/api/'),
    https: servedOverHttps(request.headers),
    dev: process.env.NODE_ENV === 'development',
  });
  let response: NextResponse;
  const refusal = refuseUrl(raw.pathname, raw.search) ?? (await refuseServerAction(request));
  if (refusal) {
    response = new NextResponse(`${refusal.message}\n`, { status: refusal.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  } else if (needsSignIn(pathname, Boolean(request.auth?.user))) {
    const signIn = new URL('/sign-in', request.nextUrl);
    signIn.search = new URLSearchParams({ callbackUrl: `${pathname}${search}` }).toString();
    response = NextResponse.redirect(signIn);
  } else {
    // Next finds the nonce for its own scripts in the request's CSP; our layout reads x-nonce.
    const forward = new Headers(request.headers);
    forward.set('content-security-policy', headers['Content-Security-Policy']);
    forward.set('x-nonce', nonce);
    response = NextResponse.next({ request: { headers: forward } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
});

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|webp)$).*)'],
};
