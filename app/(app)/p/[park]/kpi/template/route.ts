import { getDb } from '@/db/client';
import { getActor } from '@/app/_server/session';
import { AppError } from '@/lib/errors';
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
    return new Response(new Uint8Array(data), {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' ? 'Not found' : error.message, { status: error.code === 'VALIDATION' ? 400 : 404 });
    throw error;
  }
}
