'use server';

import { headers } from 'next/headers';
import { runPublicAction, type ActionResult } from '@/app/_server/action';
import { requestAddress } from '@/app/_server/request-address';
import { getDb } from '@/db/client';
import { requestPasswordReset, resetPassword } from '@/lib/users/password-reset';
import { passwordResetRequestSchema, passwordResetSchema } from '@/lib/validation/users';

/** The same answer whether or not the address has an account. */
export async function requestPasswordResetAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  return runPublicAction(passwordResetRequestSchema, input, async (data) =>
    requestPasswordReset(await getDb(), data, { ip: requestAddress((await headers()).get('x-forwarded-for')) }),
  );
}

export async function resetPasswordAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  return runPublicAction(passwordResetSchema, input, async (data) => resetPassword(await getDb(), data));
}
