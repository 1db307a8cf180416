import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applications, councilDecisions, councilVotes, expertAssignments, parks, reviewCriteria } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { screenApplication } from '@/lib/applications/screening';
import { addDays, todayIso } from '@/lib/dates';
import { makeApplication } from '@/lib/test/application-fixtures';
import { makeApplicant, makeExpert, makeManager, makePark } from '@/lib/test/fixtures';
import { assignExperts } from './assignments';
import { recordDecision } from './decisions';
import { addAgendaItem, createMeeting, getMeeting, nextMeetingNumber, setAttendance, updateMeetingDetails } from './meetings';
import { addCouncilComment, getMemberMeeting, listCouncilComments, listMemberMeetings } from './member-meetings';
import { listMyAssignments } from './my-assignments';
import { declareConflict, submitReview } from './reviews';
import { castVote } from './votes';

type UserActor = Extract<Actor, { type: 'user' }>;
const FUTURE = '2099-12-31';
const HOUR = 3_600_000;

/** A park with a council of `members`, an application under review on the agenda of a meeting held today. */
async function meetingToday(members: number, details: { startsAt?: string; votingDeadline?: string } = {}) {
  const db = await getDb();
  const park = await makePark();
  const manager = await makeManager(park.id);
  const council: UserActor[] = [];
  for (let i = 0; i < members; i++) council.push(await makeExpert(park.id));
  const applicant = await makeApplicant();
  const { applicationId } = await makeApplication(applicant, park.id);
  await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'accepted' } });
  const number = await nextMeetingNumber(db, { actor: manager, parkId: park.id });
  const { id: meetingId } = await createMeeting(db, { actor: manager, input: { parkId: park.id, number, heldOn: todayIso(), ...details } });
  await addAgendaItem(db, { actor: manager, input: { meetingId, applicationId } });
  return { db, park, manager, council, applicant, applicationId, meetingId };
}

async function review(expert: UserActor, assignmentId: string, parkId: string) {
  const db = await getDb();
  const criteria = await db.select().from(reviewCriteria).where(eq(reviewCriteria.parkId, parkId)).orderBy(reviewCriteria.position);
  await declareConflict(db, { actor: expert, input: { assignmentId, hasConflict: false } });
  await submitReview(db, { actor: expert, input: { assignmentId, scores: criteria.map((c) => ({ criterionId: c.id, score: 7, comment: '' })), recommendation: 'approve', comment: 'Sound' } });
}

const close = (m: { meetingId: string; applicationId: string }, over: Record<string, unknown> = {}) => ({ meetingId: m.meetingId, applicationId: m.applicationId, decision: 'approved' as const, reason: '', ...over });

