import { checkReadiness } from '@/lib/readiness';

/** Readiness: 200 when the server can take requests (database, migrations, document storage), 503 otherwise. */
export const dynamic = 'force-dynamic';

export async function GET() {
  const { ready, checks } = await checkReadiness();
  return Response.json({ status: ready ? 'ready' : 'unavailable', checks }, { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
