import 'next-auth';
import '@auth/core/jwt';

declare module 'next-auth' {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null };
    /** The server-side session (user_sessions.id) this cookie belongs to. */
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    sid?: string;
  }
}
