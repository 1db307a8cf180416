import crypto from 'node:crypto';
import { getDb } from '@/db/client';
import { systemActor, type Actor, type ParkRole } from '@/lib/auth/actor';
import type { UserActor } from '@/lib/auth/permissions';
import { createPark } from '@/lib/parks/parks';
import { createUser, loadActor } from '@/lib/users/users';

/** Test data built through the domain functions, with unique names so tests never collide. */
export const uniq = (prefix = 't') => `${prefix}${crypto.randomBytes(4).toString('hex')}`;

export const TEST_PASSWORD = 'correct-horse-battery';

/** A park in the installation's zone unless `timeZone` says where it is. */
export async function makePark(overrides: { type?: 'industrial' | 'high_tech' | 'mixed'; slug?: string; timeZone?: string } = {}) {
  const db = await getDb();
  const slug = overrides.slug ?? uniq('park-');
  return createPark(db, { actor: systemActor('cli'), input: { slug, name: `Park ${slug}`, region: 'Test region', type: overrides.type ?? 'mixed', timeZone: overrides.timeZone } });
}

export async function makeUser(
  kind: 'applicant' | 'staff' | 'admin',
  memberships: { parkId: string; role: ParkRole }[] = [],
): Promise<Extract<Actor, { type: 'user' }>> {
  const db = await getDb();
  const email = `${uniq('u')}@example.com`;
  const user = await createUser(db, { actor: systemActor('cli'), input: { email, name: `User ${email}`, password: TEST_PASSWORD, kind, memberships } });
  const actor = await loadActor(db, user.id);
  if (!actor || actor.type !== 'user') throw new Error('fixture user not loadable');
  return actor;
}

export const makeManager = (parkId: string) => makeUser('staff', [{ parkId, role: 'manager' }]);
export const makeExpert = (parkId: string) => makeUser('staff', [{ parkId, role: 'expert' }]);
export const makeAnalyst = (parkId: string) => makeUser('staff', [{ parkId, role: 'analyst' }]);
export const makeApplicant = () => makeUser('applicant');
export const makeAdmin = () => makeUser('admin');

/** A fresh park and its manager: where the tests of one park's records start. */
export async function makeManagedPark(): Promise<{ parkId: string; manager: UserActor }> {
  const park = await makePark();
  return { parkId: park.id, manager: await makeManager(park.id) };
}
