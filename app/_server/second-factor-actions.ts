'use server';

import { getDb } from '@/db/client';
import { confirmTotpEnrolment, disableSecondFactor, regenerateRecoveryCodes } from '@/lib/users/second-factor';
import { secondFactorConfirmSchema, secondFactorEnrolSchema } from '@/lib/validation/users';
import { runAccountAction, type ActionResult } from './action';

/** The person's own second factor: confirm the set-up, replace the recovery codes, turn it off. */
export async function confirmSecondFactorAction(input: unknown): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return runAccountAction(secondFactorEnrolSchema, input, async (data, actor) => confirmTotpEnrolment(await getDb(), { actor, ...data }));
}

export async function newRecoveryCodesAction(input: unknown): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return runAccountAction(secondFactorConfirmSchema, input, async ({ code }, actor) => regenerateRecoveryCodes(await getDb(), { actor, code }));
}

export async function disableSecondFactorAction(input: unknown): Promise<ActionResult<null>> {
  return runAccountAction(secondFactorConfirmSchema, input, async ({ code }, actor) => {
    await disableSecondFactor(await getDb(), { actor, code });
    return null;
  });
}
