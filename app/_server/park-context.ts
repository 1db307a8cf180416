import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import type { Permission } from '@/lib/auth/permissions';
import { orNotFound } from '@/app/_server/not-found';
import { requireActor } from '@/app/_server/session';
import { getParkBySlug } from '@/lib/parks/parks';
import { noteRequestActor } from '@/lib/log/context';

/**
 * For park pages: the actor, the database and the park from the URL, if the actor may do `action`
 * there; otherwise the page answers 404 — another park's page looks like a missing one.
 */
export const parkContext = cache(async (slug: string, action: Permission = 'park.read') => {
  const actor = await requireActor();
  const db = await getDb();
  const park = await orNotFound(getParkBySlug(db, { actor, slug, action }), { forbidden: true });
  noteRequestActor(actor.userId, park.slug);
  return { actor, db, park };
});
