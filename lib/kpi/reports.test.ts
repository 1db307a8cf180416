import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, kpiReports, kpiReportVersions, notifications } from '@/db/schema';
import { makeApplicant, makeManager, makePark } from '@/lib/test/fixtures';
import { makeResident } from '@/lib/test/residents-fixtures';
import { figures, setQuarterly } from './test-fixtures';
import { getMyKpiReport, saveKpiDraft, submitKpiReport } from './filing';
import { listKpiReports, listMyKpiPeriods } from './list';
import { acceptKpiReport, getKpiReportForReview, returnKpiReport } from './review';

const TODAY = '2024-06-15';

async function setup() {
  const db = await getDb();
  const park = await makePark();
  const manager = await makeManager(park.id);
  const { companyId, companyName, representative } = await makeResident(manager, park.id, { represented: true, startOn: '2021-04-01', endOn: '2023-09-30' });
  const company = { id: companyId, name: companyName };
  const period = { parkId: park.id, companyId: company.id, year: 2022, quarter: null };
  return { db, park, manager, company, representative, period };
}

async function reportsOf(companyId: string) {
  const db = await getDb();
  return db.select().from(kpiReports).where(eq(kpiReports.companyId, companyId));
}

describe('filing a KPI report', () => {
  it('keeps a draft, then submits it as version 1 and tells the managers', async () => {
    const { db, park, manager, company, representative, period } = await setup();
    const draft = await saveKpiDraft(db, { actor: representative, input: { ...period, ...figures() }, today: TODAY });
    expect(draft.status).toBe('draft');
    const [stored] = await reportsOf(company.id);
    expect(stored).toMatchObject({ status: 'draft', version: 0, jobsCreated: 12, headcount: 40, investmentRub: '1000000.50', capitalInvestmentRub: '400000.00', incomeRub: '2500000.75', rndSpendRub: null });
    expect(await db.select().from(kpiReportVersions).where(eq(kpiReportVersions.reportId, draft.id))).toHaveLength(0);

    // the draft is edited and kept
    await saveKpiDraft(db, { actor: representative, input: { ...period, ...figures({ jobsCreated: '15' }) }, today: TODAY });
    expect((await reportsOf(company.id))[0].jobsCreated).toBe(15);

    const submitted = await submitKpiReport(db, { actor: representative, input: { ...period, ...figures({ jobsCreated: '16', rndSpendRub: '12,5' }) }, today: TODAY });
    expect(submitted).toMatchObject({ id: draft.id, status: 'submitted', version: 1 });
    const [after] = await reportsOf(company.id);
    expect(after).toMatchObject({ status: 'submitted', version: 1, jobsCreated: 16, rndSpendRub: '12.50' });
    const versions = await db.select().from(kpiReportVersions).where(eq(kpiReportVersions.reportId, draft.id));
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, submittedBy: representative.userId });
    expect(versions[0].snapshot).toMatchObject({ jobsCreated: 16, investmentRub: '1000000.50', rndSpendRub: '12.50' });

    const told = await db.select().from(notifications).where(and(eq(notifications.userId, manager.userId), eq(notifications.kind, 'kpiSubmitted')));
    expect(told).toHaveLength(1);
    expect(told[0].href).toBe(`/p/${park.slug}/kpi/${draft.id}`);
    expect(told[0].params).toMatchObject({ company: company.name, year: 2022, version: 1 });

    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'kpi_report'), eq(auditLog.entityId, draft.id)));
    expect(audit.map((a) => a.action)).toEqual(['kpi.saveDraft', 'kpi.saveDraft', 'kpi.submit']);
    expect(audit[2].actorId).toBe(representative.userId);
  });

  it('a submitted report can no longer be changed by the resident', async () => {
    const { db, company, representative, period } = await setup();
    await submitKpiReport(db, { actor: representative, input: { ...period, ...figures() }, today: TODAY });
    await expect(saveKpiDraft(db, { actor: representative, input: { ...period, ...figures({ jobsCreated: '99' }) }, today: TODAY })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(submitKpiReport(db, { actor: representative, input: { ...period, ...figures({ jobsCreated: '99' }) }, today: TODAY })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await reportsOf(company.id))[0].jobsCreated).toBe(12);
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const { db, company, representative, period } = await setup();
    const attempt = (input: Record<string, unknown>) => submitKpiReport(db, { actor: representative, input: { ...period, ...figures(), ...input } as never, today: TODAY });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ investmentRub: '1e308' }, 'investmentRub', 'amountNotRoubles'],
      [{ investmentRub: 1e308 }, 'investmentRub', 'amountNotRoubles'],
      [{ incomeRub: 'a lot' }, 'incomeRub', 'amountNotRoubles'],
      [{ taxesPaidRub: '-5' }, 'taxesPaidRub', 'negativeAmount'],
      [{ taxesPaidRub: '10.005' }, 'taxesPaidRub', 'tooManyDecimals'],
      [{ incomeRub: '12345678901234567' }, 'incomeRub', 'amountTooLarge'],
      [{ incomeRub: '' }, 'incomeRub', 'required'],
      [{ jobsCreated: '2.5' }, 'jobsCreated', 'invalidCount'],
      [{ jobsCreated: '-1' }, 'jobsCreated', 'negativeAmount'],
      [{ capitalInvestmentRub: '1000000.51' }, 'capitalInvestmentRub', 'capexAboveInvestment'],
      [{ year: 20016 }, 'year', 'yearOutOfRange'],
      [{ year: '20016' }, 'year', 'yearOutOfRange'],
      [{ quarter: 5 }, 'quarter', 'invalidQuarter'],
      [{ extra: 'field' }, '_', ''],
    ];
    for (const [input, field, message] of cases) {
      const error = await attempt(input).catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toMatchObject({ code: 'VALIDATION' });
      if (message) expect((error as { fieldErrors: Record<string, string[]> }).fieldErrors[field], JSON.stringify(input)).toEqual([message]);
    }
    // the largest amount numeric(18, 2) holds is accepted
    await saveKpiDraft(db, { actor: representative, input: { ...period, ...figures({ incomeRub: '9999999999999999.99' }) }, today: TODAY });
    const rows = await reportsOf(company.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'draft', incomeRub: '9999999999999999.99' });
  });

  it('files only for its own company, only for years of its residency in that park', async () => {
    const { db, park, manager, company, representative, period } = await setup();
    const stranger = await makeApplicant();
    await expect(submitKpiReport(db, { actor: stranger, input: { ...period, ...figures() }, today: TODAY })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // the residency runs 2021-04-01 – 2023-09-30: 2020 and 2024 are outside
    for (const year of [2020, 2024]) {
      const error = await submitKpiReport(db, { actor: representative, input: { ...period, year, ...figures() }, today: '2025-06-01' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'VALIDATION', key: 'kpiNotResident', fieldErrors: { year: ['notResidentThatYear'] } });
      expect((error as Error).message).toContain(company.name);
    }
    await submitKpiReport(db, { actor: representative, input: { ...period, year: 2021, ...figures() }, today: TODAY });
    await submitKpiReport(db, { actor: representative, input: { ...period, year: 2023, ...figures() }, today: TODAY });

    // another park, where the company is no resident
    const other = await makePark();
    await expect(submitKpiReport(db, { actor: representative, input: { ...period, parkId: other.id, ...figures() }, today: TODAY })).rejects.toMatchObject({ code: 'VALIDATION', key: 'kpiNotResident' });
    // a period that has not begun
    const current = await makeResident(manager, park.id, { represented: true, startOn: '2024-01-01' });
    await expect(
      submitKpiReport(db, { actor: current.representative, input: { parkId: park.id, companyId: current.companyId, year: 2025, quarter: null, ...figures() }, today: TODAY }),
    ).rejects.toMatchObject({ code: 'VALIDATION', key: 'kpiPeriodNotBegun' });
    // staff cannot file
    await expect(submitKpiReport(db, { actor: manager, input: { ...period, ...figures() }, today: TODAY })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect((await reportsOf(company.id)).map((r) => r.year).sort()).toEqual([2021, 2023]);
    expect(await reportsOf(current.companyId)).toHaveLength(0);
  });

  it('quarterly reports only where the park asks for them, and only for quarters of the residency', async () => {
    const { db, park, company, representative, period } = await setup();
    await expect(submitKpiReport(db, { actor: representative, input: { ...period, quarter: '2', ...figures() }, today: TODAY })).rejects.toMatchObject({ code: 'VALIDATION', key: 'kpiQuarterlyNotAsked' });
    await setQuarterly(park.id, true);
    await submitKpiReport(db, { actor: representative, input: { ...period, quarter: '2', ...figures() }, today: TODAY });
    // Q1 2021 ends on 31 March, the day before the residency began
    await expect(submitKpiReport(db, { actor: representative, input: { ...period, year: 2021, quarter: 1, ...figures() }, today: TODAY })).rejects.toMatchObject({ code: 'VALIDATION', key: 'kpiNotResident' });
    await submitKpiReport(db, { actor: representative, input: { ...period, year: 2021, quarter: 2, ...figures() }, today: TODAY });
    // annual and quarterly reports of one year live side by side
    await submitKpiReport(db, { actor: representative, input: { ...period, ...figures() }, today: TODAY });
    const rows = await reportsOf(company.id);
    expect(rows.map((r) => `${r.year}/${r.quarter ?? 'y'}`).sort()).toEqual(['2021/2', '2022/2', '2022/y']);
  });
});

