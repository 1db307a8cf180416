'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { createService, deactivateService, updateService } from '@/lib/services/catalogue';
import { assignServiceRequest, deliverServiceRequest, refuseServiceRequest, startServiceRequest } from '@/lib/services/requests';
import {
  assignServiceRequestSchema,
  createServiceSchema,
  deliverServiceRequestSchema,
  refuseServiceRequestSchema,
  requestIdSchema,
  serviceIdSchema,
  updateServiceSchema,
} from '@/lib/validation/services';

/* The park travels as an argument beside each form; every domain function checks the actor's rights in it. */

const refreshDesk = () => revalidatePath('/p/[park]/services', 'layout');

export async function createServiceAction(parkId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(createServiceSchema, input, async (data, actor) => {
    const service = await createService(await getDb(), { actor, parkId, input: data });
    refreshDesk();
    return { id: service.id };
  });
}

export async function updateServiceAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(updateServiceSchema, input, async (data, actor) => {
    await updateService(await getDb(), { actor, parkId, input: data });
    refreshDesk();
    return null;
  });
}

export async function deactivateServiceAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(serviceIdSchema, input, async (data, actor) => {
    await deactivateService(await getDb(), { actor, parkId, input: data });
    refreshDesk();
    return null;
  });
}

export async function assignServiceRequestAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(assignServiceRequestSchema, input, async (data, actor) => {
    await assignServiceRequest(await getDb(), { actor, parkId, input: data });
    refreshDesk();
    return null;
  });
}

export async function startServiceRequestAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(requestIdSchema, input, async (data, actor) => {
    await startServiceRequest(await getDb(), { actor, parkId, input: data });
    refreshDesk();
    return null;
  });
}

export async function deliverServiceRequestAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(deliverServiceRequestSchema, input, async (data, actor) => {
    await deliverServiceRequest(await getDb(), { actor, parkId, input: data });
    refreshDesk();
    return null;
  });
}

export async function refuseServiceRequestAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(refuseServiceRequestSchema, input, async (data, actor) => {
    await refuseServiceRequest(await getDb(), { actor, parkId, input: data });
    refreshDesk();
    return null;
  });
}
