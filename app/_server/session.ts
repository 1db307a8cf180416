import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { loadSessionActor } from '@/lib/users/sessions';
import type { Actor } from '@/lib/auth/actor';
import { noteRequestActor } from '@/lib/log/context';
import { auth } from './auth';

/**
 * The signed-in actor for this request, read fresh from the database, so a disabled account, a
 * changed role or a session ended elsewhere takes effect on the next request. Null when signed out,
 * when the session was ended, or when the account is disabled.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const actor = await loadSessionActor(await getDb(), { userId: session.user.id, sessionId: session.sid });
  if (actor?.type === 'user') noteRequestActor(actor.userId);
  return actor;
});

/** For pages: the actor, or a redirect to sign-in. */
export async function requireActor(): Promise<Extract<Actor, { type: 'user' }>> {
  const actor = await getActor();
  if (!actor || actor.type !== 'user') redirect('/sign-in');
  return actor;
}
