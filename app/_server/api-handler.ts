import 'server-only';
import { getDb, type Db } from '@/db/client';
import { authenticateApiToken } from '@/lib/api-tokens/tokens';
import type { Actor } from '@/lib/auth/actor';
import { negotiateLocale } from '@/lib/i18n/locales';
import { AppError, httpStatus } from '@/lib/errors';
import { loadSessionActor } from '@/lib/users/sessions';
import type { ReportLocale } from '@/lib/reports/types';
import { noteRequestActor } from '@/lib/log/context';
import { loggerFor } from '@/lib/log/logger';

/*
 * The JSON API's plumbing: who is calling (a Bearer API token, or else the signed-in session),
 * and every failure as `{ error: { code, message } }` with the status of lib/errors.ts. Route
 * handlers stay thin: they parse the request and call lib/.
 */

const unauthenticated = (message: string) => new AppError('UNAUTHENTICATED', message, { key: 'unauthenticated' });

/** The caller: `Authorization: Bearer <token>` (read-only, one park), or the browser's session. */
export async function apiActor(request: Request, db: Db): Promise<Actor> {
  const header = request.headers.get('authorization');
  if (header !== null) {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    const actor = await authenticateApiToken(db, match[1]);
    if (!actor) throw unauthenticated('the API token is unknown or revoked');
    return actor;
  }
  const { auth } = await import('@/app/_server/auth');
  const session = await auth();
  const actor = session?.user?.id ? await loadSessionActor(db, { userId: session.user.id, sessionId: session.sid }) : null;
  if (!actor) throw unauthenticated('sign in, or send an API token as "Authorization: Bearer <token>"');
  return actor;
}

const NO_STORE = { 'Cache-Control': 'no-store' };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
  });
}

/** An AppError as the API's error body; anything else is logged and answered without details. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const body: { code: string; message: string; fields?: Record<string, string[]> } = { code: error.code, message: error.message };
    if (error.fieldErrors) body.fields = error.fieldErrors;
    const headers: Record<string, string> = error.code === 'UNAUTHENTICATED' ? { 'WWW-Authenticate': 'Bearer' } : {};
    return jsonResponse({ error: body }, httpStatus(error.code), headers);
  }
  loggerFor('api').error({ err: error }, 'unexpected error');
  return jsonResponse({ error: { code: 'INTERNAL', message: 'the server could not answer this request' } }, 500);
}

type RouteContext<P> = { params: Promise<P> };

/** A GET handler: resolves the caller, runs `handle`, answers JSON (or the Response it returns). */
export function apiGet<P extends Record<string, string>>(
  handle: (ctx: { request: Request; url: URL; db: Db; actor: Actor; params: P }) => Promise<unknown>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const db = await getDb();
      const actor = await apiActor(request, db);
      noteRequestActor(actor.type === 'user' ? actor.userId : actor.type === 'apiToken' ? `token:${actor.tokenId}` : null);
      const params = await context.params;
      const result = await handle({ request, url: new URL(request.url), db, actor, params });
      return result instanceof Response ? result : jsonResponse(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export const FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof FORMATS)[number];

/** `?format=` (json by default); anything else is a 400. */
export function formatParam(url: URL): ExportFormat {
  const value = url.searchParams.get('format') ?? 'json';
  if (!(FORMATS as readonly string[]).includes(value))
    throw new AppError('VALIDATION', `format: must be one of ${FORMATS.join(', ')}`, { fieldErrors: { format: [`must be one of ${FORMATS.join(', ')}`] } });
  return value as ExportFormat;
}

/** `?locale=en|ru`, else the best of Accept-Language; anything else is a 400. */
export function localeParam(url: URL, request: Request): ReportLocale {
  const value = url.searchParams.get('locale');
  if (value === null) return negotiateLocale(request.headers.get('accept-language'));
  if (value !== 'en' && value !== 'ru')
    throw new AppError('VALIDATION', 'locale: must be en or ru', { fieldErrors: { locale: ['must be en or ru'] } });
  return value;
}
