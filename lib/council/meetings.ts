import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { applications, companies, councilDecisions, councilMeetings, councilVotes, expertAssignments, meetingAttendance, meetingItems, memberships, parks, users } from '@/db/schema';
import type { MeetingStatus } from '@/db/schema/values';
import { actorUserId, type Actor } from '@/lib/auth/actor';
import { assertCan, parksWhere } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { accessApplication, accessApplications } from '@/lib/applications/access';
import { AppError, invalidTransition, notFound } from '@/lib/errors';
import { parkZoneSql } from '@/lib/parks/clock';
import { inTransaction } from '@/lib/transaction';
import { parseInput } from '@/lib/validation/parse';
import {
  agendaItemSchema,
  attendanceSchema,
  cancelMeetingSchema,
  createMeetingSchema,
  meetingDetailsSchema,
  type CancelMeetingInput,
  type CouncilDecisionKind,
  type CreateMeetingInput,
  type MeetingDetailsInput,
} from '@/lib/validation/council';
import type { ApplicationStatus } from '@/lib/validation/applications';
import { assertMeetingCanConsider } from './meeting-dates';
import { noticeMeeting } from './invitation';
import { assertMinutesOpen } from './minutes-lock';
import { getReviewSummary, type ReviewSummary } from './reviews';
import { meetingClock, quorumNeeded, tallyOf, type ItemTally } from './votes';

export type MeetingRow = { id: string; number: number; heldOn: string; status: MeetingStatus; items: number; decided: number; present: number };