describe('members vote themselves', () => {
  it('counts the quorum and the tally from the members’ own votes, present or remote; a conflicted member and a closed item take no votes', async () => {
    const deadline = `${addDays(todayIso(), 1)}T18:00`;
    const m = await meetingToday(5, { votingDeadline: deadline });
    const { db } = m;
    const [e1, e2, e3, e4, e5] = m.council;
    // e4 is assigned and declares a conflict: excluded from the item.
    const { assignmentIds } = await assignExperts(db, { actor: m.manager, input: { applicationId: m.applicationId, expertIds: [e4.userId, e1.userId, e2.userId], dueOn: FUTURE } });
    await declareConflict(db, { actor: e4, input: { assignmentId: assignmentIds[0], hasConflict: true, reason: 'Co-founder' } });
    await review(e1, assignmentIds[1], m.park.id);
    await review(e2, assignmentIds[2], m.park.id);

    // Before anyone is present: only remote votes, until the deadline.
    expect(await castVote(db, { actor: e3, input: { meetingId: m.meetingId, applicationId: m.applicationId, vote: 'against' } })).toEqual({ remote: true });
    await expect(castVote(db, { actor: e4, input: { meetingId: m.meetingId, applicationId: m.applicationId, vote: 'for' } })).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'conflictedVoter' });
    await expect(castVote(db, { actor: e5, input: { meetingId: m.meetingId, applicationId: m.applicationId, vote: 'for' }, now: new Date(Date.now() + 3 * 24 * HOUR) })).rejects.toMatchObject({ key: 'votingClosed' });

    await setAttendance(db, { actor: m.manager, input: { meetingId: m.meetingId, userIds: [e1.userId, e2.userId, e4.userId] } });
    expect(await castVote(db, { actor: e1, input: { meetingId: m.meetingId, applicationId: m.applicationId, vote: 'for' } })).toEqual({ remote: false });
    await castVote(db, { actor: e2, input: { meetingId: m.meetingId, applicationId: m.applicationId, vote: 'against' } });
    // A vote changes until the item is closed.
    await castVote(db, { actor: e2, input: { meetingId: m.meetingId, applicationId: m.applicationId, vote: 'for' } });
    const meeting = await getMeeting(db, { actor: m.manager, meetingId: m.meetingId });
    // Present e1, e2, e4 and remote e3 take part (4 of 5, quorum 3); e4 is conflicted: 3 eligible.
    expect(meeting.items[0].tally).toMatchObject({ for: 2, against: 1, abstain: 0, participants: 4, eligible: 3, conflictedIds: [e4.userId] });

    // The outcome is computed: a majority for is an approval.
    await expect(recordDecision(db, { actor: m.manager, input: close(m, { decision: 'rejected', reason: 'No' }) })).rejects.toMatchObject({ key: 'majorityApproves' });
    expect(await recordDecision(db, { actor: m.manager, input: close(m) })).toEqual({ status: 'approved' });
    const [decision] = await db.select().from(councilDecisions).where(eq(councilDecisions.applicationId, m.applicationId));
    expect(decision).toMatchObject({ votesFor: 2, votesAgainst: 1, votesAbstain: 0, paperTally: false, reviewsShortReason: null });
    await expect(castVote(db, { actor: e1, input: { meetingId: m.meetingId, applicationId: m.applicationId, vote: 'against' } })).rejects.toMatchObject({ key: 'itemClosed' });
    const [stillFor] = await db.select().from(councilVotes).where(and(eq(councilVotes.meetingId, m.meetingId), eq(councilVotes.memberId, e1.userId)));
    expect(stillFor.vote).toBe('for');
  });

  it('refuses a close without a quorum of members taking part, and with no votes at all', async () => {
    const m = await meetingToday(4);
    const { db } = m;
    await setAttendance(db, { actor: m.manager, input: { meetingId: m.meetingId, userIds: [m.council[0].userId, m.council[1].userId] } });
    await castVote(m.db, { actor: m.council[0], input: { meetingId: m.meetingId, applicationId: m.applicationId, vote: 'for' } });
    await expect(recordDecision(db, { actor: m.manager, input: close(m, { reviewsShortReason: 'x' }) })).rejects.toMatchObject({ key: 'noQuorum', params: { present: 2, size: 4, needed: 3 } });
    await setAttendance(db, { actor: m.manager, input: { meetingId: m.meetingId, userIds: m.council.map((c) => c.userId) } });
    await db.delete(councilVotes).where(eq(councilVotes.meetingId, m.meetingId));
    await expect(recordDecision(db, { actor: m.manager, input: close(m, { decision: 'rejected', reason: 'No' }) })).rejects.toMatchObject({ key: 'noVotes' });
    expect(await db.select().from(councilDecisions).where(eq(councilDecisions.applicationId, m.applicationId))).toHaveLength(0);
  });

  it('records no decision before the meeting has started, on the park’s clock', async () => {
    const m = await meetingToday(1, { startsAt: '15:00' });
    const { db } = m;
    const { startsAt } = await getMeeting(db, { actor: m.manager, meetingId: m.meetingId });
    // 15:00 Moscow time is 12:00 UTC.
    expect(startsAt.toISOString()).toBe(`${todayIso()}T12:00:00.000Z`);
    await setAttendance(db, { actor: m.manager, input: { meetingId: m.meetingId, userIds: [m.council[0].userId] } });
    const before = new Date(startsAt.getTime() - 60_000);
    await expect(castVote(db, { actor: m.council[0], input: { meetingId: m.meetingId, applicationId: m.applicationId, vote: 'for' }, now: before })).rejects.toMatchObject({ key: 'votingNotOpen' });
    await castVote(db, { actor: m.council[0], input: { meetingId: m.meetingId, applicationId: m.applicationId, vote: 'against' }, now: startsAt });
    await expect(recordDecision(db, { actor: m.manager, input: close(m, { decision: 'rejected', reason: 'Weak' }), now: before })).rejects.toMatchObject({ code: 'INVALID_TRANSITION', key: 'meetingNotStarted' });
    expect(await recordDecision(db, { actor: m.manager, input: close(m, { decision: 'rejected', reason: 'Weak' }), now: startsAt })).toEqual({ status: 'rejected' });
  });

  it('approves on fewer reviews than the park asks only with a reason, and closes the open assignments with the decision', async () => {
    const m = await meetingToday(3);
    const { db } = m;
    const [e1, e2, e3] = m.council;
    const { assignmentIds } = await assignExperts(db, { actor: m.manager, input: { applicationId: m.applicationId, expertIds: [e1.userId, e2.userId], dueOn: FUTURE } });
    await review(e1, assignmentIds[0], m.park.id);
    await setAttendance(db, { actor: m.manager, input: { meetingId: m.meetingId, userIds: [e1.userId, e2.userId, e3.userId] } });
    for (const e of [e1, e2, e3]) await castVote(db, { actor: e, input: { meetingId: m.meetingId, applicationId: m.applicationId, vote: 'for' } });
    await expect(recordDecision(db, { actor: m.manager, input: close(m) })).rejects.toMatchObject({
      key: 'tooFewReviews',
      params: { submitted: 1, minimum: 2 },
      fieldErrors: { reviewsShortReason: ['tooFewReviews'] },
    });
    const [app] = await db.select({ status: applications.status }).from(applications).where(eq(applications.id, m.applicationId));
    expect(app.status).toBe('in_review');
    expect((await listMyAssignments(db, { actor: e2, parkId: m.park.id })).map((a) => a.applicationId)).toContain(m.applicationId);
    await recordDecision(db, { actor: m.manager, input: close(m, { reviewsShortReason: 'The second expert fell ill; the council heard the project itself' }) });
    const [decision] = await db.select().from(councilDecisions).where(eq(councilDecisions.applicationId, m.applicationId));
    expect(decision.reviewsShortReason).toBe('The second expert fell ill; the council heard the project itself');
    const assignments = await db.select({ expertId: expertAssignments.expertId, status: expertAssignments.status }).from(expertAssignments).where(eq(expertAssignments.applicationId, m.applicationId));
    expect(Object.fromEntries(assignments.map((a) => [a.expertId, a.status]))).toEqual({ [e1.userId]: 'reviewed', [e2.userId]: 'withdrawn' });
    expect((await listMyAssignments(db, { actor: e2, parkId: m.park.id })).map((a) => a.applicationId)).not.toContain(m.applicationId);
    // A park that asks for no reviews needs no reason.
    await db.update(parks).set({ minReviewsForApproval: 0 }).where(eq(parks.id, m.park.id));
  });

  it('of concurrent votes and a close, the decision counts exactly the votes that came before it', async () => {
    for (let trial = 0; trial < 4; trial++) {
      const m = await meetingToday(5);
      const { db } = m;
      await db.update(parks).set({ minReviewsForApproval: 0 }).where(eq(parks.id, m.park.id));
      await setAttendance(db, { actor: m.manager, input: { meetingId: m.meetingId, userIds: m.council.map((c) => c.userId) } });
      await castVote(db, { actor: m.council[0], input: { meetingId: m.meetingId, applicationId: m.applicationId, vote: 'for' } });
      const results = await Promise.allSettled([
        ...m.council.slice(1).map((e) => castVote(db, { actor: e, input: { meetingId: m.meetingId, applicationId: m.applicationId, vote: trial % 2 ? 'for' : 'abstain' } })),
        recordDecision(db, { actor: m.manager, input: close(m) }),
      ]);
      const [decision] = await db.select().from(councilDecisions).where(eq(councilDecisions.applicationId, m.applicationId));
      const votes = await db.select().from(councilVotes).where(eq(councilVotes.meetingId, m.meetingId));
      expect(results.at(-1)!.status).toBe('fulfilled');
      // Every vote either counted in the decision or was refused as too late: none is stored uncounted.
      expect((decision.votesFor ?? 0) + (decision.votesAgainst ?? 0) + (decision.votesAbstain ?? 0)).toBe(votes.length);
      for (const r of results.slice(0, -1)) if (r.status === 'rejected') expect(r.reason).toMatchObject({ key: 'itemClosed' });
    }
  });
});

