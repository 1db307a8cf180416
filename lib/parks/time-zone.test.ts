import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, councilMeetings, expertAssignments, notifications, parks, users } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { screenApplication } from '@/lib/applications/screening';
import { assignExperts, sendDueReminders } from '@/lib/council/assignments';
import { addAgendaItem, createMeeting, getMeeting, nextMeetingNumber, updateMeetingDetails } from '@/lib/council/meetings';
import { localMoment } from '@/lib/dates';
import { grantIncentive, notifyExpiringIncentives } from '@/lib/incentives/incentives';
import { formatDateTime } from '@/lib/i18n/format';
import { sendKpiReminders, sendKpiRemindersInAllParks, updateKpiSettings } from '@/lib/kpi/deadlines';
import { makeApplication } from '@/lib/test/application-fixtures';
import { makeAdmin, makeApplicant, makeExpert, makeManager, makePark, uniq } from '@/lib/test/fixtures';
import { makeResident } from '@/lib/test/residents-fixtures';
import { setMyTimeZone, loadActor } from '@/lib/users/users';
import { createPark, getParkBySlug, setParkTimeZone } from './parks';

/**
 * 18:30 UTC on 31 March 2026: 1 April, 01:30 in Tomsk (UTC+7), still 31 March, 21:30 in Moscow (UTC+3).
 * Each expectation below is what a person in each park would say today is, worked out by hand.
 */
const EVENING = new Date('2026-03-31T18:30:00Z');

/** A Tomsk park and a Moscow one, each with a manager and a represented resident since 2022. */
async function twoParks() {
  const tomsk = await makePark({ timeZone: 'Asia/Tomsk' });
  const moscow = await makePark({ timeZone: 'Europe/Moscow' });
  const out = [];
  for (const park of [tomsk, moscow]) {
    const manager = await makeManager(park.id);
    const resident = await makeResident(manager, park.id, { represented: true, startOn: '2022-01-01' });
    out.push({ park, manager, resident });
  }
  return out as [(typeof out)[0], (typeof out)[0]];
}

async function kindsFor(userIds: string[], kinds: string[]) {
  const db = await getDb();
  const rows = await db
    .select({ userId: notifications.userId, kind: notifications.kind, params: notifications.params })
    .from(notifications)
    .where(and(inArray(notifications.userId, userIds), inArray(notifications.kind, kinds)));
  return rows;
}

