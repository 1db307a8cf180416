import 'server-only';
import { getDb, type Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import type { StoredObject } from '@/lib/storage';
import { isUuid } from '@/lib/validation/uuid';
import { downloadResponse } from './download';
import { isNotFound } from './not-found';
import { getActor } from './session';

type Readable = { fileName: string; mimeType: string };

/**
 * An uploaded document by id for download: `read` (lib/) decides who may see it, and everyone else,
 * like a malformed or unknown id, gets a 404; then it streams from the document store.
 */
export async function storedDocumentResponse<F extends Readable>(
  id: string,
  read: (db: Db, args: { actor: Actor; attachmentId: string }) => Promise<F>,
  open: (file: F) => Promise<StoredObject | null>,
): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response('Sign in first', { status: 401 });
  if (!isUuid(id)) return new Response('Not found', { status: 404 });
  try {
    const file = await read(await getDb(), { actor, attachmentId: id });
    const stored = await open(file);
    if (!stored) return new Response('Not found', { status: 404 });
    return downloadResponse({ body: stored.body, contentType: file.mimeType, fileName: file.fileName, sizeBytes: stored.sizeBytes });
  } catch (error) {
    if (isNotFound(error)) return new Response('Not found', { status: 404 });
    throw error;
  }
}
