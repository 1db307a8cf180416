'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { commitKpiUpload, previewKpiUpload, type UploadCommitResult, type UploadPreview } from '@/lib/kpi/bulk-upload';
import { sendKpiReminders, updateKpiSettings } from '@/lib/kpi/deadlines';
import { acceptKpiReport, returnKpiReport } from '@/lib/kpi/review';
import { AppError } from '@/lib/errors';
import { KPI_UPLOAD_MAX_BYTES, kpiParkSchema, kpiReportIdSchema, kpiSettingsSchema, kpiTemplateSchema, returnKpiReportSchema } from '@/lib/validation/kpi';

export async function acceptKpiReportAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(kpiReportIdSchema, input, async (data, actor) => {
    await acceptKpiReport(await getDb(), { actor, input: data });
    revalidatePath('/p/[park]/kpi', 'layout');
    return null;
  });
}

/**
 * The Accept button's form action, usable before the page is hydrated (a plain form post): the
 * state is the last refusal, if any.
 */
export async function acceptKpiReportFormAction(_previous: string | null, formData: FormData): Promise<string | null> {
  const result = await acceptKpiReportAction({ reportId: formData.get('reportId') });
  return result.ok ? null : (result.formError ?? null);
}

export async function returnKpiReportAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(returnKpiReportSchema, input, async (data, actor) => {
    await returnKpiReport(await getDb(), { actor, input: data });
    revalidatePath('/p/[park]/kpi', 'layout');
    return null;
  });
}

export async function updateKpiSettingsAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(kpiSettingsSchema, input, async (data, actor) => {
    await updateKpiSettings(await getDb(), { actor, input: data });
    revalidatePath('/p/[park]/kpi', 'layout');
    return null;
  });
}

async function fileBytes(formData: FormData): Promise<Uint8Array> {
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) throw new AppError('VALIDATION', 'file: choose a file', { fieldErrors: { file: ['required'] } });
  if (file.size > KPI_UPLOAD_MAX_BYTES) {
    throw new AppError('VALIDATION', 'file: too large', { key: 'kpiUploadTooLarge', params: { max: KPI_UPLOAD_MAX_BYTES / 1024 / 1024 } });
  }
  return new Uint8Array(await file.arrayBuffer());
}

export async function previewKpiUploadAction(formData: FormData): Promise<ActionResult<UploadPreview>> {
  return runAction(kpiTemplateSchema, { parkId: formData.get('parkId'), year: formData.get('year') }, async (data, actor) =>
    previewKpiUpload(await getDb(), { actor, input: data, file: await fileBytes(formData) }),
  );
}

export async function commitKpiUploadAction(formData: FormData): Promise<ActionResult<UploadCommitResult>> {
  return runAction(kpiTemplateSchema, { parkId: formData.get('parkId'), year: formData.get('year') }, async (data, actor) => {
    const result = await commitKpiUpload(await getDb(), { actor, input: data, file: await fileBytes(formData) });
    revalidatePath('/p/[park]/kpi', 'layout');
    return result;
  });
}

/**
 * The manager's "Send reminders now": the reminders that are due today go out (each once, whoever
 * else sends them); the scheduled job sends them too, so no page does it on opening. The state is
 * how many went out, or the refusal.
 */
export async function sendKpiRemindersFormAction(_previous: { sent: number } | { error: string } | null, formData: FormData): Promise<{ sent: number } | { error: string }> {
  const result = await runAction(kpiParkSchema, { parkId: formData.get('parkId') }, async (data, actor) => {
    const sent = await sendKpiReminders(await getDb(), { actor, parkId: data.parkId });
    return sent.before + sent.after;
  });
  return result.ok ? { sent: result.data } : { error: result.formError ?? '' };
}
