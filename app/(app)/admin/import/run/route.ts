import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { describeError, type ActionResult } from '@/app/_server/action';
import { getActor } from '@/app/_server/session';
import { DATASET_UPLOAD_MAX_BYTES, importDatasetUpload } from '@/lib/admin/dataset-upload';
import type { ImportResult } from '@/lib/dataset/import';
import { AppError, httpStatus } from '@/lib/errors';
import { datasetImportSchema } from '@/lib/validation/dataset';
import { fieldErrorsOf } from '@/lib/validation/parse';

/** The form's own schema (lib/validation/dataset.ts), with the file the form sends beside it. */
const importSchema = datasetImportSchema.extend({ file: z.instanceof(File, { message: 'required' }) });

const answer = (result: ActionResult<ImportResult>, status = 200) => Response.json(result, { status });

/**
 * Checks (dryRun=true) or imports the uploaded data set (multipart: dryRun, file). A route rather than a
 * server action so the browser can show the upload's progress; a body larger than the limit is refused
 * from its declared length before it is read, and lib/admin decides who may import.
 */
export async function POST(request: Request) {
  const actor = await getActor();
  if (!actor || actor.type !== 'user') {
    const { formError } = await describeError(new AppError('UNAUTHENTICATED', 'sign in first', { key: 'unauthenticated' }));
    return answer({ ok: false, formError }, 401);
  }
  const tooLarge = new AppError('VALIDATION', 'file: too large', { key: 'datasetTooLarge', params: { max: DATASET_UPLOAD_MAX_BYTES / 1024 / 1024 }, fieldErrors: { file: ['datasetTooLarge'] } });
  if (Number(request.headers.get('content-length') ?? 0) > DATASET_UPLOAD_MAX_BYTES + 64 * 1024) return answer({ ok: false, ...(await describeError(tooLarge)) }, 413);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return answer({ ok: false, fieldErrors: { file: ['required'] } }, 400);
  }
  const parsed = importSchema.safeParse({ dryRun: form.get('dryRun'), file: form.get('file') });
  if (!parsed.success || parsed.data.file.size === 0) return answer({ ok: false, fieldErrors: parsed.success ? { file: ['required'] } : fieldErrorsOf(parsed.error) }, 400);
  try {
    const { file, dryRun } = parsed.data;
    const result = await importDatasetUpload(await getDb(), { actor, file: new Uint8Array(await file.arrayBuffer()), dryRun: dryRun === 'true' });
    if (!result.dryRun) revalidatePath('/', 'layout');
    return answer({ ok: true, data: result });
  } catch (error) {
    return answer({ ok: false, ...(await describeError(error)) }, error instanceof AppError ? httpStatus(error.code) : 500);
  }
}
