import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, type Db } from '@/db/client';
import * as schema from '@/db/schema';
import { councilDecisions, expertAssignments, meetingAttendance, meetingItems } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { screenApplication } from '@/lib/applications/screening';
import { todayIso } from '@/lib/dates';
import { makeApplication } from '@/lib/test/application-fixtures';
import { makeApplicant, makeExpert, makeManager, makePark } from '@/lib/test/fixtures';
import { assignExperts } from './assignments';
import { recordDecision } from './decisions';
import { addAgendaItem, createMeeting, nextMeetingNumber, removeAgendaItem, setAttendance } from './meetings';
import { quorumNeeded } from './votes';
import { declareConflict } from './reviews';

/**
 * Two managers acting on one meeting at the same moment, each on its own connection. On PostgreSQL
 * the two transactions really overlap; the embedded database runs them one after the other, so
 * there the same assertions check that either order ends in a legal state.
 */
type UserActor = Extract<Actor, { type: 'user' }>;
const TRIALS = 20;

let second: { db: Db; close: () => Promise<void> };

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    const [{ default: postgres }, { drizzle }] = await Promise.all([import('postgres'), import('drizzle-orm/postgres-js')]);
    const client = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
    second = { db: drizzle(client, { schema }) as unknown as Db, close: () => client.end({ timeout: 5 }) };
  } else {
    // One process holds the embedded database: the second manager shares its only connection.
    second = { db: await getDb(), close: async () => {} };
  }
});

afterAll(async () => {
  await second?.close();
});

async function councilPark() {
  const park = await makePark();
  const manager = await makeManager(park.id);
  const other = await makeManager(park.id);
  const council: UserActor[] = [];
  for (let i = 0; i < 3; i++) council.push(await makeExpert(park.id));
  return { park, manager, other, council, applicant: await makeApplicant() };
}

/** A meeting of today with one application under review on its agenda and all three members present. */
async function readyMeeting(ctx: Awaited<ReturnType<typeof councilPark>>) {
  const db = await getDb();
  const { applicationId } = await makeApplication(ctx.applicant, ctx.park.id);
  await screenApplication(db, { actor: ctx.manager, input: { applicationId, outcome: 'accepted' } });
  const number = await nextMeetingNumber(db, { actor: ctx.manager, parkId: ctx.park.id });
  const { id: meetingId } = await createMeeting(db, { actor: ctx.manager, input: { parkId: ctx.park.id, number, heldOn: todayIso() } });
  await addAgendaItem(db, { actor: ctx.manager, input: { meetingId, applicationId } });
  await setAttendance(db, { actor: ctx.manager, input: { meetingId, userIds: ctx.council.map((e) => e.userId) } });
  return { meetingId, applicationId };
}

const approve = (meetingId: string, applicationId: string) => ({ meetingId, applicationId, votesFor: 3, votesAgainst: 0, votesAbstain: 0, decision: 'approved' as const, reason: '', paperTally: true, reviewsShortReason: 'Decided without expert reviews in this test' });

/** Runs both at once; which one is sent first alternates between trials. */
async function atOnce<A, B>(trial: number, a: () => Promise<A>, b: () => Promise<B>): Promise<[PromiseSettledResult<A>, PromiseSettledResult<B>]> {
  if (trial % 2 === 0) return Promise.allSettled([a(), b()]);
  const [rb, ra] = await Promise.allSettled([b(), a()]);
  return [ra, rb];
}

const keyOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (r.reason as { key?: string }).key ?? String(r.reason) : 'ok');

