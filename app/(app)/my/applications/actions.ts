'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { deleteDraft, saveDraft, submitApplication } from '@/lib/applications/applications';
import { deleteAttachment } from '@/lib/applications/attachments';
import { runAction, type ActionResult } from '@/app/_server/action';
import { applicationIdSchema, saveDraftSchema } from '@/lib/validation/applications';

export async function saveDraftAction(input: unknown): Promise<ActionResult<{ applicationId: string; savedAt: string }>> {
  return runAction(saveDraftSchema, input, async (data, actor) => {
    const saved = await saveDraft(await getDb(), { actor, input: data });
    return { applicationId: saved.applicationId, savedAt: saved.savedAt.toISOString() };
  });
}

export async function submitApplicationAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(applicationIdSchema, input, async (data, actor) => {
    const result = await submitApplication(await getDb(), { actor, applicationId: data.applicationId });
    revalidatePath('/my/applications');
    return result;
  });
}

export async function deleteAttachmentAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(z.strictObject({ attachmentId: z.uuid() }), input, async (data, actor) => {
    await deleteAttachment(await getDb(), { actor, attachmentId: data.attachmentId });
    return null;
  });
}

export async function deleteDraftAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(applicationIdSchema, input, async (data, actor) => {
    await deleteDraft(await getDb(), { actor, applicationId: data.applicationId });
    revalidatePath('/my/applications');
    return null;
  });
}
