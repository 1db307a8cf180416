import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { loadActor } from '@/lib/users/users';
import type { Actor } from './actor';
import { auth } from './index';

/**
 * The signed-in actor for this request, read fresh from the database, so a disabled account or a
 * changed role takes effect on the next request. Null when signed out or disabled.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadActor(await getDb(), userId);
});

/** For pages: the actor, or a redirect to sign-in. */
export async function requireActor(): Promise<Extract<Actor, { type: 'user' }>> {
  const actor = await getActor();
  if (!actor || actor.type !== 'user') redirect('/sign-in');
  return actor;
}
