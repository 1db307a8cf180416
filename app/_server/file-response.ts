import 'server-only';
import { AppError } from '@/lib/errors';
import type { NextRequest } from 'next/server';
import { getLocale } from 'next-intl/server';
import { getDb, type Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/permissions';
import { getActor } from '@/app/_server/session';
import { isNotFound } from '@/app/_server/not-found';
import { todayIso } from '@/lib/dates';
import { csvDialectFor } from '@/lib/export/csv';
import type { Locale } from '@/lib/i18n/locales';
import { getParkBySlug, type ParkDto } from '@/lib/parks/parks';
import { searchValues } from './search-params';
import { describeRefusal } from './action';
import { downloadResponse } from './download';

type File = { body: string | Buffer; contentType: string };

/**
 * For a download route: the signed-in actor, then the file `make` builds, as an attachment. A refusal
 * (NOT_FOUND, or FORBIDDEN: a download the actor may not have looks missing) is a 404; a value lib/
 * refuses as malformed (an id or key from the address, filters that cannot be applied) is a 400 with
 * the reason in the reader's language. `fileName` may be worked out once the file is made.
 */
export async function signedInFileResponse(fileName: string | (() => string), make: (ctx: { actor: Actor; db: Db }) => Promise<File>): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response('Sign in first', { status: 401 });
  const db = await getDb();
  try {
    // The name after the file: a park's file is named after the park `make` resolved.
    return downloadResponse({ ...(await make({ actor, db })), fileName: typeof fileName === 'string' ? fileName : fileName() });
  } catch (error) {
    if (isNotFound(error, { forbidden: true })) return new Response('Not found', { status: 404 });
    if (error instanceof AppError && error.code === 'VALIDATION') return new Response(`${await describeRefusal(error)}\n`, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    throw error;
  }
}

/**
 * For a park's download route: the signed-in actor and the park (404 when the actor may not `action`
 * there, exactly like a missing park), then the file `make` builds, as an attachment. The domain function
 * inside `make` checks permissions again.
 */
export async function parkFileResponse(
  slug: string,
  action: Permission,
  fileName: string | ((park: ParkDto) => string),
  make: (ctx: { actor: Actor; db: Db; park: ParkDto }) => Promise<File>,
): Promise<Response> {
  let park: ParkDto | undefined;
  return signedInFileResponse(
    () => (typeof fileName === 'string' ? fileName : fileName(park!)),
    async ({ actor, db }) => {
      park = await getParkBySlug(db, { actor, slug, action });
      return make({ actor, db, park });
    },
  );
}

/**
 * For a park's list export, `?format=csv|xlsx` beside the list's own filters: the file named
 * `<name>-<park>-<today>.<format>`, which `make` builds from the query, the format, the reader's CSV
 * dialect and today's date.
 */
export async function parkListExport(
  request: NextRequest,
  slug: string,
  action: Permission,
  name: string,
  make: (ctx: { actor: Actor; db: Db; park: ParkDto; search: Record<string, string>; file: { format: 'csv' | 'xlsx'; dialect: ReturnType<typeof csvDialectFor>; today: string } }) => Promise<File>,
): Promise<Response> {
  const search = searchValues(request.nextUrl.searchParams);
  const format = search.format === 'xlsx' ? 'xlsx' : 'csv';
  const dialect = csvDialectFor((await getLocale()) as Locale);
  const now = new Date();
  // Today in the park's zone, read once for the file's name and its contents.
  return parkFileResponse(
    slug,
    action,
    (park) => `${name}-${slug}-${todayIso(park.timeZone, now)}.${format}`,
    (ctx) => make({ ...ctx, search, file: { format, dialect, today: todayIso(ctx.park.timeZone, now) } }),
  );
}
