import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { councilDecisions, councilVotes, expertAssignments, meetingAttendance, meetingItems } from '@/db/schema';
import type { Vote } from '@/db/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertActingUser, parksWhere } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { AppError, notFound } from '@/lib/errors';
import { parkZoneSql } from '@/lib/parks/clock';
import { parseInput } from '@/lib/validation/parse';
import { voteSchema, type VoteInput } from '@/lib/validation/council';
import { assertMinutesOpen } from './minutes-lock';

/** The quorum rule: more than half of the council's members take part. */
export function quorumNeeded(councilSize: number): number {
  return Math.floor(councilSize / 2) + 1;
}

/**
 * The moment a meeting starts: its day at its start time (the day's start when it has none), read in
 * the park's time zone. Decisions and in-meeting votes wait for it.
 */
export const meetingStartSql = (heldOn: unknown, startsAt: unknown, parkId: SQL) =>
  sql`((${heldOn})::date + coalesce((${startsAt})::time, '00:00'::time)) AT TIME ZONE ${parkZoneSql(parkId)}`;

export type MeetingClock = { id: string; parkId: string; heldOn: string; startsAt: Date; votingDeadline: Date | null; status: string };

/** The meeting's row with its start as a moment, locked when the caller changes what depends on it. */
export async function meetingClock(tx: DbOrTx, meetingId: string, parkIds: string[] | 'all', lock: boolean): Promise<MeetingClock | null> {
  const [row] = await queryRows<{ id: string; park_id: string; held_on: string; starts: Date; voting_deadline: Date | null; status: string }>(
    tx,
    sql`SELECT m.id, m.park_id, m.held_on::text AS held_on, ${meetingStartSql(sql`m.held_on`, sql`m.starts_at`, sql`m.park_id`)} AS starts, m.voting_deadline, m.status
        FROM council_meetings m
        WHERE m.id = ${meetingId} ${parkIds === 'all' ? sql`` : parkIds.length ? sql`AND m.park_id IN (${sql.join(parkIds.map((p) => sql`${p}::uuid`), sql`, `)})` : sql`AND false`}
        ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  if (!row) return null;
  return { id: row.id, parkId: row.park_id, heldOn: row.held_on, startsAt: new Date(row.starts), votingDeadline: row.voting_deadline ? new Date(row.voting_deadline) : null, status: row.status };
}

export type ItemTally = {
  for: number;
  against: number;
  abstain: number;
  /** Members who take part in the item: present in the meeting, or voted remotely on it. */
  participants: number;
  /** Participants who may vote on it: those without a declared conflict. */
  eligible: number;
  /** Members who declared a conflict with the application: their votes never count. */
  conflictedIds: string[];
};

/**
 * The tally of an agenda item from the members' own votes: the present members and those who voted
 * remotely take part (the quorum counts them), and only the votes of members without a declared
 * conflict count.
 */
export async function itemTally(tx: DbOrTx, meetingId: string, applicationId: string): Promise<ItemTally> {
  const conflicted = (
    await tx
      .select({ userId: expertAssignments.expertId })
      .from(expertAssignments)
      .where(and(eq(expertAssignments.applicationId, applicationId), eq(expertAssignments.status, 'conflict')))
  ).map((r) => r.userId);
  const present = (await tx.select({ userId: meetingAttendance.userId }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId))).map((r) => r.userId);
  const votes = await tx
    .select({ memberId: councilVotes.memberId, vote: councilVotes.vote })
    .from(councilVotes)
    .where(and(eq(councilVotes.meetingId, meetingId), eq(councilVotes.applicationId, applicationId)));
  return tallyOf({ present, conflicted, votes });
}

/** The tally rule itself, from what a caller has already read: who is present, who declared a conflict, the item's votes. */
export function tallyOf({ present, conflicted, votes }: { present: readonly string[]; conflicted: readonly string[]; votes: readonly { memberId: string; vote: Vote }[] }): ItemTally {
  const participants = new Set([...present, ...votes.map((v) => v.memberId)]);
  const excluded = new Set(conflicted);
  const counted = votes.filter((v) => !excluded.has(v.memberId));
  const count = (kind: Vote) => counted.filter((v) => v.vote === kind).length;
  return {
    for: count('for'),
    against: count('against'),
    abstain: count('abstain'),
    participants: participants.size,
    eligible: [...participants].filter((id) => !excluded.has(id)).length,
    conflictedIds: [...conflicted],
  };
}

/**
 * A council member's vote on an agenda item: for, against or abstain. Cast in the meeting by a member
 * recorded present once it has started, or remotely until the voting deadline the manager set; it can
 * be changed until the item is closed. A member with a declared conflict does not vote on the item.
 * Votes and the item's closing lock the meeting, so a close counts every vote cast before it.
 */
export async function castVote(db: Db, { actor, input, now = new Date() }: { actor: Actor; input: VoteInput; now?: Date }): Promise<{ remote: boolean }> {
  const data = parseInput(voteSchema, input);
  assertActingUser(actor, 'council.vote', 'meeting');
  return db.transaction(async (tx) => {
    const meeting = await meetingClock(tx, data.meetingId, parksWhere(actor, 'council.vote'), true);
    if (!meeting) throw notFound('meeting');
    await assertMinutesOpen(tx, meeting.id);
    const [item] = await tx
      .select({ id: meetingItems.id })
      .from(meetingItems)
      .where(and(eq(meetingItems.meetingId, meeting.id), eq(meetingItems.applicationId, data.applicationId)));
    if (!item) throw notFound('application');
    const [closed] = await tx
      .select({ id: councilDecisions.id })
      .from(councilDecisions)
      .where(and(eq(councilDecisions.meetingId, meeting.id), eq(councilDecisions.applicationId, data.applicationId)));
    if (closed) throw new AppError('INVALID_TRANSITION', 'the item is closed: its decision is recorded', { key: 'itemClosed' });
    const [conflict] = await tx
      .select({ id: expertAssignments.id })
      .from(expertAssignments)
      .where(and(eq(expertAssignments.applicationId, data.applicationId), eq(expertAssignments.expertId, actor.userId), eq(expertAssignments.status, 'conflict')));
    if (conflict) throw new AppError('FORBIDDEN', 'a member who declared a conflict of interest does not vote on the item', { key: 'conflictedVoter' });
    const [present] = await tx
      .select({ id: meetingAttendance.id })
      .from(meetingAttendance)
      .where(and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.userId, actor.userId)));
    const inMeeting = Boolean(present) && now >= meeting.startsAt;
    const remotely = !inMeeting && meeting.votingDeadline !== null && now <= meeting.votingDeadline;
    if (!inMeeting && !remotely)
      throw new AppError('INVALID_TRANSITION', 'voting is open in the meeting to members recorded present, and remotely until the deadline', {
        key: meeting.votingDeadline && now > meeting.votingDeadline ? 'votingClosed' : 'votingNotOpen',
        params: { deadline: meeting.votingDeadline?.toISOString() ?? '' },
      });
    const [before] = await tx
      .select({ vote: councilVotes.vote })
      .from(councilVotes)
      .where(and(eq(councilVotes.meetingId, meeting.id), eq(councilVotes.applicationId, data.applicationId), eq(councilVotes.memberId, actor.userId)));
    await tx
      .insert(councilVotes)
      .values({ meetingId: meeting.id, applicationId: data.applicationId, memberId: actor.userId, vote: data.vote, remote: remotely, castAt: now })
      .onConflictDoUpdate({ target: [councilVotes.meetingId, councilVotes.applicationId, councilVotes.memberId], set: { vote: data.vote, remote: remotely, castAt: now } });
    await writeAudit(tx, {
      actor,
      parkId: meeting.parkId,
      action: 'council.vote',
      entity: 'meeting',
      entityId: meeting.id,
      before: before ? { applicationId: data.applicationId, vote: before.vote } : null,
      after: { applicationId: data.applicationId, vote: data.vote, remote: remotely },
    });
    return { remote: remotely };
  });
}

/** The acting member's own votes at a meeting, by application. */
export async function myVotes(db: DbOrTx, meetingId: string, memberId: string): Promise<Map<string, { vote: Vote; remote: boolean; castAt: Date }>> {
  const rows = await db
    .select({ applicationId: councilVotes.applicationId, vote: councilVotes.vote, remote: councilVotes.remote, castAt: councilVotes.castAt })
    .from(councilVotes)
    .where(and(eq(councilVotes.meetingId, meetingId), eq(councilVotes.memberId, memberId)));
  return new Map(rows.map((r) => [r.applicationId, r]));
}