describe('council meeting races: every write that depends on the meeting serialises on it', () => {
  it(`a decision and attendance [] sent at once: never a decision without a quorum (${TRIALS} trials)`, async () => {
    const db = await getDb();
    const ctx = await councilPark();
    const illegal: string[] = [];
    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const { meetingId, applicationId } = await readyMeeting(ctx);
      const [decided, cleared] = await atOnce(
        trial,
        () => recordDecision(db, { actor: ctx.manager, input: approve(meetingId, applicationId) }),
        () => setAttendance(second.db, { actor: ctx.other, input: { meetingId, userIds: [] } }),
      );
      outcomes.push(`${keyOf(decided)}/${keyOf(cleared)}`);
      const decisions = await db.select().from(councilDecisions).where(eq(councilDecisions.meetingId, meetingId));
      const present = await db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
      if (decisions.length && present.length < quorumNeeded(3)) illegal.push(`trial ${trial}: decision recorded with ${present.length} of 3 present`);
      // Exactly one of the two can stand: the decision fixes the attendance, or the empty attendance leaves no quorum.
      if ([decided, cleared].filter((r) => r.status === 'fulfilled').length !== 1) illegal.push(`trial ${trial}: ${outcomes.at(-1)}`);
    }
    expect(illegal, `outcomes: ${outcomes.join(', ')}`).toEqual([]);
    expect(outcomes.every((o) => o === 'ok/attendanceFixed' || o === 'noQuorum/ok'), outcomes.join(', ')).toBe(true);
    // The embedded database runs them in the order sent, so both orders were checked there.
    if (!process.env.TEST_DATABASE_URL) expect(new Set(outcomes).size).toBe(2);
  });

  it(`a decision and the item's removal sent at once: never a decision on an item off the agenda (${TRIALS} trials)`, async () => {
    const db = await getDb();
    const ctx = await councilPark();
    const illegal: string[] = [];
    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const { meetingId, applicationId } = await readyMeeting(ctx);
      const [decided, removed] = await atOnce(
        trial,
        () => recordDecision(db, { actor: ctx.manager, input: approve(meetingId, applicationId) }),
        () => removeAgendaItem(second.db, { actor: ctx.other, input: { meetingId, applicationId } }),
      );
      outcomes.push(`${keyOf(decided)}/${keyOf(removed)}`);
      const decisions = await db.select().from(councilDecisions).where(eq(councilDecisions.meetingId, meetingId));
      const items = await db.select().from(meetingItems).where(and(eq(meetingItems.meetingId, meetingId), eq(meetingItems.applicationId, applicationId)));
      if (decisions.length && !items.length) illegal.push(`trial ${trial}: decision recorded on an item no longer on the agenda`);
      if ([decided, removed].filter((r) => r.status === 'fulfilled').length !== 1) illegal.push(`trial ${trial}: ${outcomes.at(-1)}`);
    }
    expect(illegal, `outcomes: ${outcomes.join(', ')}`).toEqual([]);
    expect(outcomes.every((o) => o === 'ok/itemDecided' || o === 'notFound/ok'), outcomes.join(', ')).toBe(true);
    if (!process.env.TEST_DATABASE_URL) expect(new Set(outcomes).size).toBe(2);
  });

  it(`a decision and a present member's conflict declaration sent at once: never more votes than members who may vote (${TRIALS} trials)`, async () => {
    const db = await getDb();
    const ctx = await councilPark();
    const [expert] = ctx.council;
    const illegal: string[] = [];
    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const { meetingId, applicationId } = await readyMeeting(ctx);
      const { assignmentIds } = await assignExperts(db, { actor: ctx.manager, input: { applicationId, expertIds: [expert.userId], dueOn: '2099-12-31' } });
      const [decided, declared] = await atOnce(
        trial,
        () => recordDecision(db, { actor: ctx.manager, input: approve(meetingId, applicationId) }),
        () => declareConflict(second.db, { actor: expert, input: { assignmentId: assignmentIds[0], hasConflict: true, reason: 'Shareholder' } }),
      );
      outcomes.push(`${keyOf(decided)}/${keyOf(declared)}`);
      const [decision] = await db.select().from(councilDecisions).where(eq(councilDecisions.meetingId, meetingId));
      const conflicted = await db.select().from(expertAssignments).where(and(eq(expertAssignments.applicationId, applicationId), eq(expertAssignments.status, 'conflict')));
      if (decision && decision.votesFor! > 3 - conflicted.length) illegal.push(`trial ${trial}: ${decision.votesFor} votes, ${3 - conflicted.length} may vote`);
      if ([decided, declared].filter((r) => r.status === 'fulfilled').length !== 1) illegal.push(`trial ${trial}: ${outcomes.at(-1)}`);
    }
    expect(illegal, `outcomes: ${outcomes.join(', ')}`).toEqual([]);
    expect(outcomes.every((o) => o === 'ok/invalidTransition' || o === 'tooManyVotes/ok'), outcomes.join(', ')).toBe(true);
    if (!process.env.TEST_DATABASE_URL) expect(new Set(outcomes).size).toBe(2);
  });
});
