import fs from 'node:fs';
import { Readable } from 'node:stream';
import { getDb } from '@/db/client';
import { downloadResponse } from '@/app/_server/download';
import { isNotFound } from '@/app/_server/not-found';
import { getActor } from '@/app/_server/session';
import { readAttachment } from '@/lib/applications/attachments';
import { isUuid } from '@/lib/validation/uuid';

/** Downloads an application's document; lib/applications decides who may (everyone else: 404). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) return new Response('Sign in first', { status: 401 });
  if (!isUuid(id)) return new Response('Not found', { status: 404 });
  try {
    const file = await readAttachment(await getDb(), { actor, attachmentId: id });
    if (!fs.existsSync(file.absolutePath)) return new Response('Not found', { status: 404 });
    const body = Readable.toWeb(fs.createReadStream(file.absolutePath)) as ReadableStream<Uint8Array>;
    return downloadResponse({ body, contentType: file.mimeType, fileName: file.fileName, sizeBytes: file.sizeBytes });
  } catch (error) {
    if (isNotFound(error)) return new Response('Not found', { status: 404 });
    throw error;
  }
}
