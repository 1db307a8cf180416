import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applications, auditLog, councilDecisions, expertAssignments, notifications, reviewCriteria } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { submitApplication, saveDraft, getMyApplication } from '@/lib/applications/applications';
import { getTimeline } from '@/lib/applications/history';
import { screenApplication } from '@/lib/applications/screening';
import { todayIso } from '@/lib/dates';
import { completeDraft, makeApplication } from '@/lib/test/application-fixtures';
import { makeAnalyst, makeApplicant, makeExpert, makeManager, makePark, makeUser } from '@/lib/test/fixtures';
import { assignExperts, listAssignments, sendDueReminders, suggestExperts, withdrawAssignment } from './assignments';
import { addAgendaItem, createMeeting, getMeeting, listMeetings, nextMeetingNumber, removeAgendaItem, setAttendance } from './meetings';
import { recordDecision } from './decisions';
import { listMyAssignments } from './my-assignments';
import { declareConflict, getReviewContext, getReviewSummary, saveReviewDraft, submitReview } from './reviews';
import { getRubric, saveRubric } from './rubric';

type UserActor = Extract<Actor, { type: 'user' }>;
const FUTURE = '2099-12-31';

async function inReview(applicant: UserActor, parkId: string, manager: UserActor, companyId?: string) {
  const db = await getDb();
  const app = await makeApplication(applicant, parkId, { companyId });
  await screenApplication(db, { actor: manager, input: { applicationId: app.applicationId, outcome: 'accepted' } });
  return app;
}

async function setup(experts = 3) {
  const park = await makePark();
  const manager = await makeManager(park.id);
  const council: UserActor[] = [];
  for (let i = 0; i < experts; i++) council.push(await makeExpert(park.id));
  const applicant = await makeApplicant();
  return { park, manager, council, applicant };
}

/** Scores in the default rubric's order: novelty, market, team, feasibility, regional impact. */
async function scoresFor(parkId: string, values: number[]) {
  const db = await getDb();
  const rows = await db.select().from(reviewCriteria).where(eq(reviewCriteria.parkId, parkId)).orderBy(reviewCriteria.position);
  return rows.map((c, i) => ({ criterionId: c.id, score: values[i], comment: '' }));
}

