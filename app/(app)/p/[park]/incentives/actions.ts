'use server';

import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { grantIncentive, revokeIncentive } from '@/lib/incentives/incentives';
import { grantIncentiveSchema, revokeIncentiveSchema } from '@/lib/validation/incentives';

/** The park travels as an argument beside the form; the domain function checks the actor's rights in it. */
export async function grantIncentiveAction(parkId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(grantIncentiveSchema, input, async (data, actor) => ({ id: (await grantIncentive(await getDb(), { actor, parkId, input: data })).id }));
}

export async function revokeIncentiveAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(revokeIncentiveSchema, input, async (data, actor) => {
    await revokeIncentive(await getDb(), { actor, parkId, input: data });
    return null;
  });
}
