import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { systemActor } from '@/lib/auth/actor';
import { assignExperts } from '@/lib/council/assignments';
import { declareConflict } from '@/lib/council/reviews';
import { makeApplication } from '@/lib/test/application-fixtures';
import { codeOf } from '@/lib/test/code-of';
import { makeAdmin, makeAnalyst, makeApplicant, makeExpert, makeManager, makePark } from '@/lib/test/fixtures';
import { accessApplication, accessApplications, applicationAccess, type ApplicationAccess } from './access';
import { readApplication } from './applications';
import { getTimeline } from './history';
import { screenApplication } from './screening';
import { moveApplication, refusal } from './transition';

async function world() {
  const db = await getDb();
  const park = await makePark();
  const other = await makePark();
  const manager = await makeManager(park.id);
  const [expert, bystander] = [await makeExpert(park.id), await makeExpert(park.id)];
  const applicant = await makeApplicant();
  const draft = await makeApplication(applicant, park.id, { submit: false });
  const reviewed = await makeApplication(applicant, park.id);
  await screenApplication(db, { actor: manager, input: { applicationId: reviewed.applicationId, outcome: 'accepted' } });
  const {
    assignmentIds: [assignmentId],
  } = await assignExperts(db, { actor: manager, input: { applicationId: reviewed.applicationId, expertIds: [expert.userId], dueOn: '2099-12-31' } });
  return { db, park, other, manager, expert, bystander, applicant, draft: draft.applicationId, app: reviewed.applicationId, assignmentId };
}

describe('who may see an application', () => {
  it('gives each actor its audience, decided in one query, and refuses everyone else as if it did not exist', async () => {
    const w = await world();
    const read = async (actor: Parameters<typeof accessApplication>[1]['actor'], applicationId = w.app) =>
      accessApplication(w.db, { actor, applicationId }).then((a) => a.audience, (error: { code: string }) => error.code);
    expect(await read(w.applicant)).toBe('applicant');
    expect(await read(w.applicant, w.draft)).toBe('applicant');
    expect(await read(w.manager)).toBe('staff');
    expect(await read(await makeAdmin())).toBe('staff');
    expect(await read(systemActor('cli'))).toBe('staff');
    expect(await read(w.expert)).toBe('expert');
    // A draft is its applicant's own; the park's other experts and analysts read nothing of an application not theirs.
    expect(await read(w.manager, w.draft)).toBe('NOT_FOUND');
    expect(await read(w.bystander)).toBe('NOT_FOUND');
    expect(await read(await makeAnalyst(w.park.id))).toBe('NOT_FOUND');
    expect(await read(await makeManager(w.other.id))).toBe('NOT_FOUND');
    expect(await read(await makeApplicant())).toBe('NOT_FOUND');
    expect(await read(w.manager, crypto.randomUUID())).toBe('NOT_FOUND');
    expect(await read(w.manager, 'not-a-uuid')).toBe('NOT_FOUND');
    // An expert who stood down with a conflict no longer reads it.
    await declareConflict(w.db, { actor: w.expert, input: { assignmentId: w.assignmentId, hasConflict: true, reason: 'My cousin runs it' } });
    expect(await read(w.expert)).toBe('NOT_FOUND');
  });

  it('refuses a staff step FORBIDDEN to those who can see the park or the application, NOT_FOUND to anyone else', async () => {
    const w = await world();
    const step = (actor: Parameters<typeof accessApplication>[1]['actor'], parkId?: string) =>
      codeOf(accessApplication(w.db, { actor, applicationId: w.app, parkId, permission: 'application.assign' }));
    expect(await step(w.manager)).toBe('OK');
    expect(await step(w.bystander)).toBe('FORBIDDEN');
    expect(await step(w.expert)).toBe('FORBIDDEN');
    expect(await step(w.applicant)).toBe('FORBIDDEN');
    expect(await step(await makeAdmin())).toBe('FORBIDDEN');
    expect(await step(await makeManager(w.other.id))).toBe('NOT_FOUND');
    expect(await step(await makeApplicant())).toBe('NOT_FOUND');
    // Asked within another park (the page's), the park's own manager finds nothing either.
    expect(await step(w.manager, w.other.id)).toBe('NOT_FOUND');
  });

  it('answers the staff steps once, with the access', async () => {
    const w = await world();
    const access = await accessApplication(w.db, { actor: w.manager, applicationId: w.app, parkId: w.park.id });
    expect(access.may).toEqual({ 'application.readPark': true, 'application.screen': true, 'application.assign': true, 'application.close': true, 'council.meet': true, 'council.decide': true });
    expect(access.application).toMatchObject({ id: w.app, parkId: w.park.id, parkSlug: w.park.slug, status: 'in_review', version: 1 });
    const admin = await accessApplication(w.db, { actor: await makeAdmin(), applicationId: w.app });
    expect(admin.may).toEqual({ 'application.readPark': true, 'application.screen': false, 'application.assign': false, 'application.close': false, 'council.meet': false, 'council.decide': false });
    const own = await accessApplication(w.db, { actor: w.applicant, applicationId: w.app });
    expect(Object.values(own.may).some(Boolean)).toBe(false);
  });

  it('lets a held access stand in for the actor, checked for what each function needs, and refuses a made-up one', async () => {
    const w = await world();
    const own = await accessApplication(w.db, { actor: w.applicant, applicationId: w.app });
    expect((await getTimeline(w.db, { access: own })).length).toBeGreaterThan(0);
    expect(await codeOf(applicationAccess(w.db, { access: own }, { permission: 'application.readPark' }))).toBe('FORBIDDEN');
    const expert = await accessApplication(w.db, { actor: w.expert, applicationId: w.app });
    expect(await codeOf(getTimeline(w.db, { access: expert }))).toBe('NOT_FOUND');
    const forged = { ...own, audience: 'staff', may: { ...own.may, 'application.readPark': true } } as ApplicationAccess;
    await expect(getTimeline(w.db, { access: forged })).rejects.toThrow('made only by lib/applications/access.ts');
    await expect(readApplication(w.db, forged)).rejects.toThrow('made only by');
    await expect(moveApplication(w.db, { access: forged, from: ['in_review'], to: 'approved' })).rejects.toThrow('made only by');
    await expect(refusal(w.db, forged)).rejects.toThrow('made only by');
  });

  it('decides for several applications of a park at once, leaving out those the actor may not see', async () => {
    const w = await world();
    const elsewhere = await makeApplication(w.applicant, w.other.id);
    const ids = [w.app, w.draft, elsewhere.applicationId, crypto.randomUUID()];
    expect([...(await accessApplications(w.db, { actor: w.manager, applicationIds: ids, parkId: w.park.id, permission: 'council.meet' })).keys()]).toEqual([w.app]);
    expect((await accessApplications(w.db, { actor: w.bystander, applicationIds: ids, parkId: w.park.id, permission: 'council.meet' })).size).toBe(0);
    expect([...(await accessApplications(w.db, { actor: w.applicant, applicationIds: ids, parkId: w.park.id })).keys()].sort()).toEqual([w.app, w.draft].sort());
  });
});
