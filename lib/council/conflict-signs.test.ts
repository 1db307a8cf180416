import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { companies, companyMembers, expertAssignments, reviewCriteria } from '@/db/schema';
import { screenApplication } from '@/lib/applications/screening';
import { makeApplication, makeCompany } from '@/lib/test/application-fixtures';
import { makeApplicant, makeExpert, makeManager, makePark } from '@/lib/test/fixtures';
import { assignExperts, suggestExperts } from './assignments';
import { meetingInvitation } from './invitation';
import { createMeeting, nextMeetingNumber, updateMeetingDetails } from './meetings';
import { declareConflict, getReviewSummary, isOutlier, submitReview } from './reviews';

const FUTURE = '2099-12-31';

async function inReview() {
  const db = await getDb();
  const park = await makePark();
  const manager = await makeManager(park.id);
  const applicant = await makeApplicant();
  const company = await makeCompany(applicant);
  const { applicationId } = await makeApplication(applicant, park.id, { companyId: company.id });
  await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'accepted' } });
  return { db, park, manager, applicant, company, applicationId };
}

describe('conflicts found, not only declared', () => {
  it('warns of an expert who represents the applicant, a company with its INN, or declared a conflict with it before; assigning them needs a confirmation', async () => {
    const ctx = await inReview();
    const { db } = ctx;
    const [own, sameInn, previous, clean] = [await makeExpert(ctx.park.id), await makeExpert(ctx.park.id), await makeExpert(ctx.park.id), await makeExpert(ctx.park.id)];
    await db.insert(companyMembers).values({ companyId: ctx.company.id, userId: own.userId });
    // A company with the same INN, as a park's data set may bring in beside the applicant's own.
    const [{ inn }] = await db.select({ inn: companies.inn }).from(companies).where(eq(companies.id, ctx.company.id));
    const [twin] = await db.insert(companies).values({ parkId: ctx.park.id, key: 'twin', name: 'ООО «Двойник»', inn }).returning({ id: companies.id });
    await db.insert(companyMembers).values({ companyId: twin.id, userId: sameInn.userId });
    // `previous` declared a conflict with an earlier application of the company.
    const earlier = await makeApplication(ctx.applicant, ctx.park.id, { companyId: ctx.company.id });
    await screenApplication(db, { actor: ctx.manager, input: { applicationId: earlier.applicationId, outcome: 'accepted' } });
    const { assignmentIds } = await assignExperts(db, { actor: ctx.manager, input: { applicationId: earlier.applicationId, expertIds: [previous.userId], dueOn: FUTURE } });
    await declareConflict(db, { actor: previous, input: { assignmentId: assignmentIds[0], hasConflict: true, reason: 'Adviser to the company' } });

    const options = await suggestExperts(db, { actor: ctx.manager, applicationId: ctx.applicationId, count: 4 });
    const by = (id: string) => options.find((o) => o.userId === id)!;
    expect(by(own.userId)).toMatchObject({ conflicts: ['ownCompany'], suggested: false });
    expect(by(sameInn.userId)).toMatchObject({ conflicts: ['sameInn'], suggested: false });
    expect(by(previous.userId)).toMatchObject({ conflicts: ['previousConflict'], suggested: false });
    expect(by(clean.userId)).toMatchObject({ conflicts: [], suggested: true });

    const assign = (expertIds: string[], acknowledgeConflicts?: boolean) =>
      assignExperts(db, { actor: ctx.manager, input: { applicationId: ctx.applicationId, expertIds, dueOn: FUTURE, acknowledgeConflicts } });
    await expect(assign([clean.userId, own.userId])).rejects.toMatchObject({ key: 'suspectedConflict', fieldErrors: { acknowledgeConflicts: ['suspectedConflict'] } });
    expect(await db.select().from(expertAssignments).where(eq(expertAssignments.applicationId, ctx.applicationId))).toHaveLength(0);
    await assign([clean.userId]);
    await assign([own.userId, sameInn.userId], true);
    expect(await db.select().from(expertAssignments).where(eq(expertAssignments.applicationId, ctx.applicationId))).toHaveLength(3);
  });
});

describe('spread of scores', () => {
  it('flags a criterion whose scores diverge and a score far from the other experts’', async () => {
    expect(isOutlier(2, [8, 9, 2])).toBe(true);
    expect(isOutlier(9, [8, 9, 2])).toBe(false);
    expect(isOutlier(6, [8, 9, 6])).toBe(false);
    expect(isOutlier(2, [9, 2])).toBe(false);
    const ctx = await inReview();
    const { db } = ctx;
    const experts = [await makeExpert(ctx.park.id), await makeExpert(ctx.park.id), await makeExpert(ctx.park.id)];
    const { assignmentIds } = await assignExperts(db, { actor: ctx.manager, input: { applicationId: ctx.applicationId, expertIds: experts.map((e) => e.userId), dueOn: FUTURE } });
    const criteria = await db.select().from(reviewCriteria).where(eq(reviewCriteria.parkId, ctx.park.id)).orderBy(reviewCriteria.position);
    const [first] = criteria;
    for (const [i, expert] of experts.entries()) {
      await declareConflict(db, { actor: expert, input: { assignmentId: assignmentIds[i], hasConflict: false } });
      // The first criterion: 8, 9 and 2; every other criterion: 7 from everyone.
      const scores = criteria.map((c) => ({ criterionId: c.id, score: c.id === first.id ? [8, 9, 2][i] : 7, comment: '' }));
      await submitReview(db, { actor: expert, input: { assignmentId: assignmentIds[i], scores, recommendation: 'approve', comment: '' } });
    }
    const summary = await getReviewSummary(db, { actor: ctx.manager, applicationId: ctx.applicationId });
    expect(summary.criteria.find((c) => c.criterionId === first.id)).toMatchObject({ spread: 7, divergent: true });
    expect(summary.criteria.filter((c) => c.divergent)).toHaveLength(1);
    const outliers = summary.experts.flatMap((e) => e.scores.filter((s) => s.outlier).map((s) => ({ who: e.assignmentId, score: s.score })));
    expect(outliers).toEqual([{ who: assignmentIds[2], score: 2 }]);
  });
});

