import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import type { Actor } from '@/lib/auth/actor';
import { noteRequestActor } from '@/lib/log/context';
import { auth, sessionActor } from './auth';

/**
 * The signed-in actor for this request, read fresh from the database, so a disabled account, a
 * changed role or a session ended elsewhere takes effect on the next request. Null when signed out,
 * when the session was ended, or when the account is disabled.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const actor = await sessionActor(session.user.id, session.sid);
  if (actor?.type === 'user' || actor?.type === 'enrolling') noteRequestActor(actor.userId);
  return actor;
});

/** Where a person whose role requires a second factor sets it up before anything else. */
export const SECOND_FACTOR_SETUP_PATH = '/two-factor/setup';

/** For pages: the actor, or a redirect to sign-in (or to the second factor's set-up, while it is required and missing). */
export async function requireActor(): Promise<Extract<Actor, { type: 'user' }>> {
  const actor = await getActor();
  if (actor?.type === 'enrolling') redirect(SECOND_FACTOR_SETUP_PATH);
  if (!actor || actor.type !== 'user') redirect('/sign-in');
  return actor;
}

/** For the account's own pages: the signed-in person, enrolling or not. */
export async function requirePerson(): Promise<Extract<Actor, { type: 'user' | 'enrolling' }>> {
  const actor = await getActor();
  if (!actor || (actor.type !== 'user' && actor.type !== 'enrolling')) redirect('/sign-in');
  return actor;
}