describe('reviewing a KPI report', () => {
  it('return with a comment → correct → resubmit → accept, every version kept', async () => {
    const { db, park, manager, company, representative, period } = await setup();
    const { id } = await submitKpiReport(db, { actor: representative, input: { ...period, ...figures() }, today: TODAY });
    await expect(returnKpiReport(db, { actor: manager, input: { reportId: id, comment: '  ' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await returnKpiReport(db, { actor: manager, input: { reportId: id, comment: 'Taxes look too low; attach the tax statement figure.' } });
    let [row] = await reportsOf(company.id);
    expect(row).toMatchObject({ status: 'returned', reviewComment: 'Taxes look too low; attach the tax statement figure.', reviewedBy: manager.userId });
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, representative.userId), eq(notifications.kind, 'kpiReturned')));
    expect(told).toHaveLength(1);
    expect(told[0].params).toMatchObject({ comment: 'Taxes look too low; attach the tax statement figure.', year: 2022 });

    // a returned report can be accepted only after it is resubmitted
    await expect(acceptKpiReport(db, { actor: manager, input: { reportId: id } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });

    // the resident corrects it (still returned, the comment stays in view) and resubmits
    await saveKpiDraft(db, { actor: representative, input: { ...period, ...figures({ taxesPaidRub: '350000' }) }, today: TODAY });
    [row] = await reportsOf(company.id);
    expect(row).toMatchObject({ status: 'returned', taxesPaidRub: '350000.00' });
    await submitKpiReport(db, { actor: representative, input: { ...period, ...figures({ taxesPaidRub: '351000' }) }, today: TODAY });
    [row] = await reportsOf(company.id);
    expect(row).toMatchObject({ status: 'submitted', version: 2 });

    await acceptKpiReport(db, { actor: manager, input: { reportId: id } });
    [row] = await reportsOf(company.id);
    expect(row).toMatchObject({ status: 'accepted', version: 2, taxesPaidRub: '351000.00', reviewedBy: manager.userId, reviewComment: null });

    const review = await getKpiReportForReview(db, { actor: manager, parkId: park.id, reportId: id });
    expect(review.versions.map((v) => [v.version, v.figures.taxesPaidRub])).toEqual([
      [2, '351000.00'],
      [1, '300000.00'],
    ]);
    expect(review.history.map((h) => h.action)).toEqual(['kpi.submit', 'kpi.return', 'kpi.submit', 'kpi.accept']);
    expect(review.history[1].comment).toBe('Taxes look too low; attach the tax statement figure.');
    const accepted = await db.select().from(notifications).where(and(eq(notifications.userId, representative.userId), eq(notifications.kind, 'kpiAccepted')));
    expect(accepted).toHaveLength(1);
    expect((await listKpiReports(db, { actor: manager, parkId: park.id, status: 'accepted' })).rows.map((r) => r.id)).toEqual([id]);

    // an accepted report is closed for the resident too
    await expect(submitKpiReport(db, { actor: representative, input: { ...period, ...figures() }, today: TODAY })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('a report is accepted once: the second accept names who accepted it and when', async () => {
    const { db, park, manager, representative, period } = await setup();
    const second = await makeManager(park.id);
    const { id } = await submitKpiReport(db, { actor: representative, input: { ...period, ...figures() }, today: TODAY });
    await acceptKpiReport(db, { actor: manager, input: { reportId: id } });
    const error = await acceptKpiReport(db, { actor: second, input: { reportId: id } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT', key: 'kpiAlreadyAccepted' });
    expect((error as Error).message).toMatch(new RegExp(`^report already accepted by ${manager.name} at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} GMT\\+3$`));
    await expect(returnKpiReport(db, { actor: second, input: { reportId: id, comment: 'late' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    const accepts = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'kpi.accept')));
    expect(accepts).toHaveLength(1);
  });

  it('two managers accepting at once: one wins, the other is told, nothing doubled', async () => {
    const { db, park, manager, representative, period } = await setup();
    const second = await makeManager(park.id);
    const { id } = await submitKpiReport(db, { actor: representative, input: { ...period, ...figures() }, today: TODAY });
    const results = await Promise.allSettled([acceptKpiReport(db, { actor: manager, input: { reportId: id } }), acceptKpiReport(db, { actor: second, input: { reportId: id } })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'CONFLICT' });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'kpi.accept')))).toHaveLength(1);
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, representative.userId), eq(notifications.kind, 'kpiAccepted')))).toHaveLength(1);
  });

  it('only the managers of the report’s park review it; drafts are not theirs to see', async () => {
    const { db, park, manager, representative, period, company } = await setup();
    const other = await makePark();
    const otherManager = await makeManager(other.id);
    const draft = await saveKpiDraft(db, { actor: representative, input: { ...period, ...figures() }, today: TODAY });
    await expect(getKpiReportForReview(db, { actor: manager, parkId: park.id, reportId: draft.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(acceptKpiReport(db, { actor: manager, input: { reportId: draft.id } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await submitKpiReport(db, { actor: representative, input: { ...period, ...figures() }, today: TODAY });
    await expect(acceptKpiReport(db, { actor: otherManager, input: { reportId: draft.id } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(returnKpiReport(db, { actor: representative, input: { reportId: draft.id, comment: 'self' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getKpiReportForReview(db, { actor: otherManager, parkId: park.id, reportId: draft.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getKpiReportForReview(db, { actor: otherManager, parkId: other.id, reportId: draft.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await reportsOf(company.id))[0].status).toBe('submitted');
  });
});

describe('the representative’s view', () => {
  it('lists every year of the residency up to now, with its report', async () => {
    const { db, park, representative, company, period } = await setup();
    await saveKpiDraft(db, { actor: representative, input: { ...period, ...figures() }, today: TODAY });
    const periods = await listMyKpiPeriods(db, { actor: representative, today: TODAY });
    expect(periods.map((p) => [p.year, p.quarter, p.report?.status ?? null, p.deadline])).toEqual([
      [2023, null, null, '2024-03-01'],
      [2022, null, 'draft', '2023-03-01'],
      [2021, null, null, '2022-03-01'],
    ]);
    const one = await getMyKpiReport(db, { actor: representative, parkSlug: park.slug, companyId: company.id, year: 2022, quarter: null });
    expect(one).toMatchObject({ editable: true, report: { status: 'draft', figures: { jobsCreated: 12 } } });
    const stranger = await makeApplicant();
    await expect(getMyKpiReport(db, { actor: stranger, parkSlug: park.slug, companyId: company.id, year: 2022, quarter: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getMyKpiReport(db, { actor: representative, parkSlug: park.slug, companyId: company.id, year: 2019, quarter: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await listMyKpiPeriods(db, { actor: stranger, today: TODAY })).toEqual([]);
  });
});