/** The park's council: its experts with enabled accounts. Only for a meeting already checked with `meetingInPark`. */
async function councilMembers(db: DbOrTx, parkId: string): Promise<{ userId: string; name: string }[]> {
  return db
    .select({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.parkId, parkId), eq(memberships.role, 'expert'), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}

/**
 * A meeting of a park the actor can see, read only within those parks (scoped in the query): another
 * park's meeting and a missing one look the same. Someone who can see the park but may not take the
 * step is refused FORBIDDEN, as `assertCan` refuses. A write that depends on the meeting's attendance,
 * agenda or decisions passes `lock`, so such writes run one at a time per meeting and each sees the
 * others' result.
 */
export async function meetingInPark(tx: DbOrTx, actor: Actor, meetingId: string, permission: 'council.meet' | 'council.decide', lock = false) {
  const seen = parksWhere(actor, 'park.read');
  const query = tx
    .select({
      id: councilMeetings.id,
      parkId: councilMeetings.parkId,
      number: councilMeetings.number,
      heldOn: councilMeetings.heldOn,
      status: councilMeetings.status,
      councilSize: councilMeetings.councilSize,
      // A subquery, not a join: FOR UPDATE locks the meeting, never its park.
      timeZone: sql<string>`${parkZoneSql(sql`${councilMeetings.parkId}`)}`,
    })
    .from(councilMeetings)
    .where(and(eq(councilMeetings.id, meetingId), seen === 'all' ? undefined : inArray(councilMeetings.parkId, seen)));
  const [meeting] = lock ? await query.for('update') : await query;
  if (!meeting) throw notFound('meeting');
  assertCan(actor, permission, meeting.parkId);
  return meeting;
}

/** The details a meeting's form sets, as stored: the voting deadline is read on the park's clock. */
function meetingDetailValues(parkId: string, data: { startsAt?: string | null; place?: string | null; videoLink?: string | null; votingDeadline?: string | null }) {
  return {
    startsAt: data.startsAt ?? null,
    place: data.place ?? null,
    videoLink: data.videoLink ?? null,
    votingDeadline: data.votingDeadline ? sql`(${data.votingDeadline}::timestamp AT TIME ZONE ${parkZoneSql(parkId)})` : null,
  };
}

/** Changes a meeting's day, time, place, video link or voting deadline, until its first decision. */
export async function updateMeetingDetails(db: Db, { actor, input }: { actor: Actor; input: MeetingDetailsInput }): Promise<void> {
  const data = parseInput(meetingDetailsSchema, input);
  await inTransaction(db, async (tx) => {
    const meeting = await meetingInPark(tx, actor, data.meetingId, 'council.meet', true);
    await assertMinutesOpen(tx, meeting.id);
    const [decided] = await tx.select({ id: councilDecisions.id }).from(councilDecisions).where(eq(councilDecisions.meetingId, meeting.id)).limit(1);
    if (decided) throw new AppError('INVALID_TRANSITION', 'a meeting with a recorded decision keeps its date', { key: 'meetingDecided' });
    const [before] = await tx.select().from(councilMeetings).where(eq(councilMeetings.id, meeting.id));
    await tx.update(councilMeetings).set({ heldOn: data.heldOn, ...meetingDetailValues(meeting.parkId, data) }).where(eq(councilMeetings.id, meeting.id));
    await writeAudit(tx, {
      actor,
      parkId: meeting.parkId,
      action: 'meeting.update',
      entity: 'meeting',
      entityId: meeting.id,
      before: { heldOn: before.heldOn, startsAt: before.startsAt, place: before.place, videoLink: before.videoLink, votingDeadline: before.votingDeadline },
      after: { heldOn: data.heldOn, startsAt: data.startsAt ?? null, place: data.place ?? null, videoLink: data.videoLink ?? null, votingDeadline: data.votingDeadline ?? null },
    });
    await noticeMeeting(tx, meeting.id, 'meetingChanged');
  });
}

/**
 * Cancels a meeting that has decided nothing: it stays in the register as cancelled, takes no more
 * changes or votes, and its members are told, with the calendar event's cancellation.
 */
export async function cancelMeeting(db: Db, { actor, input }: { actor: Actor; input: CancelMeetingInput }): Promise<void> {
  const data = parseInput(cancelMeetingSchema, input);
  await inTransaction(db, async (tx) => {
    const meeting = await meetingInPark(tx, actor, data.meetingId, 'council.meet', true);
    await assertMinutesOpen(tx, meeting.id);
    const [decided] = await tx.select({ id: councilDecisions.id }).from(councilDecisions).where(eq(councilDecisions.meetingId, meeting.id)).limit(1);
    if (decided) throw new AppError('INVALID_TRANSITION', 'a meeting with a recorded decision cannot be cancelled', { key: 'meetingDecided' });
    await tx.update(councilMeetings).set({ status: 'cancelled' }).where(eq(councilMeetings.id, meeting.id));
    await writeAudit(tx, { actor, parkId: meeting.parkId, action: 'meeting.cancel', entity: 'meeting', entityId: meeting.id, before: { status: meeting.status }, after: { status: 'cancelled', reason: data.reason } });
    await noticeMeeting(tx, meeting.id, 'meetingCancelled');
  });
}

export type CheckedMeeting = Awaited<ReturnType<typeof meetingInPark>>;

/** The council's size a meeting counts its quorum against: as recorded with its attendance, or today's. */
export async function councilSizeOf(tx: DbOrTx, meeting: CheckedMeeting): Promise<number> {
  return meeting.councilSize ?? (await councilMembers(tx, meeting.parkId)).length;
}

export async function listMeetings(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<MeetingRow[]> {
  assertCan(actor, 'council.meet', parkId);
  const rows = await queryRows<{ id: string; number: number; held_on: string; status: MeetingStatus; items: number; decided: number; present: number }>(
    db,
    sql`SELECT m.id, m.number, m.held_on::text AS held_on, m.status,
               (SELECT count(*) FROM meeting_items i WHERE i.meeting_id = m.id)::int AS items,
               (SELECT count(*) FROM council_decisions d WHERE d.meeting_id = m.id)::int AS decided,
               (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id)::int AS present
        FROM council_meetings m WHERE m.park_id = ${parkId}
        ORDER BY m.held_on DESC, m.number DESC
        LIMIT 200`,
  );
  return rows.map((r) => ({ id: r.id, number: Number(r.number), heldOn: r.held_on, status: r.status, items: Number(r.items), decided: Number(r.decided), present: Number(r.present) }));
}

/** The next meeting number: after every meeting held in the product and every number in imported minutes. */
export async function nextMeetingNumber(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<number> {
  assertCan(actor, 'council.meet', parkId);
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT greatest(
          (SELECT coalesce(max(number), 0) FROM council_meetings WHERE park_id = ${parkId}),
          (SELECT coalesce(max(meeting_number), 0) FROM council_decisions WHERE park_id = ${parkId})
        )::int + 1 AS n`,
  );
  return Number(row.n);
}

export async function createMeeting(db: Db, { actor, input }: { actor: Actor; input: CreateMeetingInput }): Promise<{ id: string }> {
  const data = parseInput(createMeetingSchema, input);
  assertCan(actor, 'council.meet', data.parkId);
  return inTransaction(
    db,
    async (tx) => {
      const [meeting] = await tx
        .insert(councilMeetings)
        .values({ parkId: data.parkId, number: data.number, heldOn: data.heldOn, ...meetingDetailValues(data.parkId, data), createdBy: actorUserId(actor) })
        .returning({ id: councilMeetings.id });
      await writeAudit(tx, { actor, parkId: data.parkId, action: 'meeting.create', entity: 'meeting', entityId: meeting.id, after: data });
      await noticeMeeting(tx, meeting.id, 'meetingCalled');
      return meeting;
    },
    { onConflict: () => new AppError('CONFLICT', `meeting No. ${data.number} already exists`, { key: 'meetingNumberTaken', params: { number: data.number }, fieldErrors: { number: ['meetingNumberTaken'] } }) },
  );
}

/** Puts an application under expert review on the meeting's agenda. */
export async function addAgendaItem(db: Db, { actor, input }: { actor: Actor; input: { meetingId: string; applicationId: string } }): Promise<void> {
  const data = parseInput(agendaItemSchema, input);
  await inTransaction(
    db,
    async (tx) => {
      const meeting = await meetingInPark(tx, actor, data.meetingId, 'council.meet', true);
      await assertMinutesOpen(tx, meeting.id);
      const { application: app } = await accessApplication(tx, { actor, applicationId: data.applicationId, parkId: meeting.parkId, permission: 'council.meet' });
      if (app.status !== 'in_review') throw invalidTransition('application', app.status);
      await assertMeetingCanConsider(tx, { heldOn: meeting.heldOn, applicationId: data.applicationId, deciding: false });
      const [{ next }] = await queryRows<{ next: number }>(tx, sql`SELECT coalesce(max(position), 0)::int + 1 AS next FROM meeting_items WHERE meeting_id = ${meeting.id}`);
      await tx.insert(meetingItems).values({ meetingId: meeting.id, applicationId: data.applicationId, position: Number(next) });
      await writeAudit(tx, { actor, parkId: meeting.parkId, action: 'meeting.addItem', entity: 'meeting', entityId: meeting.id, after: { applicationId: data.applicationId } });
    },
    { onConflict: () => new AppError('CONFLICT', 'the application is already on the agenda', { key: 'alreadyOnAgenda' }) },
  );
}

/** Takes an undecided item off the agenda. */
export async function removeAgendaItem(db: Db, { actor, input }: { actor: Actor; input: { meetingId: string; applicationId: string } }): Promise<void> {
  const data = parseInput(agendaItemSchema, input);
  await db.transaction(async (tx) => {
    const meeting = await meetingInPark(tx, actor, data.meetingId, 'council.meet', true);
    await assertMinutesOpen(tx, meeting.id);
    const [decided] = await tx
      .select({ id: councilDecisions.id })
      .from(councilDecisions)
      .where(and(eq(councilDecisions.meetingId, meeting.id), eq(councilDecisions.applicationId, data.applicationId)));
    if (decided) throw new AppError('INVALID_TRANSITION', 'a decided item stays on the agenda', { key: 'itemDecided' });
    const removed = await tx
      .delete(meetingItems)
      .where(and(eq(meetingItems.meetingId, meeting.id), eq(meetingItems.applicationId, data.applicationId)))
      .returning({ id: meetingItems.id });
    if (!removed.length) throw notFound('application');
    await writeAudit(tx, { actor, parkId: meeting.parkId, action: 'meeting.removeItem', entity: 'meeting', entityId: meeting.id, before: { applicationId: data.applicationId } });
  });
}

/**
 * Records who of the council is present. Fixed once the first decision is recorded, since the
 * votes were counted against it; the council's size is recorded with it for the quorum.
 */
export async function setAttendance(db: Db, { actor, input }: { actor: Actor; input: { meetingId: string; userIds: string[] } }): Promise<{ present: number; councilSize: number; quorum: boolean }> {
  const data = parseInput(attendanceSchema, input);
  const userIds = [...new Set(data.userIds)];
  return db.transaction(async (tx) => {
    const meeting = await meetingInPark(tx, actor, data.meetingId, 'council.meet', true);
    await assertMinutesOpen(tx, meeting.id);
    const [decided] = await tx.select({ id: councilDecisions.id }).from(councilDecisions).where(eq(councilDecisions.meetingId, meeting.id)).limit(1);
    if (decided) throw new AppError('INVALID_TRANSITION', 'attendance is fixed once a decision is recorded', { key: 'attendanceFixed' });
    const council = await councilMembers(tx, meeting.parkId);
    const members = new Set(council.map((m) => m.userId));
    if (userIds.some((id) => !members.has(id)))
      throw new AppError('VALIDATION', 'only members of the park’s council can be present', { key: 'notAnExpert', fieldErrors: { userIds: ['notAnExpert'] } });
    const before = (await tx.select({ userId: meetingAttendance.userId }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, meeting.id))).map((r) => r.userId);
    await tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meeting.id));
    if (userIds.length) await tx.insert(meetingAttendance).values(userIds.map((userId) => ({ meetingId: meeting.id, userId })));
    await tx.update(councilMeetings).set({ councilSize: council.length }).where(eq(councilMeetings.id, meeting.id));
    await writeAudit(tx, { actor, parkId: meeting.parkId, action: 'meeting.attendance', entity: 'meeting', entityId: meeting.id, before: { present: before }, after: { present: userIds, councilSize: council.length } });
    return { present: userIds.length, councilSize: council.length, quorum: userIds.length >= quorumNeeded(council.length) };
  });
}

export type MeetingItemDto = {
  applicationId: string;
  title: string;
  companyName: string;
  status: ApplicationStatus;
  /** Members present who declared a conflict with this application: they do not vote on it. */
  conflicted: { userId: string; name: string }[];
  voters: number;
  /** The members' own votes so far (the paper tally, when there is one, is in the decision). */
  tally: ItemTally;
  summary: ReviewSummary;
  decision: {
    decision: CouncilDecisionKind;
    votesFor: number;
    votesAgainst: number;
    votesAbstain: number;
    paperTally: boolean;
    reason: string | null;
    reviewsShortReason: string | null;
    decidedOn: string;
    recordedBy: string | null;
    at: Date;
  } | null;
};

export type MeetingDto = {
  id: string;
  parkId: string;
  number: number;
  heldOn: string;
  /** The start, in the park's time zone: its day at its time (the day's start without one). */
  startsAt: Date;
  startTime: string | null;
  place: string | null;
  videoLink: string | null;
  votingDeadline: Date | null;
  /** Decisions and in-meeting votes are taken from the start on. */
  started: boolean;
  /** Submitted expert reviews an approval needs without a stated reason (the park's setting). */
  minReviews: number;
  status: MeetingStatus;
  councilSize: number;
  quorumNeeded: number;
  members: { userId: string; name: string; present: boolean }[];
  present: number;
  quorum: boolean;
  attendanceFixed: boolean;
  items: MeetingItemDto[];
  /** Applications under expert review not yet on this agenda. */
  candidates: { id: string; title: string; companyName: string }[];
};

export async function getMeeting(db: DbOrTx, { actor, meetingId, now = new Date() }: { actor: Actor; meetingId: string; now?: Date }): Promise<MeetingDto> {
  const meeting = await meetingInPark(db, actor, meetingId, 'council.meet');
  const clock = (await meetingClock(db, meeting.id, [meeting.parkId], false))!;
  const [details] = await db
    .select({ startTime: councilMeetings.startsAt, place: councilMeetings.place, videoLink: councilMeetings.videoLink, minReviews: parks.minReviewsForApproval })
    .from(councilMeetings)
    .innerJoin(parks, eq(parks.id, councilMeetings.parkId))
    .where(eq(councilMeetings.id, meeting.id));
  const council = await councilMembers(db, meeting.parkId);
  const attendance = await db
    .select({ userId: meetingAttendance.userId, name: users.name })
    .from(meetingAttendance)
    .innerJoin(users, eq(users.id, meetingAttendance.userId))
    .where(eq(meetingAttendance.meetingId, meeting.id))
    .orderBy(asc(users.name));
  const presentIds = new Set(attendance.map((a) => a.userId));
  // Members who left the council since keep their place in this meeting's record.
  const members = [...council.map((m) => ({ ...m, present: presentIds.has(m.userId) })), ...attendance.filter((a) => !council.some((m) => m.userId === a.userId)).map((a) => ({ ...a, present: true }))];
  const size = meeting.councilSize ?? council.length;
  const itemRows = await db
    .select({ applicationId: meetingItems.applicationId, title: applications.title, companyName: companies.name, status: applications.status })
    .from(meetingItems)
    .innerJoin(applications, eq(applications.id, meetingItems.applicationId))
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(eq(meetingItems.meetingId, meeting.id))
    .orderBy(asc(meetingItems.position));
  const agenda = await accessApplications(db, { actor, applicationIds: itemRows.map((i) => i.applicationId), parkId: meeting.parkId, permission: 'council.meet' });
  // The members' votes at the meeting, read once; each item's tally is counted from them, the attendance and its conflicts.
  const votes = await db.select({ applicationId: councilVotes.applicationId, memberId: councilVotes.memberId, vote: councilVotes.vote }).from(councilVotes).where(eq(councilVotes.meetingId, meeting.id));
  const items: MeetingItemDto[] = [];
  for (const item of itemRows) {
    const access = agenda.get(item.applicationId);
    if (!access) throw notFound('application');
    const conflicted = await db
      .select({ userId: users.id, name: users.name })
      .from(expertAssignments)
      .innerJoin(users, eq(users.id, expertAssignments.expertId))
      .where(and(eq(expertAssignments.applicationId, item.applicationId), eq(expertAssignments.status, 'conflict')));
    const conflictedPresent = conflicted.filter((c) => presentIds.has(c.userId));
    const [decision] = await db
      .select({
        decision: councilDecisions.decision,
        votesFor: councilDecisions.votesFor,
        votesAgainst: councilDecisions.votesAgainst,
        votesAbstain: councilDecisions.votesAbstain,
        paperTally: councilDecisions.paperTally,
        reason: councilDecisions.reason,
        reviewsShortReason: councilDecisions.reviewsShortReason,
        decidedOn: councilDecisions.decidedOn,
        recordedBy: users.name,
        at: councilDecisions.createdAt,
      })
      .from(councilDecisions)
      .leftJoin(users, eq(users.id, councilDecisions.recordedBy))
      .where(and(eq(councilDecisions.meetingId, meeting.id), eq(councilDecisions.applicationId, item.applicationId)));
    items.push({
      ...item,
      conflicted,
      voters: attendance.length - conflictedPresent.length,
      tally: tallyOf({ present: [...presentIds], conflicted: conflicted.map((c) => c.userId), votes: votes.filter((v) => v.applicationId === item.applicationId) }),
      summary: await getReviewSummary(db, { access }),
      decision: decision
        ? { ...decision, votesFor: decision.votesFor ?? 0, votesAgainst: decision.votesAgainst ?? 0, votesAbstain: decision.votesAbstain ?? 0 }
        : null,
    });
  }
  const onAgenda = itemRows.map((i) => i.applicationId);
  const candidates = await db
    .select({ id: applications.id, title: applications.title, companyName: companies.name })
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(
      and(
        eq(applications.parkId, meeting.parkId),
        eq(applications.status, 'in_review'),
        // Only what this meeting may consider (assertMeetingCanConsider): under review by its date.
        sql`${applications.submittedOn} <= ${meeting.heldOn} AND NOT EXISTS (SELECT 1 FROM screening_decisions s WHERE s.application_id = ${applications.id} AND s.decided_on > ${meeting.heldOn})`,
        onAgenda.length ? sql`${applications.id} NOT IN (${sql.join(onAgenda.map((id) => sql`${id}::uuid`), sql`, `)})` : undefined,
      ),
    )
    .orderBy(asc(applications.submittedOn))
    .limit(200);
  return {
    id: meeting.id,
    parkId: meeting.parkId,
    number: meeting.number,
    heldOn: meeting.heldOn,
    startsAt: clock.startsAt,
    startTime: details.startTime ? details.startTime.slice(0, 5) : null,
    place: details.place,
    videoLink: details.videoLink,
    votingDeadline: clock.votingDeadline,
    started: now >= clock.startsAt,
    minReviews: details.minReviews,
    status: meeting.status,
    councilSize: size,
    quorumNeeded: quorumNeeded(size),
    members,
    present: attendance.length,
    quorum: attendance.length >= quorumNeeded(size),
    attendanceFixed: items.some((i) => i.decision !== null),
    items,
    candidates,
  };
}

