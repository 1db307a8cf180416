import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { councilDecisions, councilMeetings, meetingAttendance, meetingItems } from '@/db/schema';
import { actorUserId, type Actor } from '@/lib/auth/actor';
import { writeAudit } from '@/lib/audit';
import { accessApplication } from '@/lib/applications/access';
import { moveApplication, refusal } from '@/lib/applications/transition';
import { AppError, notFound } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { representativesOf } from '@/lib/notifications/recipients';
import { inTransaction } from '@/lib/transaction';
import { withdrawOpenAssignments } from './assignments';
import { parseInput } from '@/lib/validation/parse';
import { decisionSchema, type CouncilDecisionKind, type DecisionInput } from '@/lib/validation/council';
import type { ApplicationStatus } from '@/lib/validation/applications';
import { assertMeetingCanConsider } from './meeting-dates';
import { councilSizeOf, meetingInPark } from './meetings';
import { assertMinutesOpen } from './minutes-lock';
import { itemTally, meetingClock, quorumNeeded } from './votes';

const DECISION_STATUS = { approved: 'approved', rejected: 'rejected', revision: 'returned' } as const satisfies Record<CouncilDecisionKind, ApplicationStatus>;

type Tally = { votesFor: number; votesAgainst: number; votesAbstain: number };

/**
 * The tally an item is decided on. From the members' own votes: the members present or voting
 * remotely make the quorum, and only those without a conflict count. On paper (where the park's rules
 * call for it): the typed totals, against the members recorded present.
 */
async function countedTally(tx: DbOrTx, meeting: { id: string }, size: number, data: ReturnType<typeof decisionSchema.parse>): Promise<Tally> {
  const noQuorum = (taking: number) =>
    new AppError('VALIDATION', `no quorum: ${taking} of ${size} members take part, ${quorumNeeded(size)} needed`, {
      key: 'noQuorum',
      params: { present: taking, size, needed: quorumNeeded(size) },
    });
  const tally = await itemTally(tx, meeting.id, data.applicationId);
  if (!data.paperTally) {
    if (tally.participants < quorumNeeded(size)) throw noQuorum(tally.participants);
    if (tally.for + tally.against + tally.abstain === 0) throw new AppError('VALIDATION', 'no member has voted on the item', { key: 'noVotes' });
    return { votesFor: tally.for, votesAgainst: tally.against, votesAbstain: tally.abstain };
  }
  const present = await tx.select({ userId: meetingAttendance.userId }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, meeting.id));
  if (present.length < quorumNeeded(size)) throw noQuorum(present.length);
  const conflicted = new Set(tally.conflictedIds);
  const voters = present.filter((p) => !conflicted.has(p.userId)).length;
  const cast = data.votesFor + data.votesAgainst + data.votesAbstain;
  if (cast > voters)
    throw new AppError('VALIDATION', `${cast} votes but only ${voters} members present may vote on this item`, {
      key: 'tooManyVotes',
      params: { cast, voters },
      fieldErrors: { votesFor: ['tooManyVotes'] },
    });
  return { votesFor: data.votesFor, votesAgainst: data.votesAgainst, votesAbstain: data.votesAbstain };
}

/**
 * Closes an agenda item: the council's decision on the tally. Refused before the meeting has started
 * (its day and time, in the park's time zone), without a quorum, on an outcome the tally does not give
 * (an approval needs more votes for than against; a majority for is an approval), on an approval with
 * fewer submitted expert reviews than the park asks for unless a reason is given (the minutes show it),
 * and on an application already decided (the second of two people recording at once is told who
 * decided and when). The application's open assignments close with it.
 */