describe('a park’s calendar is its own zone’s', () => {
  it('KPI reminders: on 1 April in Tomsk the 2025 reports (due 1 April) are overdue, while Moscow, still on 31 March, is reminded before the deadline', async () => {
    const db = await getDb();
    const [t, m] = await twoParks();
    for (const { park, manager } of [t, m]) await updateKpiSettings(db, { actor: manager, input: { parkId: park.id, deadlineMonth: 4, deadlineDay: 1, quarterlyReports: false } });

    expect(await sendKpiReminders(db, { actor: t.manager, parkId: t.park.id, now: EVENING })).toEqual({ before: 0, after: 1 });
    expect(await sendKpiReminders(db, { actor: m.manager, parkId: m.park.id, now: EVENING })).toEqual({ before: 1, after: 1 });
    const tomskNotes = await kindsFor([t.resident.representative.userId], ['kpiReminderBefore', 'kpiReminderAfter']);
    expect(tomskNotes.map((n) => [n.kind, (n.params as { year: number }).year])).toEqual([['kpiReminderAfter', 2025]]);
    const moscowNotes = await kindsFor([m.resident.representative.userId], ['kpiReminderBefore', 'kpiReminderAfter']);
    expect(moscowNotes.map((n) => [n.kind, (n.params as { year: number }).year]).sort()).toEqual([
      ['kpiReminderAfter', 2024],
      ['kpiReminderBefore', 2025],
    ]);
    // The audit entry records the day each park's run counted from.
    const audits = await db.select({ parkId: auditLog.parkId, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.action, 'kpi.remind'), inArray(auditLog.parkId, [t.park.id, m.park.id])));
    expect(Object.fromEntries(audits.map((a) => [a.parkId, (a.after as { today: string }).today]))).toEqual({ [t.park.id]: '2026-04-01', [m.park.id]: '2026-03-31' });
  });

  it('the scheduled KPI run counts each park from its own today at the same moment', async () => {
    const db = await getDb();
    const [t, m] = await twoParks();
    for (const { park, manager } of [t, m]) await updateKpiSettings(db, { actor: manager, input: { parkId: park.id, deadlineMonth: 4, deadlineDay: 1, quarterlyReports: false } });
    await sendKpiRemindersInAllParks(db, { now: EVENING });
    const kinds = async (userId: string) => (await kindsFor([userId], ['kpiReminderBefore', 'kpiReminderAfter'])).map((n) => `${n.kind} ${(n.params as { year: number }).year}`).sort();
    expect(await kinds(t.resident.representative.userId)).toEqual(['kpiReminderAfter 2025']);
    expect(await kinds(m.resident.representative.userId)).toEqual(['kpiReminderAfter 2024', 'kpiReminderBefore 2025']);
  });

  it('an incentive valid to 31 March has expired in Tomsk at 01:30 on 1 April, and is still announced in Moscow', async () => {
    const db = await getDb();
    const [t, m] = await twoParks();
    const grants = [];
    for (const { park, manager, resident } of [t, m]) {
      grants.push(
        await grantIncentive(db, {
          actor: manager,
          parkId: park.id,
          input: { residencyId: resident.residencyId, kind: 'profit_tax', legalBasis: 'Regional law', decisionNumber: uniq('R-'), grantedOn: '2025-01-10', validFrom: '2025-01-10', validTo: '2026-03-31', conditions: null },
        }),
      );
    }
    expect(await notifyExpiringIncentives(db, { now: EVENING, parkId: t.park.id })).toBe(0);
    expect(await notifyExpiringIncentives(db, { now: EVENING, parkId: m.park.id })).toBe(1);
    const notes = await kindsFor([t.manager.userId, m.manager.userId], ['incentiveExpiring']);
    expect(notes.map((n) => [n.userId, (n.params as { incentiveId: string }).incentiveId])).toEqual([[m.manager.userId, grants[1].id]]);
  });

  it('a review due on 3 April is within two days of 1 April in Tomsk, not yet of 31 March in Moscow', async () => {
    const db = await getDb();
    // The same boundary five years on, so the application (submitted today) may be screened and assigned before it.
    const evening = new Date('2031-03-31T18:30:00Z');
    const due: Record<string, { assignmentId: string; expertId: string }> = {};
    for (const timeZone of ['Asia/Tomsk', 'Europe/Moscow']) {
      const park = await makePark({ timeZone });
      const manager = await makeManager(park.id);
      const expert = await makeExpert(park.id);
      const { applicationId } = await makeApplication(await makeApplicant(), park.id);
      await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'accepted' } });
      const { assignmentIds } = await assignExperts(db, { actor: manager, input: { applicationId, expertIds: [expert.userId], dueOn: '2031-04-03' } });
      due[timeZone] = { assignmentId: assignmentIds[0], expertId: expert.userId };
    }
    expect(await sendDueReminders(db, { now: evening, days: 2, expertId: due['Asia/Tomsk'].expertId })).toBe(1);
    expect(await sendDueReminders(db, { now: evening, days: 2, expertId: due['Europe/Moscow'].expertId })).toBe(0);
    const reminded = await db
      .select({ id: expertAssignments.id, at: expertAssignments.reminderSentAt })
      .from(expertAssignments)
      .where(inArray(expertAssignments.id, Object.values(due).map((d) => d.assignmentId)));
    expect(Object.fromEntries(reminded.map((r) => [r.id, r.at !== null]))).toEqual({ [due['Asia/Tomsk'].assignmentId]: true, [due['Europe/Moscow'].assignmentId]: false });
  });
});

