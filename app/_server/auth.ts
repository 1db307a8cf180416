import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { clientAddress, parseTrustedProxyHops } from '@/lib/auth/client-address';
import { endSession, isSessionOpen, startSession } from '@/lib/users/sessions';
import { authenticate } from '@/lib/users/users';
import { authConfig } from './auth-config';
import { deviceCookieFrom } from './known-device';

/** A refusal while the throttle makes the caller wait; the sign-in action says how long. */
export class ThrottledSignin extends CredentialsSignin {
  code = 'throttled';
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/** Read when this module loads, so a wrong value fails every sign-in loudly rather than trusting the wrong entry. */
const trustedProxyHops = parseTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS);

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    /**
     * A cookie of an ended session signs no one in anywhere, /api/auth/session included: it answers
     * "signed out" and clears the cookie instead of renewing it. (The proxy, without a database,
     * only redirects; pages, actions and the API check the session again in getActor.)
     */
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.user) return token;
      return (await isSessionOpen(await getDb(), { userId: token.uid, sessionId: token.sid })) ? token : null;
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const db = await getDb();
        const result = await authenticate(
          db,
          { email: credentials?.email, password: credentials?.password },
          clientAddress(request?.headers.get('x-forwarded-for'), trustedProxyHops),
          { deviceCookie: deviceCookieFrom(request?.headers.get('cookie')) },
        );
        if (result.ok) return { id: result.userId, sid: await startSession(db, result.userId) };
        if (result.reason === 'throttled') throw new ThrottledSignin(result.retryAfterSeconds);
        return null;
      },
    }),
  ],
  events: {
    // Signing out ends the session on the server, whichever way it is asked for.
    async signOut(message) {
      if ('token' in message) await endSession(await getDb(), message.token?.sid);
    },
  },
});
