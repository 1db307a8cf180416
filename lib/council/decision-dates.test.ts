import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import { applications, auditLog, councilDecisions, councilMeetings, meetingItems, notifications, screeningDecisions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { systemActor } from '@/lib/auth/actor';
import { submitApplication } from '@/lib/applications/applications';
import { screenApplication } from '@/lib/applications/screening';
import { exportDataset } from '@/lib/dataset/export';
import { importDataset } from '@/lib/dataset/import';
import { parseDataset } from '@/lib/dataset/parse';
import { addDays, todayIso } from '@/lib/dates';
import { makeApplication } from '@/lib/test/application-fixtures';
import { makeApplicant, makeExpert, makeManager, makePark } from '@/lib/test/fixtures';
import { withFreshDatabase } from '@/lib/test/fresh-database';
import { recordDecision } from './decisions';
import { addAgendaItem, createMeeting, getMeeting, nextMeetingNumber, setAttendance } from './meetings';

/**
 * What the council records must export into a park data set the importer accepts, with the same
 * statuses: the file dates a decision no earlier than the submission, and takes the status from the
 * later-dated of screening and council decision.
 */
type UserActor = Extract<Actor, { type: 'user' }>;
const today = todayIso();
const daysAgo = (n: number) => addDays(today, -n);

async function councilPark() {
  const park = await makePark();
  const manager = await makeManager(park.id);
  const council: UserActor[] = [];
  for (let i = 0; i < 3; i++) council.push(await makeExpert(park.id));
  return { park, manager, council, applicant: await makeApplicant() };
}
type Ctx = Awaited<ReturnType<typeof councilPark>>;

/** An application submitted on `submitted` and, if `accepted` is given, accepted for expert review that day. */
async function application(ctx: Ctx, submitted: string, accepted?: string) {
  const db = await getDb();
  const { applicationId } = await makeApplication(ctx.applicant, ctx.park.id, { submit: false });
  await submitApplication(db, { actor: ctx.applicant, applicationId, today: submitted });
  if (accepted) await screenApplication(db, { actor: ctx.manager, input: { applicationId, outcome: 'accepted' }, today: accepted });
  return applicationId;
}

async function meeting(ctx: Ctx, heldOn: string, attendance = true) {
  const db = await getDb();
  const number = await nextMeetingNumber(db, { actor: ctx.manager, parkId: ctx.park.id });
  const { id } = await createMeeting(db, { actor: ctx.manager, input: { parkId: ctx.park.id, number, heldOn } });
  if (attendance) await setAttendance(db, { actor: ctx.manager, input: { meetingId: id, userIds: ctx.council.map((e) => e.userId) } });
  return id;
}

const vote = (meetingId: string, applicationId: string, decision: 'approved' | 'rejected' | 'revision' = 'approved') => ({
  meetingId,
  applicationId,
  votesFor: decision === 'approved' ? 3 : 0,
  votesAgainst: decision === 'approved' ? 0 : 3,
  votesAbstain: 0,
  decision,
  reason: decision === 'approved' ? '' : 'Not ready',
  paperTally: true,
  reviewsShortReason: 'Decided without expert reviews in this test',
});

/** What a refused decision must leave untouched. */
async function councilState(applicationId: string, meetingId: string) {
  const db = await getDb();
  const [app] = await db.select({ status: applications.status, updatedAt: applications.updatedAt }).from(applications).where(eq(applications.id, applicationId));
  const [m] = await db.select({ status: councilMeetings.status }).from(councilMeetings).where(eq(councilMeetings.id, meetingId));
  return {
    app,
    meeting: m.status,
    decisions: (await db.select().from(councilDecisions).where(eq(councilDecisions.applicationId, applicationId))).length,
    audit: (await db.select().from(auditLog).where(and(eq(auditLog.entityId, applicationId), eq(auditLog.action, 'council.decide')))).length,
    notifications: (await db.select().from(notifications)).length,
  };
}

describe('council decisions are dated so that the park exports into a file the importer accepts', () => {
  it('a meeting before the submission or the acceptance for review cannot consider the application; refused, nothing changes', async () => {
    const db = await getDb();
    const ctx = await councilPark();
    const appId = await application(ctx, daysAgo(10), daysAgo(5));
    const beforeSubmission = await meeting(ctx, daysAgo(12));
    const beforeReview = await meeting(ctx, daysAgo(7));
    const after = await meeting(ctx, daysAgo(2));
    await expect(addAgendaItem(db, { actor: ctx.manager, input: { meetingId: beforeSubmission, applicationId: appId } })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      key: 'meetingBeforeSubmission',
      params: { heldOn: daysAgo(12), submittedOn: daysAgo(10) },
      message: `the meeting of ${daysAgo(12)} is before the application was submitted on ${daysAgo(10)}`,
    });
    await expect(addAgendaItem(db, { actor: ctx.manager, input: { meetingId: beforeReview, applicationId: appId } })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      key: 'meetingBeforeReview',
      params: { heldOn: daysAgo(7), acceptedOn: daysAgo(5) },
    });
    // Nor does either meeting offer it.
    expect((await getMeeting(db, { actor: ctx.manager, meetingId: beforeSubmission })).candidates.map((c) => c.id)).not.toContain(appId);
    expect((await getMeeting(db, { actor: ctx.manager, meetingId: beforeReview })).candidates.map((c) => c.id)).not.toContain(appId);
    expect((await getMeeting(db, { actor: ctx.manager, meetingId: after })).candidates.map((c) => c.id)).toContain(appId);

    // An agenda such as earlier versions allowed: the decision itself is refused, and changes nothing.
    for (const [meetingId, key] of [
      [beforeSubmission, 'meetingBeforeSubmission'],
      [beforeReview, 'meetingBeforeReview'],
    ] as const) {
      await db.insert(meetingItems).values({ meetingId, applicationId: appId, position: 1 });
      const before = await councilState(appId, meetingId);
      await expect(recordDecision(db, { actor: ctx.manager, input: vote(meetingId, appId) })).rejects.toMatchObject({ code: 'INVALID_TRANSITION', key });
      expect(await councilState(appId, meetingId)).toEqual(before);
      await db.delete(meetingItems).where(and(eq(meetingItems.meetingId, meetingId), eq(meetingItems.applicationId, appId)));
    }

    await addAgendaItem(db, { actor: ctx.manager, input: { meetingId: after, applicationId: appId } });
    expect(await recordDecision(db, { actor: ctx.manager, input: vote(after, appId) })).toEqual({ status: 'approved' });
    const [decision] = await db.select().from(councilDecisions).where(eq(councilDecisions.applicationId, appId));
    expect(decision.decidedOn).toBe(daysAgo(2));
  });

  it('a meeting still ahead takes the item on its agenda but records no decision until it is held', async () => {
    const db = await getDb();
    const ctx = await councilPark();
    const appId = await application(ctx, today, today);
    const ahead = await meeting(ctx, addDays(today, 3));
    await addAgendaItem(db, { actor: ctx.manager, input: { meetingId: ahead, applicationId: appId } });
    const before = await councilState(appId, ahead);
    await expect(recordDecision(db, { actor: ctx.manager, input: vote(ahead, appId, 'revision') })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      key: 'meetingNotHeld',
      params: { heldOn: addDays(today, 3) },
    });
    expect(await councilState(appId, ahead)).toEqual(before);
  });

  it('a screening dated before the submission is refused and changes nothing', async () => {
    const db = await getDb();
    const ctx = await councilPark();
    const appId = await application(ctx, daysAgo(1));
    await expect(screenApplication(db, { actor: ctx.manager, input: { applicationId: appId, outcome: 'accepted' }, today: daysAgo(2) })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      key: 'screeningBeforeSubmission',
      params: { today: daysAgo(2), submittedOn: daysAgo(1) },
    });
    expect(await db.select().from(screeningDecisions).where(eq(screeningDecisions.applicationId, appId))).toEqual([]);
    expect((await db.select({ status: applications.status }).from(applications).where(eq(applications.id, appId)))[0].status).toBe('submitted');
    expect(await screenApplication(db, { actor: ctx.manager, input: { applicationId: appId, outcome: 'accepted' } })).toEqual({ status: 'in_review' });
  });

  it('round trip: the council’s work done through the domain exports, imports into an empty database with the same statuses, and exports the same JSON', async () => {
    const db = await getDb();
    const ctx = await councilPark();
    const { manager } = ctx;
    const draft = (await makeApplication(ctx.applicant, ctx.park.id, { submit: false })).applicationId;
    const submitted = await application(ctx, today);
    const returned = await application(ctx, daysAgo(10));
    await screenApplication(db, { actor: manager, input: { applicationId: returned, outcome: 'returned', comment: 'Attach the plan' }, today: daysAgo(9) });
    const approved = await application(ctx, daysAgo(10), daysAgo(8));
    const revised = await application(ctx, daysAgo(10), daysAgo(8));
    const sameDay = await application(ctx, daysAgo(6), daysAgo(6));
    const planned = await application(ctx, daysAgo(1), today);
    // The issue's case: submitted and accepted today, then put before a meeting held three days ago.
    const late = await application(ctx, today, today);

    const held = await meeting(ctx, daysAgo(3));
    for (const id of [approved, revised]) await addAgendaItem(db, { actor: manager, input: { meetingId: held, applicationId: id } });
    await recordDecision(db, { actor: manager, input: vote(held, approved) });
    await recordDecision(db, { actor: manager, input: vote(held, revised, 'revision') });
    // Returned by the council, resubmitted and accepted again today: under review once more.
    await submitApplication(db, { actor: ctx.applicant, applicationId: revised });
    await screenApplication(db, { actor: manager, input: { applicationId: revised, outcome: 'accepted' } });
    // Screened and decided on the same day: the council's decision is the later.
    const sameDayMeeting = await meeting(ctx, daysAgo(6));
    await addAgendaItem(db, { actor: manager, input: { meetingId: sameDayMeeting, applicationId: sameDay } });
    await recordDecision(db, { actor: manager, input: vote(sameDayMeeting, sameDay, 'rejected') });
    await addAgendaItem(db, { actor: manager, input: { meetingId: await meeting(ctx, addDays(today, 7), false), applicationId: planned } });
    const outcome = (p: Promise<unknown>) => p.then(
      () => 'done',
      (e: { key?: string }) => e.key,
    );
    const refused = [
      await outcome(addAgendaItem(db, { actor: manager, input: { meetingId: held, applicationId: late } })),
      await outcome(recordDecision(db, { actor: manager, input: vote(held, late) })),
    ];

    const ids = [draft, submitted, returned, approved, revised, sameDay, planned, late];
    const statuses = async (keys: string[]) =>
      Object.fromEntries(
        (await queryRows<{ key: string; status: string }>(await getDb(), sql`SELECT coalesce(key, id::text) AS key, status::text AS status FROM applications WHERE coalesce(key, id::text) IN (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`)).map((r) => [r.key, r.status]),
      );
    const original = await statuses(ids);

    const exported = await exportDataset(db, { actor: systemActor('cli'), parkSlug: ctx.park.slug });
    const file = JSON.stringify(exported, null, 2);
    const parsed = parseDataset(JSON.parse(file));
    expect(parsed.ok ? 'accepted' : parsed.error).toBe('accepted');
    const { again, imported } = await withFreshDatabase(async () => {
      await importDataset(await getDb(), { actor: systemActor('import'), input: JSON.parse(file) });
      return { imported: await statuses(ids), again: JSON.stringify(await exportDataset(await getDb(), { actor: systemActor('cli'), parkSlug: ctx.park.slug }), null, 2) };
    });
    expect(imported).toEqual(original);
    expect(original).toEqual({
      [draft]: 'draft',
      [submitted]: 'submitted',
      [returned]: 'returned',
      [approved]: 'approved',
      [revised]: 'in_review',
      [sameDay]: 'rejected',
      [planned]: 'in_review',
      [late]: 'in_review',
    });
    expect(again).toBe(file);

    expect(refused).toEqual(['meetingBeforeSubmission', 'notFound']);
    // The test's database again (withFreshDatabase closed the handle held above).
    expect(await (await getDb()).select().from(councilDecisions).where(inArray(councilDecisions.applicationId, [late, submitted, planned]))).toEqual([]);
  });
});
