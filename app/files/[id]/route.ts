import fs from 'node:fs';
import { Readable } from 'node:stream';
import { getDb } from '@/db/client';
import { readAttachment } from '@/lib/applications/attachments';
import { getActor } from '@/app/_server/session';
import { AppError } from '@/lib/errors';

/** `filename*` carries any name (Cyrillic included); `filename` an ASCII fallback for old clients. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Downloads an application's document; lib/applications decides who may (everyone else: 404). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) return new Response('Sign in first', { status: 401 });
  if (!/^[0-9a-f-]{36}$/i.test(id)) return new Response('Not found', { status: 404 });
  try {
    const file = await readAttachment(await getDb(), { actor, attachmentId: id });
    if (!fs.existsSync(file.absolutePath)) return new Response('Not found', { status: 404 });
    const stream = Readable.toWeb(fs.createReadStream(file.absolutePath)) as ReadableStream<Uint8Array>;
    return new Response(stream, {
      headers: {
        'Content-Type': file.mimeType,
        'Content-Length': String(file.sizeBytes),
        'Content-Disposition': disposition(file.fileName),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return new Response('Not found', { status: 404 });
    throw error;
  }
}
