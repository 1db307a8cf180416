import { getDb } from '@/db/client';
import { downloadResponse } from '@/app/_server/download';
import { isNotFound } from '@/app/_server/not-found';
import { getActor } from '@/app/_server/session';
import { openAttachment, readAttachment } from '@/lib/applications/attachments';
import { isUuid } from '@/lib/validation/uuid';

/** Downloads an application's document; lib/applications decides who may (everyone else: 404), then it streams from the store. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) return new Response('Sign in first', { status: 401 });
  if (!isUuid(id)) return new Response('Not found', { status: 404 });
  try {
    const file = await readAttachment(await getDb(), { actor, attachmentId: id });
    const stored = await openAttachment(file);
    if (!stored) return new Response('Not found', { status: 404 });
    return downloadResponse({ body: stored.body, contentType: file.mimeType, fileName: file.fileName, sizeBytes: stored.sizeBytes });
  } catch (error) {
    if (isNotFound(error)) return new Response('Not found', { status: 404 });
    throw error;
  }
}
