/** Liveness for a load balancer or an orchestrator: the process answers. It touches no database. */
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
