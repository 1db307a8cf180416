import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import type { Permission } from '@/lib/auth/permissions';
import { requireActor } from '@/app/_server/session';
import { AppError } from '@/lib/errors';
import { getParkBySlug } from '@/lib/parks/parks';

/**
 * For park pages: the actor, the database and the park from the URL, if the actor may do `action`
 * there; otherwise the page answers 404 — another park's page looks like a missing one.
 */
export const parkContext = cache(async (slug: string, action: Permission = 'park.read') => {
  const actor = await requireActor();
  const db = await getDb();
  try {
    const park = await getParkBySlug(db, { actor, slug, action });
    return { actor, db, park };
  } catch (error) {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  }
});
