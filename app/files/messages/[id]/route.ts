import { storedDocumentResponse } from '@/app/_server/document-response';
import { openThreadAttachment, readThreadAttachment } from '@/lib/threads/threads';

/** Downloads a document sent in a conversation; lib/threads decides who may (everyone else: 404), then it streams from the store. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return storedDocumentResponse((await params).id, readThreadAttachment, openThreadAttachment);
}
