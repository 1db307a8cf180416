'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { deleteDraft, saveDraft, submitApplication } from '@/lib/applications/applications';
import { deleteAttachment } from '@/lib/applications/attachments';
import { runAction, type ActionResult } from '@/app/_server/action';
import { zoneOr } from '@/lib/dates';
import { formatTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { applicationIdSchema, saveDraftSchema, submitApplicationSchema } from '@/lib/validation/applications';

/** `savedAt` is the server's moment written on the reader's clock, zone named, as the page's other times are: never the browser's clock. */
export async function saveDraftAction(input: unknown): Promise<ActionResult<{ applicationId: string; savedAt: string }>> {
  return runAction(saveDraftSchema, input, async (data, actor) => {
    const saved = await saveDraft(await getDb(), { actor, input: data });
    return { applicationId: saved.applicationId, savedAt: formatTime(saved.savedAt, (await getLocale()) as Locale, zoneOr(actor.timeZone)) };
  });
}

export async function submitApplicationAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(submitApplicationSchema, input, async (data, actor) => {
    const result = await submitApplication(await getDb(), { actor, applicationId: data.applicationId, coverNote: data.coverNote });
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
