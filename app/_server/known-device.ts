import 'server-only';
import { cookies, headers } from 'next/headers';
import { KNOWN_DEVICE, rememberDevice } from '@/lib/auth/device';
import { servedOverHttps } from './https';

/** The browser's known-device tokens (lib/auth/device.ts); only the sign-in reads it. */
export const DEVICE_COOKIE = 'known-device';

/** The known-device cookie in a request's Cookie header. */
export function deviceCookieFrom(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === DEVICE_COOKIE) return value.join('=');
  }
  return null;
}

/** After a successful sign-in: this browser is now a known device for the account, for KNOWN_DEVICE.maxAgeMs. */
export async function rememberThisDevice(email: string): Promise<void> {
  const jar = await cookies();
  jar.set(DEVICE_COOKIE, rememberDevice(jar.get(DEVICE_COOKIE)?.value, email), {
    httpOnly: true,
    sameSite: 'strict',
    secure: servedOverHttps(await headers()),
    path: '/',
    maxAge: Math.floor(KNOWN_DEVICE.maxAgeMs / 1000),
  });
}
