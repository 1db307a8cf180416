import NextAuth from 'next-auth';
import { authConfig } from '@/app/_server/auth-config';

// Only redirects signed-out visitors to sign-in; every permission is checked in lib/.
const { auth } = NextAuth(authConfig);
export const proxy = auth;

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|webp)$).*)'],
};