describe('a meeting’s time is typed and shown on the park’s clock', () => {
  it('01:30 on 1 April typed in Tomsk is 18:30 UTC on 31 March, and reads back as typed, zone named', async () => {
    const db = await getDb();
    const park = await makePark({ timeZone: 'Asia/Tomsk' });
    const manager = await makeManager(park.id);
    const expert = await makeExpert(park.id);
    const { applicationId } = await makeApplication(await makeApplicant(), park.id);
    await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'accepted' } });
    const number = await nextMeetingNumber(db, { actor: manager, parkId: park.id });
    const { id: meetingId } = await createMeeting(db, {
      actor: manager,
      input: { parkId: park.id, number, heldOn: '2030-04-01', startsAt: '01:30', place: 'Томск, пр. Ленина 30', votingDeadline: '2030-04-01T01:00' },
    });
    await addAgendaItem(db, { actor: manager, input: { meetingId, applicationId } });

    const [row] = await db.select({ votingDeadline: councilMeetings.votingDeadline }).from(councilMeetings).where(eq(councilMeetings.id, meetingId));
    expect(row.votingDeadline?.toISOString()).toBe('2030-03-31T18:00:00.000Z');
    const meeting = await getMeeting(db, { actor: manager, meetingId });
    expect(meeting.startsAt.toISOString()).toBe('2030-03-31T18:30:00.000Z');
    expect(meeting.startTime).toBe('01:30');
    // What the details form shows again, and what the page writes: the park's clock, not Moscow's.
    const { timeZone } = await getParkBySlug(db, { actor: manager, slug: park.slug });
    expect(localMoment(meeting.votingDeadline!, timeZone)).toBe('2030-04-01T01:00');
    expect(formatDateTime(meeting.startsAt, 'en', timeZone)).toBe('1 Apr 2030, 01:30 GMT+7');
    // The members' notice names the time the same way, zone and all.
    const [notice] = await db.select({ params: notifications.params }).from(notifications).where(and(eq(notifications.userId, expert.userId), eq(notifications.kind, 'meetingCalled')));
    expect((notice.params as { at: string }).at).toBe('2030-04-01 01:30 GMT+7');

    // Changing the details reads the new deadline on the same clock.
    await updateMeetingDetails(db, { actor: manager, input: { meetingId, heldOn: '2030-04-01', startsAt: '09:00', votingDeadline: '2030-04-01T08:45' } });
    const changed = await getMeeting(db, { actor: manager, meetingId });
    expect(changed.startsAt.toISOString()).toBe('2030-04-01T02:00:00.000Z');
    expect(changed.votingDeadline?.toISOString()).toBe('2030-04-01T01:45:00.000Z');
  });
});

describe('the zone is one of the runtime’s IANA zones, or nothing changes', () => {
  it('an admin moves a park to another zone, audited; an unknown zone is refused and the park keeps its own', async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    const park = await makePark();
    expect(park.timeZone).toBe('Europe/Moscow');
    expect(await setParkTimeZone(db, { actor: admin, input: { parkId: park.id, timeZone: 'Asia/Novokuznetsk' } })).toMatchObject({ timeZone: 'Asia/Novokuznetsk' });
    const audits = async () => db.select({ before: auditLog.before, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.action, 'park.timeZone'), eq(auditLog.entityId, park.id)));
    expect(await audits()).toEqual([{ before: { timeZone: 'Europe/Moscow' }, after: { timeZone: 'Asia/Novokuznetsk' } }]);

    for (const timeZone of ['Mars/Olympus', 'GMT+7', 'MSK', '', 'asia/tomsk']) {
      await expect(setParkTimeZone(db, { actor: admin, input: { parkId: park.id, timeZone } }), timeZone).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { timeZone: ['invalidTimeZone'] } });
    }
    // A manager of the park may not move it, by role: the installation's admins decide where a park is.
    await expect(setParkTimeZone(db, { actor: await makeManager(park.id), input: { parkId: park.id, timeZone: 'Asia/Tomsk' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [row] = await db.select({ timeZone: parks.timeZone }).from(parks).where(eq(parks.id, park.id));
    expect(row.timeZone).toBe('Asia/Novokuznetsk');
    expect(await audits()).toHaveLength(1);
  });

  it('a park is created in the zone given, the installation’s when none is; an unknown one creates nothing', async () => {
    const db = await getDb();
    const actor = systemActor('cli');
    const slug = uniq('tz-');
    await expect(createPark(db, { actor, input: { slug, name: 'Nowhere', region: 'R', type: 'mixed', timeZone: 'Europe/Atlantis' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { timeZone: ['invalidTimeZone'] },
    });
    expect(await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, slug))).toEqual([]);
    expect((await createPark(db, { actor, input: { slug, name: 'Tomsk', region: 'R', type: 'mixed', timeZone: 'Asia/Tomsk' } })).timeZone).toBe('Asia/Tomsk');
  });

  it('a person sets their own zone, clears it back to the installation’s, and an unknown one changes nothing', async () => {
    const db = await getDb();
    const person = await makeApplicant();
    expect(person.timeZone).toBeNull();
    await setMyTimeZone(db, { actor: person, input: { timeZone: 'Asia/Tomsk' } });
    expect((await loadActor(db, person.userId))).toMatchObject({ timeZone: 'Asia/Tomsk' });
    await expect(setMyTimeZone(db, { actor: person, input: { timeZone: 'Tomsk' } })).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { timeZone: ['invalidTimeZone'] } });
    const [row] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, person.userId));
    expect(row.timeZone).toBe('Asia/Tomsk');
    await setMyTimeZone(db, { actor: person, input: { timeZone: '' } });
    expect((await loadActor(db, person.userId))).toMatchObject({ timeZone: null });
  });
});
