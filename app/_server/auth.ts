import 'server-only';
import { cache } from 'react';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { endSession, loadSessionActor, startSession } from '@/lib/users/sessions';
import { authenticate } from '@/lib/users/users';
import { authConfig } from './auth-config';
import { requestAddress } from './request-address';
import { cookieFrom, DEVICE_COOKIE, SECOND_FACTOR_COOKIE } from './known-device';

/** A refusal while the throttle makes the caller wait; the sign-in action says how long. */
export class ThrottledSignin extends CredentialsSignin {
  code = 'throttled';
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/** The right password for a disabled account. */
export class DisabledSignin extends CredentialsSignin {
  code = 'disabled';
}

/** The right password; the account wants its second factor (`invalid`: the code given was wrong). */
export class SecondFactorSignin extends CredentialsSignin {
  code = 'second-factor';
  constructor(readonly codeGiven: boolean) {
    super();
  }
}

/**
 * The actor of a session cookie: the session open, the account enabled, with its memberships; null
 * otherwise. One query, asked once per page render (React's request cache): the cookie's check in the
 * jwt callback below and getActor (session.ts) share it. Route handlers, outside a render, ask anew.
 */
export const sessionActor = cache(async (userId: string | undefined, sessionId: string | undefined) =>
  loadSessionActor(await getDb(), { userId, sessionId }),
);

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    /**
     * A cookie of an ended session, or of a disabled account, signs no one in anywhere,
     * /api/auth/session included: it answers "signed out" and clears the cookie instead of renewing
     * it. (The proxy, without a database, only redirects; pages, actions and the API take the actor
     * from the same sessionActor in getActor.)
     */
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.user) return token;
      return (await sessionActor(token.uid, token.sid)) ? token : null;
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        const db = await getDb();
        const result = await authenticate(
          db,
          { email: credentials?.email, password: credentials?.password, ...(credentials?.code ? { code: credentials.code } : {}) },
          requestAddress(request?.headers.get('x-forwarded-for')),
          {
            deviceCookie: cookieFrom(request?.headers.get('cookie'), DEVICE_COOKIE),
            secondFactorCookie: cookieFrom(request?.headers.get('cookie'), SECOND_FACTOR_COOKIE),
          },
        );
        if (result.ok) return { id: result.userId, sid: await startSession(db, result.userId) };
        if (result.reason === 'throttled') throw new ThrottledSignin(result.retryAfterSeconds);
        if (result.reason === 'disabled') throw new DisabledSignin();
        if (result.reason === 'secondFactor' || result.reason === 'invalidCode') throw new SecondFactorSignin(result.reason === 'invalidCode');
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
