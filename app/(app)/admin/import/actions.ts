'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { DATASET_UPLOAD_MAX_BYTES, importDatasetUpload } from '@/lib/admin/dataset-upload';
import { runAction, type ActionResult } from '@/app/_server/action';
import type { ImportResult } from '@/lib/dataset/import';
import { AppError } from '@/lib/errors';
import { datasetImportSchema } from '@/lib/validation/dataset';

/** Checks (dry run) or imports the uploaded data set; the file travels in the form data. */
export async function importDatasetAction(formData: FormData): Promise<ActionResult<ImportResult>> {
  return runAction(datasetImportSchema, { dryRun: formData.get('dryRun') }, async (data, actor) => {
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) throw new AppError('VALIDATION', 'file: choose a file', { fieldErrors: { file: ['required'] } });
    if (file.size > DATASET_UPLOAD_MAX_BYTES) {
      throw new AppError('VALIDATION', 'file: too large', { key: 'datasetTooLarge', params: { max: DATASET_UPLOAD_MAX_BYTES / 1024 / 1024 } });
    }
    const result = await importDatasetUpload(await getDb(), { actor, file: new Uint8Array(await file.arrayBuffer()), dryRun: data.dryRun === 'true' });
    if (!result.dryRun) revalidatePath('/', 'layout');
    return result;
  });
}
