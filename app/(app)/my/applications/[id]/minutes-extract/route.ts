import { getDb } from '@/db/client';
import { downloadResponse } from '@/app/_server/download';
import { isNotFound } from '@/app/_server/not-found';
import { getActor } from '@/app/_server/session';
import { getMinutesExtract } from '@/lib/council/minutes';
import { isLocale } from '@/lib/i18n/locales';
import { isUuid } from '@/lib/validation/uuid';

// pdfkit and the font file need Node's fs.
export const runtime = 'nodejs';

/**
 * GET /my/applications/{id}/minutes-extract[?lang=ru|en]: the extract of the applicant's own item from
 * the approved minutes of the meeting that decided it (lib/council/minutes decides who may; else 404).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response('Sign in first', { status: 401 });
  const { id } = await params;
  const lang = new URL(request.url).searchParams.get('lang');
  if (!isUuid(id) || (lang !== null && !isLocale(lang))) return new Response('Not found', { status: 404 });
  try {
    const file = await getMinutesExtract(await getDb(), { actor, applicationId: id, locale: lang ?? undefined });
    return downloadResponse({ body: file.bytes, contentType: 'application/pdf', fileName: file.fileName, sizeBytes: file.bytes.length });
  } catch (error) {
    if (isNotFound(error, { forbidden: true })) return new Response('Not found', { status: 404 });
    throw error;
  }
}
