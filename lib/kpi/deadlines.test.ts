import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, companies, kpiReminders, notifications, outbox, parks, residencies } from '@/db/schema';
import { makeAdmin, makeApplicant, makeManager, makePark } from '@/lib/test/fixtures';
import { countMissingKpiReports, getKpiSettings, listMissingKpiReports, sendKpiReminders, updateKpiSettings } from './deadlines';
import { saveKpiDraft, submitKpiReport } from './filing';
import { makeResident } from '@/lib/test/residents-fixtures';
import { figures } from './test-fixtures';

describe('KPI deadline settings', () => {
  it('the manager sets the deadline and quarterly reporting; nobody else can', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    expect(await getKpiSettings(db, { actor: manager, parkId: park.id })).toEqual({ deadlineMonth: 3, deadlineDay: 1, quarterlyReports: false });
    await updateKpiSettings(db, { actor: manager, input: { parkId: park.id, deadlineMonth: '4', deadlineDay: '15', quarterlyReports: true } });
    const [row] = await db.select().from(parks).where(eq(parks.id, park.id));
    expect(row).toMatchObject({ kpiDeadlineMonth: 4, kpiDeadlineDay: 15, quarterlyReports: true });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'kpi.settings'), eq(auditLog.entityId, park.id)));
    expect(entry.before).toEqual({ deadlineMonth: 3, deadlineDay: 1, quarterlyReports: false });

    await expect(updateKpiSettings(db, { actor: manager, input: { parkId: park.id, deadlineMonth: 2, deadlineDay: 30, quarterlyReports: false } })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { deadlineDay: ['invalidDay'] },
    });
    await expect(updateKpiSettings(db, { actor: manager, input: { parkId: park.id, deadlineMonth: 13, deadlineDay: 1, quarterlyReports: false } })).rejects.toMatchObject({ code: 'VALIDATION' });
    const other = await makeManager((await makePark()).id);
    await expect(updateKpiSettings(db, { actor: other, input: { parkId: park.id, deadlineMonth: 1, deadlineDay: 1, quarterlyReports: false } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updateKpiSettings(db, { actor: await makeApplicant(), input: { parkId: park.id, deadlineMonth: 1, deadlineDay: 1, quarterlyReports: false } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await getKpiSettings(db, { actor: manager, parkId: park.id })).toEqual({ deadlineMonth: 4, deadlineDay: 15, quarterlyReports: true });
  });

  it('the administrator, who may change the settings, may also read them (the settings page asks for both)', async () => {
    const db = await getDb();
    const park = await makePark();
    const admin = await makeAdmin();
    expect(await getKpiSettings(db, { actor: admin, parkId: park.id })).toEqual({ deadlineMonth: 3, deadlineDay: 1, quarterlyReports: false });
    await updateKpiSettings(db, { actor: admin, input: { parkId: park.id, deadlineMonth: 5, deadlineDay: 1, quarterlyReports: false } });
    expect(await getKpiSettings(db, { actor: admin, parkId: park.id })).toMatchObject({ deadlineMonth: 5 });
    await expect(getKpiSettings(db, { actor: await makeApplicant(), parkId: park.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('missing reports and reminders', () => {
  async function setup() {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const a = await makeResident(manager, park.id, { represented: true, startOn: '2021-04-01', endOn: '2023-09-30', name: 'A company' });
    const b = await makeResident(manager, park.id, { represented: true, startOn: '2022-01-01', name: 'B company' });
    // a resident nobody represents in the product yet
    const [c] = await db.insert(companies).values({ parkId: park.id, key: 'c-norep', name: 'C company' }).returning();
    await db.insert(residencies).values({ parkId: park.id, companyId: c.id, startOn: '2023-05-01', placement: 'on_site' });
    // a resident from this year: nothing is due yet
    await makeResident(manager, park.id, { represented: true, startOn: '2024-01-10', name: 'D company' });
    return { db, park, manager, a, b, c };
  }

  it('lists each resident and ended year of residency without a submitted or accepted report', async () => {
    const { db, park, manager, a, b } = await setup();
    await submitKpiReport(db, { actor: a.representative, input: { parkId: park.id, companyId: a.companyId, year: 2022, quarter: null, ...figures() }, today: '2024-02-10' });
    await saveKpiDraft(db, { actor: b.representative, input: { parkId: park.id, companyId: b.companyId, year: 2023, quarter: null, ...figures() }, today: '2024-02-10' });
    const missing = await listMissingKpiReports(db, { actor: manager, parkId: park.id, today: '2024-03-02' });
    expect(missing.map((m) => [m.year, m.companyName, m.state, m.deadline, m.overdue, m.representatives])).toEqual([
      [2023, 'A company', 'none', '2024-03-01', true, 1],
      [2023, 'B company', 'draft', '2024-03-01', true, 1],
      [2023, 'C company', 'none', '2024-03-01', true, 0],
      [2022, 'B company', 'none', '2023-03-01', true, 1],
      [2021, 'A company', 'none', '2022-03-01', true, 1],
    ]);
    expect((await listMissingKpiReports(db, { actor: manager, parkId: park.id, today: '2024-03-02', year: 2022 })).map((m) => m.companyName)).toEqual(['B company']);
    // The tab's count is over every year, without reading the list.
    expect(await countMissingKpiReports(db, { actor: manager, parkId: park.id, today: '2024-03-02' })).toBe(5);
    expect(await countMissingKpiReports(db, { actor: manager, parkId: park.id, today: '2023-03-02' })).toBe(
      (await listMissingKpiReports(db, { actor: manager, parkId: park.id, today: '2023-03-02' })).length,
    );
    await expect(countMissingKpiReports(db, { actor: a.representative, parkId: park.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const onTime = await listMissingKpiReports(db, { actor: manager, parkId: park.id, today: '2024-02-10', year: 2023 });
    expect(onTime.every((m) => !m.overdue)).toBe(true);
    await expect(listMissingKpiReports(db, { actor: a.representative, parkId: park.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reminds once before and once after the deadline, however often it runs', async () => {
    const { db, park, manager, a, b, c } = await setup();
    await submitKpiReport(db, { actor: a.representative, input: { parkId: park.id, companyId: a.companyId, year: 2022, quarter: null, ...figures() }, today: '2024-01-01' });
    const reps = [a.representative.userId, b.representative.userId];
    const remindersOf = async () =>
      (await db.select().from(notifications).where(and(inArray(notifications.userId, reps), inArray(notifications.kind, ['kpiReminderBefore', 'kpiReminderAfter']))))
        .map((n) => `${n.userId === a.representative.userId ? 'A' : 'B'} ${n.kind} ${(n.params as { year: number }).year}`)
        .sort();

    // 46 days before the 2023 deadline: only the overdue 2022 report of B is reminded
    expect(await sendKpiReminders(db, { actor: manager, parkId: park.id, today: '2024-01-15' })).toEqual({ before: 0, after: 1 });
    expect(await remindersOf()).toEqual(['B kpiReminderAfter 2022']);

    // 20 days before: the 2023 reports of A and B (C has nobody to tell)
    expect(await sendKpiReminders(db, { actor: manager, parkId: park.id, today: '2024-02-10' })).toEqual({ before: 2, after: 0 });
    expect(await sendKpiReminders(db, { actor: manager, parkId: park.id, today: '2024-02-11' })).toEqual({ before: 0, after: 0 });
    expect(await remindersOf()).toEqual(['A kpiReminderBefore 2023', 'B kpiReminderAfter 2022', 'B kpiReminderBefore 2023']);

    // B submits 2023 in time; after the deadline only A is reminded, once, even with two managers at once
    await submitKpiReport(db, { actor: b.representative, input: { parkId: park.id, companyId: b.companyId, year: 2023, quarter: null, ...figures() }, today: '2024-02-20' });
    const second = await makeManager(park.id);
    const both = await Promise.all([
      sendKpiReminders(db, { actor: manager, parkId: park.id, today: '2024-03-02' }),
      sendKpiReminders(db, { actor: second, parkId: park.id, today: '2024-03-02' }),
    ]);
    expect(both.reduce((n, r) => n + r.after + r.before, 0)).toBe(1);
    expect(await sendKpiReminders(db, { actor: manager, parkId: park.id, today: '2024-05-01' })).toEqual({ before: 0, after: 0 });
    expect(await remindersOf()).toEqual(['A kpiReminderAfter 2023', 'A kpiReminderBefore 2023', 'B kpiReminderAfter 2022', 'B kpiReminderBefore 2023']);

    const recorded = await db.select().from(kpiReminders).where(eq(kpiReminders.parkId, park.id));
    expect(recorded).toHaveLength(4);
    expect(recorded.some((r) => r.companyId === c.id)).toBe(false);
    // Each reminder is also e-mailed, in Russian to a representative who has not chosen a language.
    const mail = await db.select().from(outbox).where(eq(outbox.to, a.representative.email));
    expect(mail.map((m) => m.subject).sort()).toEqual([
      `Технопарк: Напоминание: отчёт KPI компании A company за 2023 год нужно сдать в ${park.name} до 01.03.2024.`,
      `Технопарк: Просрочено: отчёт KPI компании A company за 2023 год нужно было сдать в ${park.name} до 01.03.2024.`,
    ]);
    await expect(sendKpiReminders(db, { actor: a.representative, parkId: park.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
