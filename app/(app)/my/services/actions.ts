'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { cancelServiceRequest, createServiceRequest } from '@/lib/services/requests';
import { cancelServiceRequestSchema, createServiceRequestSchema } from '@/lib/validation/services';

/** A representative's request for a service of the park `parkId`; the domain function checks the company is theirs and resident. */
export async function createServiceRequestAction(parkId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(createServiceRequestSchema, input, async (data, actor) => {
    const request = await createServiceRequest(await getDb(), { actor, parkId, input: data });
    revalidatePath('/my/services', 'layout');
    return { id: request.id };
  });
}

export async function cancelServiceRequestAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(cancelServiceRequestSchema, input, async (data, actor) => {
    await cancelServiceRequest(await getDb(), { actor, input: data });
    revalidatePath('/my/services', 'layout');
    return null;
  });
}
