import type { NextAuthConfig } from 'next-auth';
import { ensureAuthEnvironment } from '@/lib/auth/secret';
import { loggerFor } from '@/lib/log/logger';

ensureAuthEnvironment();

/** Paths anyone may open without signing in. */
const PUBLIC_PATHS = ['/sign-in', '/sign-up', '/forgot-password', '/reset-password', '/api/auth', '/api/v1', '/api/openapi', '/api/health', '/api/ready'];

/** Whether the proxy sends a signed-out visitor of this path to sign in; what a signed-in user may see is decided in lib/. */
export function needsSignIn(pathname: string, signedIn: boolean): boolean {
  if (signedIn || pathname === '/') return false;
  return !PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** The part of the auth configuration the proxy uses: no database here. */
export const authConfig = {
  pages: { signIn: '/sign-in' },
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sid = user.sid;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && session.user) session.user.id = token.uid;
      session.sid = token.sid;
      return session;
    },
  },
  logger: {
    // A wrong password is not an error worth a stack trace in the server log.
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === 'CredentialsSignin' || error.name === 'CredentialsSignin') return;
      loggerFor('auth').error({ err: { name: error.name, message: error.message } }, 'auth error');
    },
    warn() {},
  },
} satisfies NextAuthConfig;
