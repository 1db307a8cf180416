import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/app/_server/session';

/** Admin pages: anyone else gets the same 404 as for a missing page. */
export async function adminContext() {
  const actor = await requireActor();
  if (!can(actor, 'user.manage')) notFound();
  return { actor, db: await getDb() };
}
