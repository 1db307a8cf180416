import { storedDocumentResponse } from '@/app/_server/document-response';
import { openAttachment, readAttachment } from '@/lib/applications/attachments';

/** Downloads an application's document; lib/applications decides who may (everyone else: 404), then it streams from the store. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return storedDocumentResponse((await params).id, readAttachment, openAttachment);
}
