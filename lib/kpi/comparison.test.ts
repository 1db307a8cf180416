import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applicationPlanYears } from '@/db/schema';
import { makeManager, makePark } from '@/lib/test/fixtures';
import { databaseFingerprint } from '@/lib/test/refusal-world';
import { makeResident } from '@/lib/test/residents-fixtures';
import { figureDifferences, type ComparedFigures } from './comparison';
import { getKpiSettings, listMissingKpiReports, sendKpiReminders } from './deadlines';
import { submitKpiReport } from './filing';
import { countKpiReports, listKpiReports } from './list';
import { acceptKpiReport, getKpiReportForReview } from './review';
import { figures } from './test-fixtures';

const TODAY = '2024-06-15';
const none: ComparedFigures = { jobsCreated: null, headcount: null, investmentRub: null, capitalInvestmentRub: null, incomeRub: null, taxesPaidRub: null, rndSpendRub: null };

describe('the differences a KPI review shows', () => {
  it('are the report minus the base, exact to the kopeck, with the percentage of the base rounded half away from zero', () => {
    const d = figureDifferences(
      { ...none, jobsCreated: 7, headcount: 30, investmentRub: '1000000.50', capitalInvestmentRub: '0.00', incomeRub: '0.10', taxesPaidRub: '300000.00' },
      { ...none, jobsCreated: 8, headcount: 0, investmentRub: '800000.00', capitalInvestmentRub: '250000.00', incomeRub: '0.30', taxesPaidRub: '300000.00' },
    );
    // 200000.50 / 800000 = 25.0000625 % → 25.0; −1 / 8 = −12.5 %; 0.10 − 0.30 = −0.20, −66.666… % → −66.7.
    expect(d.investmentRub).toEqual({ absolute: '200000.50', pct: 25 });
    expect(d.jobsCreated).toEqual({ absolute: -1, pct: -12.5 });
    expect(d.incomeRub).toEqual({ absolute: '-0.20', pct: -66.7 });
    expect(d.capitalInvestmentRub).toEqual({ absolute: '-250000.00', pct: -100 });
    expect(d.taxesPaidRub).toEqual({ absolute: '0.00', pct: 0 });
    // A base of zero has no percentage; a figure either side leaves out has no difference at all.
    expect(d.headcount).toEqual({ absolute: 30, pct: null });
    expect(d.rndSpendRub).toEqual({ absolute: null, pct: null });
  });
});

describe('the manager’s KPI review screen', () => {
  it('shows the report beside the company’s accepted report for the year before and the plan in the application it was admitted on', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const resident = await makeResident(manager, park.id, { represented: true, startOn: '2021-01-01' });
    const other = await makeResident(manager, park.id, { represented: true, startOn: '2021-01-01' });
    await db.insert(applicationPlanYears).values([
      { applicationId: resident.applicationId, year: 2022, investmentRub: '800000.00', capitalInvestmentRub: '300000.00', newJobs: 10, incomeRub: '2000000.00' },
      { applicationId: resident.applicationId, year: 2023, investmentRub: '900000.00', capitalInvestmentRub: '300000.00', newJobs: 12, incomeRub: '2500000.00' },
    ]);
    const file = (actor: typeof resident.representative, companyId: string, year: number, overrides = {}) =>
      submitKpiReport(db, { actor, input: { parkId: park.id, companyId, year, quarter: null, ...figures(overrides) }, today: TODAY });
    const previous = await file(resident.representative, resident.companyId, 2021, { jobsCreated: '8', investmentRub: '500000', taxesPaidRub: '240000' });
    await acceptKpiReport(db, { actor: manager, input: { reportId: previous.id } });
    // Another company's accepted report of the same year is not this one's past.
    const stranger = await file(other.representative, other.companyId, 2021, { jobsCreated: '99' });
    await acceptKpiReport(db, { actor: manager, input: { reportId: stranger.id } });
    const current = await file(resident.representative, resident.companyId, 2022);

    const review = await getKpiReportForReview(db, { actor: manager, parkId: park.id, reportId: current.id });
    // figures(): 12 jobs, 40 people, investment 1 000 000.50, capital 400 000, income 2 500 000.75, taxes 300 000, no R&D.
    expect(review.comparison.previous).toMatchObject({
      reportId: previous.id,
      year: 2021,
      quarter: null,
      figures: { jobsCreated: 8, investmentRub: '500000.00', taxesPaidRub: '240000.00' },
      differences: {
        jobsCreated: { absolute: 4, pct: 50 },
        investmentRub: { absolute: '500000.50', pct: 100 },
        taxesPaidRub: { absolute: '60000.00', pct: 25 },
        headcount: { absolute: 0, pct: 0 },
        rndSpendRub: { absolute: null, pct: null },
      },
    });
    expect(review.comparison.plan).toMatchObject({
      applicationId: resident.applicationId,
      year: 2022,
      figures: { jobsCreated: 10, investmentRub: '800000.00', capitalInvestmentRub: '300000.00', incomeRub: '2000000.00', headcount: null, taxesPaidRub: null },
      differences: {
        jobsCreated: { absolute: 2, pct: 20 },
        investmentRub: { absolute: '200000.50', pct: 25 },
        capitalInvestmentRub: { absolute: '100000.00', pct: 33.3 },
        incomeRub: { absolute: '500000.75', pct: 25 },
        taxesPaidRub: { absolute: null, pct: null },
      },
    });

    // The first year has no accepted year before it; a year the plan does not cover shows the application without figures.
    const first = await getKpiReportForReview(db, { actor: manager, parkId: park.id, reportId: previous.id });
    expect(first.comparison.previous).toBeNull();
    expect(first.comparison.plan).toMatchObject({ applicationId: resident.applicationId, year: 2021, figures: null, differences: null });
  });

  it('opening the KPI page and a report sends no reminder and writes nothing, though reminders are due', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    // Admitted in 2022 with no report since: the 2022 and 2023 reports are missing, a reminder is due on TODAY.
    const resident = await makeResident(manager, park.id, { represented: true, startOn: '2022-01-01' });
    const { id } = await submitKpiReport(db, { actor: resident.representative, input: { parkId: park.id, companyId: resident.companyId, year: 2022, quarter: null, ...figures() }, today: TODAY });
    const before = await databaseFingerprint();
    // What app/(app)/p/[park]/kpi/page.tsx and kpi/[id]/page.tsx read, as they read it.
    await getKpiSettings(db, { actor: manager, parkId: park.id });
    await countKpiReports(db, { actor: manager, parkId: park.id });
    expect((await listMissingKpiReports(db, { actor: manager, parkId: park.id, today: TODAY })).length).toBeGreaterThan(0);
    for (const status of ['submitted', 'accepted', 'returned'] as const) await listKpiReports(db, { actor: manager, parkId: park.id, status, year: null });
    await getKpiReportForReview(db, { actor: manager, parkId: park.id, reportId: id });
    expect(await databaseFingerprint()).toEqual(before);
    // The pages call nothing that sends: reminders go from the job queue and the manager's explicit button only.
    for (const page of ['app/(app)/p/[park]/kpi/page.tsx', 'app/(app)/p/[park]/kpi/[id]/page.tsx'])
      expect(fs.readFileSync(path.join(process.cwd(), page), 'utf8')).not.toMatch(/sendKpiReminders|notify\(/);
    // And the reminder was indeed due: sending it explicitly reaches the representative.
    expect(await sendKpiReminders(db, { actor: manager, parkId: park.id, today: TODAY })).toMatchObject({ after: 1 });
  });
});
