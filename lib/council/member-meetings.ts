import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { applications, companies, councilComments, councilDecisions, councilMeetings, expertAssignments, meetingAttendance, meetingItems, users } from '@/db/schema';
import type { AssignmentStatus, CouncilDecisionKind, MeetingStatus, Vote } from '@/db/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertActingUser, assertCan, parksWhere } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { accessApplication, accessApplications, applicationAccess, type ApplicationTarget } from '@/lib/applications/access';
import { readApplication, type ApplicationDto } from '@/lib/applications/applications';
import { AppError, notFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse';
import { councilCommentSchema, type CouncilCommentInput } from '@/lib/validation/council';
import { reviewSummaryOf, type ReviewSummary } from './reviews';
import { meetingClock, meetingStartSql, myVotes } from './votes';

export type MemberMeetingRow = { id: string; number: number; heldOn: string; startsAt: Date; place: string | null; status: MeetingStatus; items: number; myVotes: number; present: boolean };

/** The meetings of the park's council a member is called to (every meeting of the park), newest first. */
export async function listMemberMeetings(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<MemberMeetingRow[]> {
  assertCan(actor, 'council.vote', parkId);
  assertActingUser(actor, 'council.vote');
  const rows = await db
    .select({
      id: councilMeetings.id,
      number: councilMeetings.number,
      heldOn: councilMeetings.heldOn,
      startsAt: sql<Date>`${meetingStartSql(councilMeetings.heldOn, councilMeetings.startsAt, sql`${councilMeetings.parkId}`)}`,
      place: councilMeetings.place,
      status: councilMeetings.status,
      items: sql<number>`(SELECT count(*) FROM meeting_items i WHERE i.meeting_id = "council_meetings"."id")::int`,
      myVotes: sql<number>`(SELECT count(*) FROM council_votes v WHERE v.meeting_id = "council_meetings"."id" AND v.member_id = ${actor.userId})::int`,
      present: sql<boolean>`EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = "council_meetings"."id" AND a.user_id = ${actor.userId})`,
    })
    .from(councilMeetings)
    .where(eq(councilMeetings.parkId, parkId))
    .orderBy(desc(councilMeetings.heldOn), desc(councilMeetings.number))
    .limit(200);
  return rows.map((r) => ({ ...r, items: Number(r.items), myVotes: Number(r.myVotes), startsAt: new Date(r.startsAt) }));
}

export type CouncilCommentDto = { id: string; author: string; body: string; at: Date };

export type MemberItemDto =
  | { applicationId: string; title: string; companyName: string; excluded: true }
  | {
      applicationId: string;
      title: string;
      companyName: string;
      excluded: false;
      application: ApplicationDto;
      /** The member's own review assignment on it, if any. */
      myAssignment: AssignmentStatus | null;
      /** The submitted reviews; null while the member's own review is still due. */
      reviews: ReviewSummary | null;
      myVote: { vote: Vote; remote: boolean; castAt: Date } | null;
      decision: { decision: CouncilDecisionKind; votesFor: number; votesAgainst: number; votesAbstain: number; reason: string | null } | null;
      comments: CouncilCommentDto[] | null;
    };

export type MemberMeetingDto = {
  id: string;
  parkId: string;
  number: number;
  heldOn: string;
  startsAt: Date;
  place: string | null;
  videoLink: string | null;
  votingDeadline: Date | null;
  status: MeetingStatus;
  present: boolean;
  started: boolean;
  /** May vote now on an open item: remotely until the deadline, or in the meeting once present and started. */
  votingOpen: boolean;
  items: MemberItemDto[];
};

/**
 * A meeting as one of the council's members sees it: when and where, the agenda with each item's
 * application, documents and the submitted reviews (once the member's own is in, or for items they
 * were not asked to review), their own vote, and the decision once the item is closed. An item the
 * member declared a conflict with shows only that they are excluded from it.
 */
export async function getMemberMeeting(db: DbOrTx, { actor, meetingId, now = new Date() }: { actor: Actor; meetingId: string; now?: Date }): Promise<MemberMeetingDto> {
  assertActingUser(actor, 'council.vote', 'meeting');
  const clock = await meetingClock(db, meetingId, parksWhere(actor, 'council.vote'), false);
  if (!clock) throw notFound('meeting');
  const [meeting] = await db
    .select({ number: councilMeetings.number, place: councilMeetings.place, videoLink: councilMeetings.videoLink, status: councilMeetings.status })
    .from(councilMeetings)
    .where(eq(councilMeetings.id, meetingId));
  const [present] = await db
    .select({ id: meetingAttendance.id })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.userId, actor.userId)));
  const agenda = await db
    .select({ applicationId: meetingItems.applicationId, title: applications.title, companyName: companies.name })
    .from(meetingItems)
    .innerJoin(applications, eq(applications.id, meetingItems.applicationId))
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(eq(meetingItems.meetingId, meetingId))
    .orderBy(asc(meetingItems.position));
  const granted = await accessApplications(db, { actor, applicationIds: agenda.map((i) => i.applicationId), parkId: clock.parkId, as: ['member', 'expert'] });
  const votes = await myVotes(db, meetingId, actor.userId);
  // The member's own assignments on the agenda's applications and the meeting's decisions, read once for all items.
  const onAgenda = agenda.map((i) => i.applicationId);
  const assignments = new Map(
    (
      await db
        .select({ applicationId: expertAssignments.applicationId, status: expertAssignments.status })
        .from(expertAssignments)
        .where(and(eq(expertAssignments.expertId, actor.userId), onAgenda.length ? inArray(expertAssignments.applicationId, onAgenda) : sql`false`))
    ).map((a) => [a.applicationId, a]),
  );
  const decisions = new Map(
    (
      await db
        .select({ applicationId: councilDecisions.applicationId, decision: councilDecisions.decision, votesFor: councilDecisions.votesFor, votesAgainst: councilDecisions.votesAgainst, votesAbstain: councilDecisions.votesAbstain, reason: councilDecisions.reason })
        .from(councilDecisions)
        .where(eq(councilDecisions.meetingId, meetingId))
    ).map(({ applicationId, ...d }) => [applicationId, d]),
  );
  const items: MemberItemDto[] = [];
  for (const item of agenda) {
    const access = granted.get(item.applicationId);
    if (!access) {
      items.push({ ...item, excluded: true });
      continue;
    }
    const own = assignments.get(item.applicationId);
    const decision = decisions.get(item.applicationId);
    const reviewDue = own?.status === 'assigned';
    items.push({
      ...item,
      excluded: false,
      application: await readApplication(db, access),
      myAssignment: own?.status ?? null,
      reviews: reviewDue ? null : await reviewSummaryOf(db, access),
      myVote: votes.get(item.applicationId) ?? null,
      decision: decision ? { ...decision, votesFor: decision.votesFor ?? 0, votesAgainst: decision.votesAgainst ?? 0, votesAbstain: decision.votesAbstain ?? 0 } : null,
      comments: reviewDue ? null : await commentsOf(db, item.applicationId),
    });
  }
  const started = now >= clock.startsAt;
  return {
    id: meetingId,
    parkId: clock.parkId,
    number: meeting.number,
    heldOn: clock.heldOn,
    startsAt: clock.startsAt,
    place: meeting.place,
    videoLink: meeting.videoLink,
    votingDeadline: clock.votingDeadline,
    status: meeting.status,
    present: Boolean(present),
    started,
    votingOpen:
      meeting.status !== 'cancelled' &&
      items.some((i) => !i.excluded && !i.decision) && ((Boolean(present) && started) || (clock.votingDeadline !== null && now <= clock.votingDeadline)),
    items,
  };
}