describe('the meeting in a calendar', () => {
  it('is an iCalendar event with a stable UID whose SEQUENCE grows with each change; another park’s member gets not found', async () => {
    const ctx = await inReview();
    const { db } = ctx;
    const member = await makeExpert(ctx.park.id);
    const number = await nextMeetingNumber(db, { actor: ctx.manager, parkId: ctx.park.id });
    const { id: meetingId } = await createMeeting(db, { actor: ctx.manager, input: { parkId: ctx.park.id, number, heldOn: '2099-03-10', startsAt: '10:30', place: 'Room 204' } });
    const first = await meetingInvitation(db, { actor: member, meetingId });
    expect(first.body).toContain('BEGIN:VEVENT');
    expect(first.body).toContain(`UID:council-meeting-${meetingId}@technopark`);
    expect(first.body).toContain('DTSTART:20990310T073000Z');
    expect(first.body).toContain('LOCATION:Room 204');
    expect(first.body).toMatch(/SEQUENCE:0/);
    await updateMeetingDetails(db, { actor: ctx.manager, input: { meetingId, heldOn: '2099-03-11', startsAt: '11:00', place: 'Room 204' } });
    const second = await meetingInvitation(db, { actor: ctx.manager, meetingId });
    expect(second.body).toContain('DTSTART:20990311T080000Z');
    expect(second.body).toMatch(/SEQUENCE:1/);
    const stranger = await makeExpert((await makePark()).id);
    await expect(meetingInvitation(db, { actor: stranger, meetingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the park’s council rules', () => {
  it('sets how many submitted reviews an approval needs; out of range is refused and changes nothing', async () => {
    const ctx = await inReview();
    const { db } = ctx;
    const { getCouncilRules, saveCouncilRules } = await import('./rubric');
    expect(await getCouncilRules(db, { actor: ctx.manager, parkId: ctx.park.id })).toEqual({ minReviews: 2 });
    await saveCouncilRules(db, { actor: ctx.manager, input: { parkId: ctx.park.id, minReviews: '0' } });
    await expect(saveCouncilRules(db, { actor: ctx.manager, input: { parkId: ctx.park.id, minReviews: '21' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await getCouncilRules(db, { actor: ctx.manager, parkId: ctx.park.id })).toEqual({ minReviews: 0 });
  });
});

describe('meeting notices', () => {
  it('tells every member when a meeting is called, changed or cancelled, each e-mail with the calendar event; a cancelled meeting takes no more changes', async () => {
    const ctx = await inReview();
    const { db } = ctx;
    const members = [await makeExpert(ctx.park.id), await makeExpert(ctx.park.id)];
    const { notifications, outbox, users } = await import('@/db/schema');
    const { addAgendaItem, cancelMeeting } = await import('./meetings');
    const { castVote } = await import('./votes');
    const number = await nextMeetingNumber(db, { actor: ctx.manager, parkId: ctx.park.id });
    const { id: meetingId } = await createMeeting(db, { actor: ctx.manager, input: { parkId: ctx.park.id, number, heldOn: '2099-05-20', startsAt: '15:00', place: 'Hall' } });
    await addAgendaItem(db, { actor: ctx.manager, input: { meetingId, applicationId: ctx.applicationId } });
    await updateMeetingDetails(db, { actor: ctx.manager, input: { meetingId, heldOn: '2099-05-21', startsAt: '15:00', place: 'Hall', votingDeadline: '2099-05-20T18:00' } });
    await expect(cancelMeeting(db, { actor: ctx.manager, input: { meetingId, reason: '' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await cancelMeeting(db, { actor: ctx.manager, input: { meetingId, reason: 'The chair is ill' } });
    for (const m of members) {
      const kinds = (await db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, m.userId))).map((n) => n.kind);
      expect(kinds.filter((k) => k.startsWith('meeting')).sort()).toEqual(['meetingCalled', 'meetingCancelled', 'meetingChanged']);
      const [{ email }] = await db.select({ email: users.email }).from(users).where(eq(users.id, m.userId));
      const mail = (await db.select({ calendar: outbox.calendar }).from(outbox).where(eq(outbox.to, email))).map((o) => o.calendar ?? '');
      expect(mail).toHaveLength(3);
      expect(mail.every((c) => c.includes(`UID:council-meeting-${meetingId}@technopark`))).toBe(true);
      expect(mail.find((c) => c.includes('METHOD:CANCEL'))).toMatch(/SEQUENCE:2[\s\S]*STATUS:CANCELLED|STATUS:CANCELLED[\s\S]*SEQUENCE:2/);
    }
    await expect(castVote(db, { actor: members[0], input: { meetingId, applicationId: ctx.applicationId, vote: 'for' } })).rejects.toMatchObject({ key: 'meetingCancelled' });
    await expect(updateMeetingDetails(db, { actor: ctx.manager, input: { meetingId, heldOn: '2099-05-22' } })).rejects.toMatchObject({ key: 'meetingCancelled' });
  });
});
