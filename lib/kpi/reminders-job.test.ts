import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, notifications } from '@/db/schema';
import { makeManager, makePark } from '@/lib/test/fixtures';
import { makeResident } from '@/lib/test/residents-fixtures';
import { SCHEDULED_JOBS } from '@/lib/scheduler';
import { sendKpiRemindersInAllParks } from './deadlines';

describe('the scheduled KPI reminders', () => {
  it('remind the representatives in every park, each once, as the scheduler', async () => {
    const db = await getDb();
    const parks = [await makePark(), await makePark()];
    const residents = [];
    for (const park of parks) residents.push(await makeResident(await makeManager(park.id), park.id, { represented: true, startOn: '2022-01-01' }));
    const reps = residents.map((r) => r.representative.userId);
    const remindedOf = async () =>
      (await db.select({ userId: notifications.userId, kind: notifications.kind }).from(notifications).where(and(inArray(notifications.userId, reps), inArray(notifications.kind, ['kpiReminderBefore', 'kpiReminderAfter']))))
        .map((n) => `${reps.indexOf(n.userId)} ${n.kind}`)
        .sort();

    // 2024-02-10: the 2023 reports are due on 2024-03-01, the 2022 ones are overdue.
    expect(await sendKpiRemindersInAllParks(db, { now: new Date('2024-02-10T09:00:00Z') })).toBeGreaterThanOrEqual(4);
    expect(await remindedOf()).toEqual(['0 kpiReminderAfter', '0 kpiReminderBefore', '1 kpiReminderAfter', '1 kpiReminderBefore']);
    await sendKpiRemindersInAllParks(db, { now: new Date('2024-02-11T09:00:00Z') });
    expect(await remindedOf()).toHaveLength(4);
    const audit = await db.select({ actorId: auditLog.actorId, actorLabel: auditLog.actorLabel }).from(auditLog).where(and(eq(auditLog.action, 'kpi.remind'), inArray(auditLog.parkId, parks.map((p) => p.id))));
    expect(audit).toEqual([{ actorId: null, actorLabel: 'scheduler' }, { actorId: null, actorLabel: 'scheduler' }]);
  });

  it('are one of the scheduled jobs, with a queue and a cron schedule like every job', () => {
    expect(SCHEDULED_JOBS.find((job) => job.queue === 'kpi-reminders')).toMatchObject({ name: 'KPI report reminders', cron: '15 */6 * * *' });
    for (const job of SCHEDULED_JOBS) expect(job.queue).toMatch(/^[a-z-]+$/);
    expect(new Set(SCHEDULED_JOBS.map((job) => job.queue)).size).toBe(SCHEDULED_JOBS.length);
  });
});
