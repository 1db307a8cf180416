import { getDb } from '@/db/client';
import { downloadResponse } from '@/app/_server/download';
import { isNotFound } from '@/app/_server/not-found';
import { getActor } from '@/app/_server/session';
import { AppError } from '@/lib/errors';
import { XLSX_TYPE } from '@/lib/export/xlsx';
import { getParkBySlug } from '@/lib/parks/parks';
import { buildServiceImportTemplate } from '@/lib/services/bulk-import';

/** GET /p/{park}/services/template: the XLSX template for requests delivered outside the product (the park's managers). */
export async function GET(_request: Request, { params }: { params: Promise<{ park: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response('Sign in first', { status: 401 });
  const { park: slug } = await params;
  try {
    const db = await getDb();
    const park = await getParkBySlug(db, { actor, slug, action: 'serviceRequest.handle' });
    const { filename, data } = await buildServiceImportTemplate(db, { actor, parkId: park.id });
    return downloadResponse({ body: data, contentType: XLSX_TYPE, fileName: filename });
  } catch (error) {
    if (isNotFound(error, { forbidden: true })) return new Response('Not found', { status: 404 });
    if (error instanceof AppError) return new Response(error.message, { status: error.code === 'VALIDATION' ? 400 : 404 });
    throw error;
  }
}
