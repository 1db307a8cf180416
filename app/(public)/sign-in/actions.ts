'use server';

import { AuthError } from 'next-auth';
import { signIn, signOut, ThrottledSignin } from '@/app/_server/auth';
import { rememberThisDevice } from '@/app/_server/known-device';
import { runPublicAction, type ActionResult } from '@/app/_server/action';
import { AppError } from '@/lib/errors';
import { signInSchema } from '@/lib/validation/users';

export async function signInAction(input: unknown): Promise<ActionResult<null>> {
  return runPublicAction(signInSchema, input, async ({ email, password }) => {
    try {
      await signIn('credentials', { email, password, redirect: false });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      if (error instanceof ThrottledSignin) throw throttledError(error.retryAfterSeconds);
      throw new AppError('UNAUTHENTICATED', 'wrong e-mail or password', { key: 'invalidCredentials' });
    }
    await rememberThisDevice(email);
    return null;
  });
}

/** "Try again in 40 seconds" / "in 8 minutes". */
function throttledError(seconds: number): AppError {
  const params = seconds < 120 ? { unit: 'seconds', count: seconds } : { unit: 'minutes', count: Math.ceil(seconds / 60) };
  return new AppError('RATE_LIMITED', `too many failed attempts; try again in ${seconds} s`, { key: 'throttled', params });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/sign-in' });
}
