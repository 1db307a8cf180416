import { getDb } from '@/db/client';
import { downloadResponse } from '@/app/_server/download';
import { isNotFound } from '@/app/_server/not-found';
import { getActor } from '@/app/_server/session';
import { getMinutesPdf } from '@/lib/council/minutes';
import { AppError } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/locales';
import { getParkBySlug } from '@/lib/parks/parks';
import { isUuid } from '@/lib/validation/uuid';

// pdfkit and the font file need Node's fs.
export const runtime = 'nodejs';

/**
 * GET /p/{park}/council/{id}/minutes/pdf[?version=N][&lang=ru|en]: the minutes as a PDF, for those who
 * may run the park's council (lib/council/minutes decides; everyone else: 404). Without a version: the
 * approved version in force, or a draft while there is none; without a language: the parks' own.
 */
export async function GET(request: Request, { params }: { params: Promise<{ park: string; id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response('Sign in first', { status: 401 });
  const { park: slug, id } = await params;
  const search = new URL(request.url).searchParams;
  const version = search.get('version');
  const lang = search.get('lang');
  if (!isUuid(id) || (version !== null && !/^[1-9][0-9]{0,5}$/.test(version)) || (lang !== null && !isLocale(lang))) return new Response('Not found', { status: 404 });
  try {
    const db = await getDb();
    const park = await getParkBySlug(db, { actor, slug, action: 'council.meet' });
    const file = await getMinutesPdf(db, { actor, meetingId: id, parkId: park.id, version: version === null ? undefined : Number(version), locale: lang ?? undefined });
    return downloadResponse({ body: file.bytes, contentType: 'application/pdf', fileName: file.fileName, sizeBytes: file.bytes.length });
  } catch (error) {
    if (isNotFound(error, { forbidden: true })) return new Response('Not found', { status: 404 });
    if (error instanceof AppError && error.code === 'VALIDATION') return new Response(`${error.message}\n`, { status: 400 });
    throw error;
  }
}
