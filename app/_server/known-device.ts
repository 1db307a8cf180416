import 'server-only';
import { cookies, headers } from 'next/headers';
import { KNOWN_DEVICE, rememberDevice } from '@/lib/auth/device';
import { REMEMBER_SECOND_FACTOR_MS, rememberSecondFactor } from '@/lib/auth/totp';
import { servedOverHttps } from './https';

/** The browser's known-device tokens (lib/auth/device.ts); only the sign-in reads it. */
export const DEVICE_COOKIE = 'known-device';

/** The browsers trusted to skip the second factor for 30 days (lib/auth/totp.ts); only the sign-in reads it. */
export const SECOND_FACTOR_COOKIE = 'trusted-browser';

/** A cookie's value in a request's Cookie header (the sign-in provider sees the raw request). */
export function cookieFrom(cookieHeader: string | null | undefined, cookie: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookie) return value.join('=');
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

/** "Trust this browser": the second factor is skipped here for this user for 30 days, until it is reset. */
export async function trustThisBrowser(userId: string, secondFactorSince: Date): Promise<void> {
  const jar = await cookies();
  jar.set(SECOND_FACTOR_COOKIE, rememberSecondFactor(jar.get(SECOND_FACTOR_COOKIE)?.value, userId, secondFactorSince), {
    httpOnly: true,
    sameSite: 'strict',
    secure: servedOverHttps(await headers()),
    path: '/',
    maxAge: Math.floor(REMEMBER_SECOND_FACTOR_MS / 1000),
  });
}
