'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { z } from 'zod';
import { runAction, type ActionResult } from '@/app/_server/action';
import { AppError } from '@/lib/errors';
import { importServiceRequests, SERVICE_IMPORT_MAX_BYTES, type ServiceImportResult } from '@/lib/services/bulk-import';
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

/**
 * The filled-in template of requests delivered outside the product: all rows imported, or none (the
 * answer then names every bad row). The file travels as FormData beside the park.
 */
export async function importServiceRequestsAction(formData: FormData): Promise<ActionResult<ServiceImportResult>> {
  return runAction(z.strictObject({ parkId: z.uuid() }), { parkId: formData.get('parkId') }, async (data, actor) => {
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) throw new AppError('VALIDATION', 'file: choose a file', { fieldErrors: { file: ['required'] } });
    if (file.size > SERVICE_IMPORT_MAX_BYTES) return { ok: false, fileIssues: [{ field: null, code: 'importTooLarge', params: { max: SERVICE_IMPORT_MAX_BYTES / 1024 / 1024 } }], rows: [] };
    const result = await importServiceRequests(await getDb(), { actor, parkId: data.parkId, file: new Uint8Array(await file.arrayBuffer()) });
    if (result.ok) refreshDesk();
    return result;
  });
}
