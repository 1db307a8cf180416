'use server';

import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/app/_server/auth';
import { runPublicAction, type ActionResult } from '@/app/_server/action';
import { AppError } from '@/lib/errors';
import { signInSchema } from '@/lib/validation/users';

export async function signInAction(input: unknown): Promise<ActionResult<null>> {
  return runPublicAction(signInSchema, input, async ({ email, password }) => {
    try {
      await signIn('credentials', { email, password, redirect: false });
      return null;
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const throttled = (error as AuthError & { code?: string }).code === 'throttled';
      throw throttled
        ? new AppError('RATE_LIMITED', 'too many failed attempts; try again later', { key: 'throttled' })
        : new AppError('UNAUTHENTICATED', 'wrong e-mail or password', { key: 'invalidCredentials' });
    }
  });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/sign-in' });
}
