import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { notifications } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { makeApplication } from '@/lib/test/application-fixtures';
import { makeApplicant, makeManager, makePark } from '@/lib/test/fixtures';
import { setUserDisabled } from '@/lib/users/users';
import { managersByPark, managersOf, representativesOf } from './recipients';

const noticesOf = async (userId: string, kind: string) => {
  const db = await getDb();
  return db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
};

describe('who is told', () => {
  it('a disabled manager gets no notice of a submitted application; an enabled one does', async () => {
    const db = await getDb();
    const park = await makePark();
    const [working, left] = [await makeManager(park.id), await makeManager(park.id)];
    await setUserDisabled(db, { actor: systemActor('cli'), userId: left.userId, disabled: true });
    await makeApplication(await makeApplicant(), park.id, { submit: true });
    expect(await noticesOf(working.userId, 'applicationSubmitted')).toHaveLength(1);
    expect(await noticesOf(left.userId, 'applicationSubmitted')).toHaveLength(0);
  });

  it('managers and representatives are the accounts that can sign in, per park and per company', async () => {
    const db = await getDb();
    const [parkA, parkB] = [await makePark(), await makePark()];
    const [a1, a2, b1] = [await makeManager(parkA.id), await makeManager(parkA.id), await makeManager(parkB.id)];
    await setUserDisabled(db, { actor: systemActor('cli'), userId: a2.userId, disabled: true });
    expect(await managersOf(db, parkA.id)).toEqual([a1.userId]);
    const both = await managersByPark(db, [parkA.id, parkB.id]);
    expect(Object.fromEntries(both)).toEqual({ [parkA.id]: [a1.userId], [parkB.id]: [b1.userId] });
    expect(await managersByPark(db, [])).toEqual(new Map());

    const applicant = await makeApplicant();
    const { companyId } = await makeApplication(applicant, parkA.id);
    expect(await representativesOf(db, companyId)).toEqual([applicant.userId]);
    await setUserDisabled(db, { actor: systemActor('cli'), userId: applicant.userId, disabled: true });
    expect(await representativesOf(db, companyId)).toEqual([]);
  });
});