describe('members in the meeting', () => {
  it('each member sees the meetings and agenda; reviews once their own is in; a conflicted member only that they are excluded', async () => {
    const m = await meetingToday(3, { startsAt: '10:30' });
    const { db } = m;
    const [e1, e2, e3] = m.council;
    await updateMeetingDetails(db, { actor: m.manager, input: { meetingId: m.meetingId, heldOn: todayIso(), startsAt: '10:30', place: 'Room 204', videoLink: 'https://meet.example.org/council' } });
    const { assignmentIds } = await assignExperts(db, { actor: m.manager, input: { applicationId: m.applicationId, expertIds: [e1.userId, e2.userId, e3.userId], dueOn: FUTURE } });
    await review(e1, assignmentIds[0], m.park.id);
    await declareConflict(db, { actor: e3, input: { assignmentId: assignmentIds[2], hasConflict: true, reason: 'Relative' } });

    expect((await listMemberMeetings(db, { actor: e2, parkId: m.park.id }))[0]).toMatchObject({ id: m.meetingId, items: 1, place: 'Room 204' });
    const first = await getMemberMeeting(db, { actor: e1, meetingId: m.meetingId });
    expect(first).toMatchObject({ place: 'Room 204', videoLink: 'https://meet.example.org/council' });
    const item = first.items[0];
    expect(item.excluded).toBe(false);
    if (!item.excluded) {
      expect(item.application.title).toBeTruthy();
      expect(item.reviews?.reviews).toBe(1);
    }
    // e2 has not reviewed yet: the agenda and the application, no reviews, no discussion.
    const second = (await getMemberMeeting(db, { actor: e2, meetingId: m.meetingId })).items[0];
    expect(second).toMatchObject({ excluded: false, reviews: null, comments: null });
    await expect(addCouncilComment(db, { actor: e2, input: { applicationId: m.applicationId, body: 'Early thought' } })).rejects.toMatchObject({ key: 'reviewFirst' });
    // e3 declared a conflict: excluded, nothing of the application or its reviews.
    expect((await getMemberMeeting(db, { actor: e3, meetingId: m.meetingId })).items[0]).toEqual({ applicationId: m.applicationId, title: expect.any(String), companyName: expect.any(String), excluded: true });
    await expect(listCouncilComments(db, { actor: e3, applicationId: m.applicationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Discussion after one's own review, for members and staff, never the applicant.
    await addCouncilComment(db, { actor: e1, input: { applicationId: m.applicationId, body: 'Is the market size sourced?' } });
    expect((await listCouncilComments(db, { actor: m.manager, applicationId: m.applicationId })).map((c) => c.body)).toEqual(['Is the market size sourced?']);
    await expect(listCouncilComments(db, { actor: m.applicant, applicationId: m.applicationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addCouncilComment(db, { actor: e1, input: { applicationId: m.applicationId, body: 'x'.repeat(5001) } })).rejects.toMatchObject({ fieldErrors: { body: ['tooLong'] } });

    // Another park's expert sees none of it.
    const stranger = await makeExpert((await makePark()).id);
    await expect(getMemberMeeting(db, { actor: stranger, meetingId: m.meetingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