async function commentsOf(db: DbOrTx, applicationId: string): Promise<CouncilCommentDto[]> {
  return db
    .select({ id: councilComments.id, author: users.name, body: councilComments.body, at: councilComments.createdAt })
    .from(councilComments)
    .innerJoin(users, eq(users.id, councilComments.authorId))
    .where(eq(councilComments.applicationId, applicationId))
    .orderBy(asc(councilComments.createdAt));
}

/** The council's discussion of an application, for its members and the park's staff; never for the applicant. */
export async function listCouncilComments(db: DbOrTx, target: ApplicationTarget): Promise<CouncilCommentDto[]> {
  const access = await applicationAccess(db, target, { as: ['member', 'expert', 'staff'] });
  return commentsOf(db, access.application.id);
}

/**
 * A member's comment on an application for the other members: once their own review is submitted, or
 * when they were not asked to review it; not on an item they declared a conflict with.
 */
export async function addCouncilComment(db: Db, { actor, input }: { actor: Actor; input: CouncilCommentInput }): Promise<{ id: string }> {
  const data = parseInput(councilCommentSchema, input);
  assertActingUser(actor, 'council.vote', 'application');
  return db.transaction(async (tx) => {
    const access = await accessApplication(tx, { actor, applicationId: data.applicationId, as: ['member', 'expert'] });
    const [own] = await tx
      .select({ status: expertAssignments.status })
      .from(expertAssignments)
      .where(and(eq(expertAssignments.applicationId, data.applicationId), eq(expertAssignments.expertId, actor.userId)));
    if (own?.status === 'assigned') throw new AppError('INVALID_TRANSITION', 'submit your own review before joining the discussion', { key: 'reviewFirst' });
    const [comment] = await tx.insert(councilComments).values({ applicationId: data.applicationId, authorId: actor.userId, body: data.body }).returning({ id: councilComments.id });
    await writeAudit(tx, { actor, parkId: access.application.parkId, action: 'council.comment', entity: 'application', entityId: data.applicationId, after: { commentId: comment.id } });
    return comment;
  });
}
