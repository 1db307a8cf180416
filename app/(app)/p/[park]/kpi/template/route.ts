import { getDb } from '@/db/client';
import { downloadResponse } from '@/app/_server/download';
import { isNotFound } from '@/app/_server/not-found';
import { getActor } from '@/app/_server/session';
import { AppError } from '@/lib/errors';
import { XLSX_TYPE } from '@/lib/export/xlsx';
import { buildKpiTemplate } from '@/lib/kpi/bulk-upload';
import { getParkBySlug } from '@/lib/parks/parks';

/** GET /p/{park}/kpi/template?year=YYYY: the bulk-upload template for the year (managers of the park only). */
export async function GET(request: Request, { params }: { params: Promise<{ park: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response('Sign in first', { status: 401 });
  const { park: slug } = await params;
  const year = new URL(request.url).searchParams.get('year') ?? '';
  try {
    const db = await getDb();
    const park = await getParkBySlug(db, { actor, slug, action: 'kpi.bulkUpload' });
    const { filename, data } = await buildKpiTemplate(db, { actor, input: { parkId: park.id, year } });
    return downloadResponse({ body: data, contentType: XLSX_TYPE, fileName: filename });
  } catch (error) {
    if (isNotFound(error, { forbidden: true })) return new Response('Not found', { status: 404 });
    if (error instanceof AppError) return new Response(error.message, { status: error.code === 'VALIDATION' ? 400 : 404 });
    throw error;
  }
}