export async function recordDecision(db: Db, { actor, input, now = new Date() }: { actor: Actor; input: DecisionInput; now?: Date }): Promise<{ status: ApplicationStatus }> {
  const data = parseInput(decisionSchema, input);
  return inTransaction(db, async (tx) => {
    // The tally counts against the attendance, agenda and votes read below: locked first, so none of
    // them changes before this decision is in (attendance, agenda changes and votes take the same lock).
    const meeting = await meetingInPark(tx, actor, data.meetingId, 'council.decide', true);
    await assertMinutesOpen(tx, meeting.id);
    // Locked before the conflicts are counted: an expert declaring one locks the application too.
    const access = await accessApplication(tx, { actor, applicationId: data.applicationId, parkId: meeting.parkId, permission: 'council.decide', lock: true });
    const item = access.application;
    const [onAgenda] = await tx
      .select({ id: meetingItems.id })
      .from(meetingItems)
      .where(and(eq(meetingItems.meetingId, meeting.id), eq(meetingItems.applicationId, item.id)));
    if (!onAgenda) throw notFound('application');
    await assertMeetingCanConsider(tx, { heldOn: meeting.heldOn, applicationId: item.id, deciding: true });
    const clock = (await meetingClock(tx, meeting.id, [meeting.parkId], false))!;
    if (now < clock.startsAt)
      throw new AppError('INVALID_TRANSITION', `the meeting starts at ${clock.startsAt.toISOString()}: its decisions are recorded from then`, {
        key: 'meetingNotStarted',
        params: { startsAt: clock.startsAt.toISOString() },
      });
    const tally = await countedTally(tx, meeting, await councilSizeOf(tx, meeting), data);
    const majorityFor = tally.votesFor > tally.votesAgainst;
    if (data.decision === 'approved' && !majorityFor)
      throw new AppError('VALIDATION', 'an approval needs more votes for than against', { key: 'approvalNeedsMajority', fieldErrors: { decision: ['approvalNeedsMajority'] } });
    if (data.decision !== 'approved' && majorityFor && !data.paperTally)
      throw new AppError('VALIDATION', 'the majority voted for: the outcome is an approval', { key: 'majorityApproves', fieldErrors: { decision: ['majorityApproves'] } });
    const shortReason = await reviewsShortReason(tx, item.id, meeting.parkId, data);

    const to = DECISION_STATUS[data.decision];
    const moved = await moveApplication(tx, { access, from: ['in_review'], to });
    if (!moved) throw await refusal(tx, access);
    const [decision] = await tx
      .insert(councilDecisions)
      .values({
        parkId: meeting.parkId,
        applicationId: data.applicationId,
        meetingId: meeting.id,
        decision: data.decision,
        decidedOn: meeting.heldOn,
        ...tally,
        paperTally: data.paperTally,
        reason: data.reason || null,
        reviewsShortReason: shortReason,
        recordedBy: actorUserId(actor),
      })
      .returning({ id: councilDecisions.id });
    await tx.update(councilMeetings).set({ status: 'held' }).where(eq(councilMeetings.id, meeting.id));
    const assignmentsClosed = await withdrawOpenAssignments(tx, item.id);
    await writeAudit(tx, {
      actor,
      parkId: meeting.parkId,
      action: 'council.decide',
      entity: 'application',
      entityId: data.applicationId,
      before: { status: 'in_review' },
      after: {
        status: to,
        decision: data.decision,
        decisionId: decision.id,
        meetingId: meeting.id,
        votes: { for: tally.votesFor, against: tally.votesAgainst, abstain: tally.votesAbstain },
        paperTally: data.paperTally,
        reason: data.reason || null,
        reviewsShortReason: shortReason,
        assignmentsClosed,
      },
    });
    await notify(tx, {
      userIds: await representativesOf(tx, item.companyId),
      parkId: meeting.parkId,
      kind: 'applicationStatusChanged',
      params: { title: item.title, status: to },
      href: `/my/applications/${data.applicationId}`,
      note: data.reason || null,
    });
    return { status: to };
  });
}

/**
 * An approval on fewer submitted reviews than the park's minimum needs a reason; returns it (or null
 * when the reviews suffice or the decision is not an approval).
 */
async function reviewsShortReason(tx: DbOrTx, applicationId: string, parkId: string, data: { decision: CouncilDecisionKind; reviewsShortReason: string }): Promise<string | null> {
  if (data.decision !== 'approved') return null;
  const [row] = await queryRows<{ submitted: number; minimum: number }>(
    tx,
    sql`SELECT (SELECT count(*) FROM reviews r JOIN expert_assignments ea ON ea.id = r.assignment_id
                WHERE ea.application_id = ${applicationId} AND r.status = 'submitted')::int AS submitted,
               (SELECT min_reviews_for_approval FROM parks WHERE id = ${parkId})::int AS minimum`,
  );
  const submitted = Number(row.submitted);
  const minimum = Number(row.minimum);
  if (submitted >= minimum) return null;
  if (!data.reviewsShortReason)
    throw new AppError('VALIDATION', `${submitted} submitted expert reviews, the park asks for ${minimum} before an approval: give the reason`, {
      key: 'tooFewReviews',
      params: { submitted, minimum },
      fieldErrors: { reviewsShortReason: ['tooFewReviews'] },
    });
  return data.reviewsShortReason;
}
