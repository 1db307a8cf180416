import { openApiDocument } from '@/lib/api/openapi';

/** The OpenAPI 3.1 description of /api/v1; public, like any API documentation. */
export function GET(): Response {
  return new Response(`${JSON.stringify(openApiDocument, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
}
