'use server';

import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { approveMinutes, reopenMinutes } from '@/lib/council/minutes';
import { approveMinutesSchema, reopenMinutesSchema } from '@/lib/validation/minutes';

export async function approveMinutesAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(approveMinutesSchema, input, async (data, actor) => {
    const { version } = await approveMinutes(await getDb(), { actor, input: data });
    return { version };
  });
}

export async function reopenMinutesAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(reopenMinutesSchema, input, async (data, actor) => reopenMinutes(await getDb(), { actor, input: data }));
}
