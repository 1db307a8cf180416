'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { saveDraft, submitApplication } from '@/lib/applications/applications';
import { deleteAttachment, uploadAttachment } from '@/lib/applications/attachments';
import { runAction, type ActionResult } from '@/lib/auth/action';
import { applicationIdSchema, attachmentKindSchema, saveDraftSchema } from '@/lib/validation/applications';

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

const uploadSchema = z.strictObject({
  applicationId: z.uuid(),
  kind: attachmentKindSchema,
  file: z.instanceof(File, { message: 'chooseFile' }).refine((f) => f.size > 0, { message: 'chooseFile' }),
});

/** Takes the form's FormData as it comes: the file travels in the request body, never through a URL. */
export async function uploadAttachmentAction(formData: FormData): Promise<ActionResult<{ id: string }>> {
  const input = { applicationId: formData.get('applicationId'), kind: formData.get('kind'), file: formData.get('file') };
  return runAction(uploadSchema, input, async (data, actor) => {
    const bytes = new Uint8Array(await data.file.arrayBuffer());
    const result = await uploadAttachment(await getDb(), { actor, applicationId: data.applicationId, kind: data.kind, fileName: data.file.name, bytes });
    revalidatePath(`/my/applications/${data.applicationId}`);
    return result;
  });
}

export async function deleteAttachmentAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(z.strictObject({ attachmentId: z.uuid() }), input, async (data, actor) => {
    await deleteAttachment(await getDb(), { actor, attachmentId: data.attachmentId });
    return null;
  });
}
