import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { endSession, startSession } from '@/lib/users/sessions';
import { authenticate } from '@/lib/users/users';
import { authConfig } from './auth-config';

class ThrottledSignin extends CredentialsSignin {
  code = 'throttled';
}

function clientAddress(request: Request | undefined): string | null {
  const forwarded = request?.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request?.headers.get('x-real-ip') || null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const db = await getDb();
        const result = await authenticate(db, { email: credentials?.email, password: credentials?.password }, clientAddress(request));
        if (result.ok) return { id: result.userId, sid: await startSession(db, result.userId) };
        if (result.reason === 'throttled') throw new ThrottledSignin();
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