describe('rubric', () => {
  it('shows the defaults to a park that has none and saves edits; only the park’s managers', async () => {
    const db = await getDb();
    const { park, manager, council } = await setup(1);
    const initial = await getRubric(db, { actor: manager, parkId: park.id });
    expect(initial.saved).toBe(false);
    expect(initial.criteria.map((c) => [c.code, c.weight])).toEqual([
      ['novelty', '25.00'],
      ['market', '20.00'],
      ['team', '15.00'],
      ['feasibility', '20.00'],
      ['regional_impact', '20.00'],
    ]);
    const criteria = initial.criteria.map(({ code, nameEn, nameRu, weight, active }) => ({ code, nameEn, nameRu, active, weight: code === 'team' ? '30' : weight }));
    await saveRubric(db, { actor: manager, input: { parkId: park.id, criteria: [...criteria.filter((c) => c.code !== 'market'), { code: 'ip', nameEn: 'Intellectual property', nameRu: 'Интеллектуальная собственность', weight: '5.5', active: true }] } });
    const saved = await getRubric(db, { actor: manager, parkId: park.id });
    expect(saved.saved).toBe(true);
    expect(saved.criteria.map((c) => [c.code, c.weight, c.active])).toEqual([
      ['novelty', '25.00', true],
      ['team', '30.00', true],
      ['feasibility', '20.00', true],
      ['regional_impact', '20.00', true],
      ['ip', '5.50', true],
    ]);
    // Left out of the next save, a criterion is kept (its scores stay) but no longer scored.
    await saveRubric(db, { actor: manager, input: { parkId: park.id, criteria } });
    expect((await getRubric(db, { actor: manager, parkId: park.id })).criteria.map((c) => [c.code, c.active])).toEqual([
      ['novelty', true],
      ['market', true],
      ['team', true],
      ['feasibility', true],
      ['regional_impact', true],
      ['ip', false],
    ]);
    await expect(saveRubric(db, { actor: manager, input: { parkId: park.id, criteria: [criteria[0], criteria[0]] } })).rejects.toMatchObject({ fieldErrors: { criteria: ['duplicateCode'] } });
    await expect(saveRubric(db, { actor: manager, input: { parkId: park.id, criteria: [{ ...criteria[0], weight: '0' }] } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(getRubric(db, { actor: council[0], parkId: park.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await makeManager((await makePark()).id);
    await expect(saveRubric(db, { actor: other, input: { parkId: park.id, criteria } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'rubric.save'), eq(auditLog.parkId, park.id)))).toHaveLength(2);
  });
});

describe('assignment', () => {
  it('suggests the lightest-loaded experts without a conflict, assigns with a due date and tells the experts', async () => {
    const db = await getDb();
    const { park, manager, council, applicant } = await setup(3);
    const [a, b, c] = council;
    const busy = await inReview(applicant, park.id, manager);
    await assignExperts(db, { actor: manager, input: { applicationId: busy.applicationId, expertIds: [a.userId], dueOn: FUTURE } });
    const { applicationId, companyId } = await inReview(applicant, park.id, manager);
    const options = await suggestExperts(db, { actor: manager, applicationId });
    expect(options.filter((o) => o.suggested).map((o) => o.userId).sort()).toEqual([b.userId, c.userId].sort());
    expect(options.find((o) => o.userId === a.userId)).toMatchObject({ load: 1, suggested: false });
    const { assignmentIds } = await assignExperts(db, { actor: manager, input: { applicationId, expertIds: [b.userId, c.userId], dueOn: FUTURE } });
    expect(assignmentIds).toHaveLength(2);
    expect((await db.select().from(reviewCriteria).where(eq(reviewCriteria.parkId, park.id))).length).toBe(5);
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, b.userId), eq(notifications.kind, 'expertAssigned')));
    expect(told).toHaveLength(1);
    expect((await suggestExperts(db, { actor: manager, applicationId })).filter((o) => o.assigned).length).toBe(2);
    await expect(assignExperts(db, { actor: manager, input: { applicationId, expertIds: [b.userId], dueOn: FUTURE } })).rejects.toMatchObject({ code: 'CONFLICT', key: 'alreadyAssigned' });
    // An expert who declared a conflict with the company is not suggested for its next application.
    await declareConflict(db, { actor: b, input: { assignmentId: assignmentIds[0], hasConflict: true, reason: 'I advise this company' } });
    const next = await inReview(applicant, park.id, manager, companyId);
    const nextOptions = await suggestExperts(db, { actor: manager, applicationId: next.applicationId, count: 3 });
    expect(nextOptions.find((o) => o.userId === b.userId)).toMatchObject({ conflicts: ['previousConflict'], suggested: false });
  });

  it('refuses the wrong state, the wrong role, another park, non-experts and a past due date', async () => {
    const db = await getDb();
    const { park, manager, council, applicant } = await setup(1);
    const submitted = await makeApplication(applicant, park.id);
    const input = { applicationId: submitted.applicationId, expertIds: [council[0].userId], dueOn: FUTURE };
    await expect(assignExperts(db, { actor: manager, input })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const { applicationId } = await inReview(applicant, park.id, manager);
    await expect(assignExperts(db, { actor: council[0], input: { ...input, applicationId } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(assignExperts(db, { actor: await makeManager((await makePark()).id), input: { ...input, applicationId } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const outsider = await makeExpert((await makePark()).id);
    await expect(assignExperts(db, { actor: manager, input: { ...input, applicationId, expertIds: [outsider.userId] } })).rejects.toMatchObject({ key: 'notAnExpert' });
    await expect(assignExperts(db, { actor: manager, input: { ...input, applicationId, dueOn: '2000-01-01' } })).rejects.toMatchObject({ key: 'dueInPast' });
    expect(await db.select().from(expertAssignments).where(eq(expertAssignments.applicationId, applicationId))).toHaveLength(0);
  });

  it('marks overdue reviews, reminds once before the due date, and withdraws an unreviewed assignment', async () => {
    const db = await getDb();
    const { park, manager, council, applicant } = await setup(2);
    const { applicationId } = await inReview(applicant, park.id, manager);
    await assignExperts(db, { actor: manager, input: { applicationId, expertIds: [council[0].userId], dueOn: '2030-01-10' }, today: '2030-01-01' });
    await assignExperts(db, { actor: manager, input: { applicationId, expertIds: [council[1].userId], dueOn: '2030-02-10' }, today: '2030-01-01' });
    const list = await listAssignments(db, { actor: manager, applicationId, today: '2030-01-11' });
    expect(list.map((a) => [a.expertId, a.overdue])).toEqual([
      [council[0].userId, true],
      [council[1].userId, false],
    ]);
    expect(await sendDueReminders(db, { today: '2030-01-08', days: 2 })).toBe(1);
    expect(await sendDueReminders(db, { today: '2030-01-08', days: 2 })).toBe(0);
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, council[0].userId), eq(notifications.kind, 'reviewDueSoon')))).toHaveLength(1);
    await withdrawAssignment(db, { actor: manager, input: { assignmentId: list[1].id } });
    await expect(withdrawAssignment(db, { actor: manager, input: { assignmentId: list[1].id } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await listMyAssignments(db, { actor: council[1], parkId: park.id })).length).toBe(0);
  });
});

describe('conflicts and reviews', () => {
  it('a conflict takes the application off the expert’s list and tells the managers; it is declared once', async () => {
    const db = await getDb();
    const { park, manager, council, applicant } = await setup(2);
    const { applicationId } = await inReview(applicant, park.id, manager);
    const { assignmentIds } = await assignExperts(db, { actor: manager, input: { applicationId, expertIds: [council[0].userId], dueOn: FUTURE } });
    await expect(declareConflict(db, { actor: council[1], input: { assignmentId: assignmentIds[0], hasConflict: false } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(declareConflict(db, { actor: council[0], input: { assignmentId: assignmentIds[0], hasConflict: true, reason: '' } })).rejects.toMatchObject({ fieldErrors: { reason: ['reasonRequired'] } });
    // No answer is no declaration.
    await expect(declareConflict(db, { actor: council[0], input: { assignmentId: assignmentIds[0] } as never })).rejects.toMatchObject({ fieldErrors: { hasConflict: ['chooseDeclaration'] } });
    expect((await listMyAssignments(db, { actor: council[0], parkId: park.id })).length).toBe(1);
    await declareConflict(db, { actor: council[0], input: { assignmentId: assignmentIds[0], hasConflict: true, reason: 'My brother founded it' } });
    expect((await listMyAssignments(db, { actor: council[0], parkId: park.id })).length).toBe(0);
    const [row] = await db.select().from(expertAssignments).where(eq(expertAssignments.id, assignmentIds[0]));
    expect(row.status).toBe('conflict');
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, manager.userId), eq(notifications.kind, 'conflictDeclared')));
    expect(told).toMatchObject([{ params: { expert: council[0].name } }]);
    await expect(declareConflict(db, { actor: council[0], input: { assignmentId: assignmentIds[0], hasConflict: false } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const ctx = await getReviewContext(db, { actor: council[0], assignmentId: assignmentIds[0] });
    expect(ctx).toMatchObject({ application: null, declaration: { hasConflict: true, reason: 'My brother founded it' } });
    expect((await listAssignments(db, { actor: manager, applicationId }))[0]).toMatchObject({ status: 'conflict', conflictReason: 'My brother founded it' });
  });

  it('scores are drafted after the declaration, refused out of range, and hidden from others until submitted', async () => {
    const db = await getDb();
    const { park, manager, council, applicant } = await setup(2);
    const [a, b] = council;
    const { applicationId } = await inReview(applicant, park.id, manager);
    const { assignmentIds } = await assignExperts(db, { actor: manager, input: { applicationId, expertIds: [a.userId, b.userId], dueOn: FUTURE } });
    const [mineA, mineB] = assignmentIds;
    const scoresA = await scoresFor(park.id, [10, 6, 8, 4, 7]);
    const scoresB = await scoresFor(park.id, [6, 8, 8, 8, 3]);
    await expect(saveReviewDraft(db, { actor: a, input: { assignmentId: mineA, scores: scoresA, recommendation: null } })).rejects.toMatchObject({ key: 'declareFirst' });
    await declareConflict(db, { actor: a, input: { assignmentId: mineA, hasConflict: false } });
    await declareConflict(db, { actor: b, input: { assignmentId: mineB, hasConflict: false } });
    for (const bad of [11, -1, 2.5]) {
      await expect(saveReviewDraft(db, { actor: a, input: { assignmentId: mineA, scores: [{ ...scoresA[0], score: bad }], recommendation: null } })).rejects.toMatchObject({
        code: 'VALIDATION',
        fieldErrors: { 'scores.0.score': ['scoreRange'] },
      });
    }
    await saveReviewDraft(db, { actor: a, input: { assignmentId: mineA, scores: scoresA.slice(0, 2), recommendation: null, comment: 'so far' } });
    await expect(submitReview(db, { actor: a, input: { assignmentId: mineA, scores: scoresA.slice(0, 2), recommendation: null } })).rejects.toMatchObject({
      key: 'reviewIncomplete',
      fieldErrors: { 'scores.2.score': ['scoreRequired'], 'scores.3.score': ['scoreRequired'], 'scores.4.score': ['scoreRequired'], recommendation: ['recommendationRequired'] },
    });
    await expect(saveReviewDraft(db, { actor: b, input: { assignmentId: mineA, scores: scoresB, recommendation: 'approve' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await saveReviewDraft(db, { actor: b, input: { assignmentId: mineB, scores: scoresB, recommendation: 'revise' } });
    expect((await getReviewContext(db, { actor: a, assignmentId: mineA })).review).toMatchObject({ status: 'draft', comment: 'so far', scores: [{ score: 10 }, { score: 6 }] });
    await submitReview(db, { actor: a, input: { assignmentId: mineA, scores: scoresA, recommendation: 'approve', comment: 'Strong team' } });
    await expect(submitReview(db, { actor: a, input: { assignmentId: mineA, scores: scoresA, recommendation: 'reject' } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    // a has submitted but b has not: a sees no other review yet; b, with a draft, sees nothing of a's.
    expect((await getReviewContext(db, { actor: a, assignmentId: mineA })).others).toEqual([]);
    expect((await getReviewContext(db, { actor: b, assignmentId: mineB })).others).toEqual([]);
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, manager.userId), eq(notifications.kind, 'reviewsComplete')))).toHaveLength(0);
    await submitReview(db, { actor: b, input: { assignmentId: mineB, scores: scoresB, recommendation: 'revise' } });
    expect((await getReviewContext(db, { actor: b, assignmentId: mineB })).others).toMatchObject([{ expertName: a.name, recommendation: 'approve', total: '7.10' }]);
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, manager.userId), eq(notifications.kind, 'reviewsComplete')))).toHaveLength(1);

    // By hand, weights 25/20/15/20/20: criterion means 8, 7, 8, 6, 5 → (200+140+120+120+100)/100 = 6.80;
    // a's total (250+120+120+80+140)/100 = 7.10, b's (150+160+120+160+60)/100 = 6.50, spread 0.60.
    const summary = await getReviewSummary(db, { actor: manager, applicationId });
    expect(summary.criteria.map((c) => [c.code, c.mean, c.spread])).toEqual([
      ['novelty', '8.00', 4],
      ['market', '7.00', 2],
      ['team', '8.00', 0],
      ['feasibility', '6.00', 4],
      ['regional_impact', '5.00', 4],
    ]);
    expect(summary.overall).toEqual({ weightedMean: '6.80', minTotal: '6.50', maxTotal: '7.10', spread: '0.60' });
    expect(summary.recommendations).toEqual({ approve: 1, reject: 0, revise: 1 });
    await expect(getReviewSummary(db, { actor: a, applicationId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getReviewSummary(db, { actor: applicant, applicationId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The applicant's timeline says experts were assigned, never who.
    const timeline = await getTimeline(db, { actor: applicant, applicationId });
    expect(timeline.filter((e) => e.kind === 'assigned')).toMatchObject([{ count: 2 }]);
    expect(JSON.stringify(timeline)).not.toContain(a.name);
  });
});

describe('council meetings', () => {
  async function meetingWith(experts: number) {
    const db = await getDb();
    const ctx = await setup(experts);
    const { applicationId } = await inReview(ctx.applicant, ctx.park.id, ctx.manager);
    const number = await nextMeetingNumber(db, { actor: ctx.manager, parkId: ctx.park.id });
    const { id: meetingId } = await createMeeting(db, { actor: ctx.manager, input: { parkId: ctx.park.id, number, heldOn: todayIso() } });
    await addAgendaItem(db, { actor: ctx.manager, input: { meetingId, applicationId } });
    return { ...ctx, applicationId, meetingId, number };
  }
  const votes = (over: Partial<{ votesFor: number; votesAgainst: number; votesAbstain: number; decision: 'approved' | 'rejected' | 'revision'; reason: string }> = {}) => ({
    votesFor: 2,
    votesAgainst: 0,
    votesAbstain: 0,
    decision: 'approved' as const,
    reason: '',
    paperTally: true,
    reviewsShortReason: 'Decided without expert reviews in this test',
    ...over,
  });

  it('numbers meetings, checks the quorum before a vote, and counts only members without a conflict', async () => {
    const db = await getDb();
    const m = await meetingWith(4);
    expect(m.number).toBe(1);
    await expect(createMeeting(db, { actor: m.manager, input: { parkId: m.park.id, number: 1, heldOn: '2026-04-01' } })).rejects.toMatchObject({ code: 'CONFLICT', key: 'meetingNumberTaken' });
    const [e1, e2, e3, e4] = m.council;
    // 2 of 4 is not more than half.
    await setAttendance(db, { actor: m.manager, input: { meetingId: m.meetingId, userIds: [e1.userId, e2.userId] } });
    await expect(recordDecision(db, { actor: m.manager, input: { meetingId: m.meetingId, applicationId: m.applicationId, ...votes() } })).rejects.toMatchObject({ key: 'noQuorum', params: { present: 2, size: 4, needed: 3 } });
    const outsider = await makeExpert((await makePark()).id);
    await expect(setAttendance(db, { actor: m.manager, input: { meetingId: m.meetingId, userIds: [outsider.userId] } })).rejects.toMatchObject({ key: 'notAnExpert' });
    await setAttendance(db, { actor: m.manager, input: { meetingId: m.meetingId, userIds: [e1.userId, e2.userId, e3.userId] } });
    // e3 declared a conflict with the application: of 3 present only 2 may vote.
    const { assignmentIds } = await assignExperts(db, { actor: m.manager, input: { applicationId: m.applicationId, expertIds: [e3.userId, e4.userId], dueOn: FUTURE } });
    await declareConflict(db, { actor: e3, input: { assignmentId: assignmentIds[0], hasConflict: true, reason: 'Shareholder' } });
    await expect(recordDecision(db, { actor: m.manager, input: { meetingId: m.meetingId, applicationId: m.applicationId, ...votes({ votesFor: 2, votesAbstain: 1 }) } })).rejects.toMatchObject({
      key: 'tooManyVotes',
      fieldErrors: { votesFor: ['tooManyVotes'] },
    });
    await expect(recordDecision(db, { actor: m.manager, input: { meetingId: m.meetingId, applicationId: m.applicationId, ...votes({ votesFor: 1, votesAgainst: 1 }) } })).rejects.toMatchObject({ key: 'approvalNeedsMajority' });
    await expect(recordDecision(db, { actor: m.manager, input: { meetingId: m.meetingId, applicationId: m.applicationId, ...votes({ decision: 'rejected' }) } })).rejects.toMatchObject({ fieldErrors: { reason: ['reasonRequired'] } });
    const meeting = await getMeeting(db, { actor: m.manager, meetingId: m.meetingId });
    expect(meeting).toMatchObject({ councilSize: 4, quorumNeeded: 3, present: 3, quorum: true, attendanceFixed: false });
    expect(meeting.items[0]).toMatchObject({ voters: 2, conflicted: [{ userId: e3.userId }] });
    expect(await db.select().from(councilDecisions).where(eq(councilDecisions.applicationId, m.applicationId))).toHaveLength(0);

    expect(await recordDecision(db, { actor: m.manager, input: { meetingId: m.meetingId, applicationId: m.applicationId, ...votes() } })).toEqual({ status: 'approved' });
    const [decision] = await db.select().from(councilDecisions).where(eq(councilDecisions.applicationId, m.applicationId));
    expect(decision).toMatchObject({ decision: 'approved', decidedOn: todayIso(), votesFor: 2, votesAgainst: 0, votesAbstain: 0, meetingId: m.meetingId, recordedBy: m.manager.userId });
    expect((await getMyApplication(db, { actor: m.applicant, applicationId: m.applicationId })).status).toBe('approved');
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, m.applicant.userId), eq(notifications.kind, 'applicationStatusChanged')));
    expect(told.map((n) => (n.params as { status: string }).status)).toEqual(expect.arrayContaining(['in_review', 'approved']));
    await expect(setAttendance(db, { actor: m.manager, input: { meetingId: m.meetingId, userIds: [e1.userId] } })).rejects.toMatchObject({ key: 'attendanceFixed' });
    await expect(removeAgendaItem(db, { actor: m.manager, input: { meetingId: m.meetingId, applicationId: m.applicationId } })).rejects.toMatchObject({ key: 'itemDecided' });
    await expect(recordDecision(db, { actor: m.manager, input: { meetingId: m.meetingId, applicationId: m.applicationId, ...votes({ decision: 'rejected', reason: 'late' }) } })).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'alreadyDecided',
    });
    expect((await listMeetings(db, { actor: m.manager, parkId: m.park.id }))[0]).toMatchObject({ number: 1, status: 'held', items: 1, decided: 1, present: 3 });
    const timeline = await getTimeline(db, { actor: m.applicant, applicationId: m.applicationId });
    expect(timeline.at(-1)).toMatchObject({ kind: 'decided', outcome: 'approved', meetingNumber: 1, on: todayIso(), votes: { for: 2, against: 0, abstain: 0 } });
  });

  it('of two decisions recorded at once, one wins: one decision row, one audit row, the other told who decided', async () => {
    const db = await getDb();
    const m = await meetingWith(3);
    const second = await makeManager(m.park.id);
    await setAttendance(db, { actor: m.manager, input: { meetingId: m.meetingId, userIds: m.council.map((e) => e.userId) } });
    const results = await Promise.allSettled([
      recordDecision(db, { actor: m.manager, input: { meetingId: m.meetingId, applicationId: m.applicationId, ...votes({ votesFor: 3 }) } }),
      recordDecision(db, { actor: second, input: { meetingId: m.meetingId, applicationId: m.applicationId, ...votes({ votesFor: 0, votesAgainst: 3, decision: 'rejected', reason: 'No market' }) } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'CONFLICT' });
    expect(lost[0].reason.message).toMatch(/already decided by User .+ at \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await db.select().from(councilDecisions).where(eq(councilDecisions.applicationId, m.applicationId))).toHaveLength(1);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.entityId, m.applicationId), eq(auditLog.action, 'council.decide')))).toHaveLength(1);
  });

  it('refuses the wrong role, another park, and an application not under review; revision sends it back to the applicant', async () => {
    const db = await getDb();
    const m = await meetingWith(1);
    const input = { meetingId: m.meetingId, applicationId: m.applicationId, ...votes({ votesFor: 1, decision: 'revision', reason: 'Clarify the plan for 2027' }) };
    await expect(recordDecision(db, { actor: m.council[0], input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(recordDecision(db, { actor: await makeAnalyst(m.park.id), input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(recordDecision(db, { actor: await makeManager((await makePark()).id), input })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getMeeting(db, { actor: await makeManager((await makePark()).id), meetingId: m.meetingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createMeeting(db, { actor: await makeUser('admin'), input: { parkId: m.park.id, number: 9, heldOn: '2026-01-01' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const submitted = await makeApplication(m.applicant, m.park.id);
    await expect(addAgendaItem(db, { actor: m.manager, input: { meetingId: m.meetingId, applicationId: submitted.applicationId } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const otherPark = await makePark();
    const foreign = await inReview(m.applicant, otherPark.id, await makeManager(otherPark.id));
    await expect(addAgendaItem(db, { actor: m.manager, input: { meetingId: m.meetingId, applicationId: foreign.applicationId } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await setAttendance(db, { actor: m.manager, input: { meetingId: m.meetingId, userIds: [m.council[0].userId] } });
    expect(await recordDecision(db, { actor: m.manager, input })).toEqual({ status: 'returned' });
    const app = await getMyApplication(db, { actor: m.applicant, applicationId: m.applicationId });
    expect(app.returnComment).toMatchObject({ comment: 'Clarify the plan for 2027', source: 'council' });
    await saveDraft(db, { actor: m.applicant, input: { ...completeDraft(m.park.id, app.companyId), applicationId: m.applicationId, title: 'Clarified plan' } });
    expect(await submitApplication(db, { actor: m.applicant, applicationId: m.applicationId })).toEqual({ version: 2 });
    const [row] = await db.select().from(applications).where(eq(applications.id, m.applicationId));
    expect(row.status).toBe('submitted');
  });
});
