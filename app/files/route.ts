import { z } from 'zod';
import { getDb } from '@/db/client';
import { uploadAttachment } from '@/lib/applications/attachments';
import { describeError, type ActionResult } from '@/app/_server/action';
import { getActor } from '@/app/_server/session';
import { AppError, httpStatus } from '@/lib/errors';
import { attachmentKindSchema, MAX_ATTACHMENT_BYTES } from '@/lib/validation/applications';
import { fieldErrorsOf } from '@/lib/validation/parse';

const uploadSchema = z.strictObject({
  applicationId: z.uuid(),
  kind: attachmentKindSchema,
  file: z.instanceof(File, { message: 'chooseFile' }),
});

type Uploaded = Awaited<ReturnType<typeof uploadAttachment>>;
const answer = (result: ActionResult<Uploaded>, status = 200) => Response.json(result, { status });

/**
 * Uploads one document to an application (multipart: applicationId, kind, file). A body larger than
 * the limit is refused from its declared length before it is read; the type and every rule are
 * checked by lib/applications.
 */
export async function POST(request: Request) {
  const actor = await getActor();
  if (!actor || actor.type !== 'user') {
    const { formError } = await describeError(new AppError('UNAUTHENTICATED', 'sign in first', { key: 'unauthenticated' }));
    return answer({ ok: false, formError }, 401);
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  // Room for the multipart envelope around a file of the maximum size.
  if (declared > MAX_ATTACHMENT_BYTES + 64 * 1024) {
    const { formError } = await describeError(new AppError('VALIDATION', 'the file is larger than 20 MB', { key: 'fileTooLarge' }));
    return answer({ ok: false, formError, fieldErrors: { file: ['fileTooLarge'] } }, 413);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return answer({ ok: false, fieldErrors: { file: ['chooseFile'] } }, 400);
  }
  const parsed = uploadSchema.safeParse({ applicationId: form.get('applicationId'), kind: form.get('kind'), file: form.get('file') });
  if (!parsed.success) return answer({ ok: false, fieldErrors: fieldErrorsOf(parsed.error) }, 400);
  const { applicationId, kind, file } = parsed.data;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await uploadAttachment(await getDb(), { actor, applicationId, kind, fileName: file.name, bytes });
    return answer({ ok: true, data: result });
  } catch (error) {
    const { formError, fieldErrors } = await describeError(error);
    return answer({ ok: false, formError, fieldErrors }, error instanceof AppError ? httpStatus(error.code) : 500);
  }
}
