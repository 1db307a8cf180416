'use server';

import { AuthError } from 'next-auth';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { DisabledSignin, SecondFactorSignin, signIn, signOut, ThrottledSignin } from '@/app/_server/auth';
import { rememberThisDevice, trustThisBrowser } from '@/app/_server/known-device';
import { runPublicAction, type ActionResult } from '@/app/_server/action';
import { AppError, refusal } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/locales';
import { recordSignIn } from '@/lib/users/sign-in';
import { signInSchema } from '@/lib/validation/users';

/** `secondFactor`: the password was right; the form now asks for the code. */
export async function signInAction(input: unknown): Promise<ActionResult<{ secondFactor: boolean }>> {
  return runPublicAction(signInSchema, input, async ({ email, password, code, remember }) => {
    try {
      await signIn('credentials', { email, password, ...(code ? { code } : {}), redirect: false });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      if (error instanceof ThrottledSignin) throw throttledError(error.retryAfterSeconds);
      if (error instanceof DisabledSignin) throw new AppError('FORBIDDEN', 'this account is disabled', { key: 'accountDisabled' });
      if (error instanceof SecondFactorSignin) {
        if (!error.codeGiven) return { secondFactor: true };
        throw refusal('UNAUTHENTICATED', 'secondFactorCodeWrong', 'the code is wrong or has expired');
      }
      throw new AppError('UNAUTHENTICATED', 'wrong e-mail or password', { key: 'invalidCredentials' });
    }
    await rememberThisDevice(email);
    const locale = await getLocale();
    const signedIn = await recordSignIn(await getDb(), { email, locale: isLocale(locale) ? locale : 'en' });
    if (remember && signedIn?.secondFactorSince) await trustThisBrowser(signedIn.userId, signedIn.secondFactorSince);
    return { secondFactor: false };
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
