import 'server-only';
import { getDb, type Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/permissions';
import { getActor } from '@/app/_server/session';
import { isNotFound } from '@/app/_server/not-found';
import { getParkBySlug, type ParkDto } from '@/lib/parks/parks';
import { downloadResponse } from './download';

type File = { body: string | Buffer; contentType: string };

/**
 * For a park's download route: the signed-in actor and the park (404 when the actor may not `action`
 * there, exactly like a missing park), then the file `make` builds, as an attachment. The domain function
 * inside `make` checks permissions again.
 */
export async function parkFileResponse(
  slug: string,
  action: Permission,
  fileName: string,
  make: (ctx: { actor: Actor; db: Db; park: ParkDto }) => Promise<File>,
): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response('Sign in first', { status: 401 });
  const db = await getDb();
  try {
    const park = await getParkBySlug(db, { actor, slug, action });
    return downloadResponse({ ...(await make({ actor, db, park })), fileName });
  } catch (error) {
    if (isNotFound(error, { forbidden: true })) return new Response('Not found', { status: 404 });
    throw error;
  }
}
