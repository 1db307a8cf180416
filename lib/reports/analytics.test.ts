import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { parks } from '@/db/schema';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { codeOf } from '@/lib/test/code-of';
import { makeAdmin, makeAnalyst, makeApplicant, makeExpert, makeManager } from '@/lib/test/fixtures';
import { insertDataset } from '@/lib/test/insert-dataset';
import { referenceSummary } from '@/lib/test/reference-summary';
import { fixtureDataset } from '@/lib/test/summary-fixture';
import { getBudgetAnalytics } from './analytics/budget';
import { compareParks } from './analytics/comparison';
import { getFunnel } from './analytics/funnel';
import { getKpiDynamics, getReportingGaps } from './analytics/kpi-dynamics';
import { getOccupancyHistory } from './analytics/occupancy-history';
import { getParkAnalytics } from './analytics/park-analytics';

const cli = systemActor('cli');
const slug = 'fx-main';
let parkId: string;
let closedParkId: string;
let undatedParkId: string;

beforeAll(async () => {
  const db = await getDb();
  parkId = await insertDataset(db, fixtureDataset(slug));
  closedParkId = await insertDataset(db, fixtureDataset('fx-closed'));
  undatedParkId = await insertDataset(db, fixtureDataset('fx-undated'));
  await db.update(parks).set({ closedOn: '2015-12-31' }).where(eq(parks.id, closedParkId));
  await db.update(parks).set({ foundedOn: null }).where(eq(parks.id, undatedParkId));
});

describe('getFunnel', () => {
  it('follows the applications submitted in 2014–2016 through every step', async () => {
    const db = await getDb();
    const funnel = await getFunnel(db, { actor: cli, parkSlug: slug, from: 2014, to: 2016 });
    // Cohort a1, a2, a3, a5, a6, a7. Screened: a1 5 d, a2 9 d, a5 5 d, a6 9 d, a7 15 d (a3 rejected).
    // Approved: a1 31 d, a2 22 d, a7 591 d. Admitted through their linked residencies: a1 12 d, a2 30 d,
    // a7 0 d. Incentive: only A (granted 28 days after its residency began); B's grant predates its residency.
    expect(funnel).toEqual({
      period: { from: 2014, to: 2016 },
      steps: [
        { step: 'submitted', count: 6, conversionPct: null, overallPct: 100, medianDays: null },
        { step: 'screened', count: 5, conversionPct: 83.3, overallPct: 83.3, medianDays: 9 },
        { step: 'passedCouncil', count: 3, conversionPct: 60, overallPct: 50, medianDays: 31 },
        { step: 'admitted', count: 3, conversionPct: 100, overallPct: 50, medianDays: 12 },
        { step: 'incentive', count: 1, conversionPct: 33.3, overallPct: 16.7, medianDays: 28 },
      ],
    });
  });

  it('takes the median of an even count as the mean of the middle two', async () => {
    const db = await getDb();
    const { steps } = await getFunnel(db, { actor: cli, parkSlug: slug, from: 2015, to: 2016 });
    // Cohort a2, a3, a5, a6, a7; approved a2 (22 d) and a7 (591 d): median 306.5.
    expect(steps.map((s) => [s.count, s.medianDays])).toEqual([
      [5, null],
      [4, 9],
      [2, 306.5],
      [2, 15],
      [0, null],
    ]);
    expect(steps[4].conversionPct).toBe(0);
  });
});

describe('getKpiDynamics and getReportingGaps', () => {
  it('sums accepted annual reports per year and counts who reported', async () => {
    const db = await getDb();
    expect(await getKpiDynamics(db, { actor: cli, parkSlug: slug, from: 2015, to: 2016 })).toEqual({
      period: { from: 2015, to: 2016 },
      years: [
        {
          year: 2015,
          jobsCreated: 6,
          investmentRub: '1310.01',
          capitalInvestmentRub: '700.00',
          incomeRub: '2520.02',
          taxesPaidRub: '210.99',
          expected: 4,
          accepted: 3,
          pending: 1,
          missing: 0,
          coveragePct: 75,
        },
        {
          year: 2016,
          jobsCreated: 9,
          investmentRub: '2100.50',
          capitalInvestmentRub: '1050.25',
          incomeRub: '3400.75',
          taxesPaidRub: '290.10',
          expected: 6,
          accepted: 2,
          pending: 1,
          missing: 3,
          coveragePct: 33.3,
        },
      ],
    });
  });

  it('lists who has not reported', async () => {
    const db = await getDb();
    const gaps = await getReportingGaps(db, { actor: cli, parkSlug: slug, from: 2015, to: 2016 });
    expect(gaps.map((g) => [g.year, g.companyKey, g.state])).toEqual([
      [2015, 'B', 'pending'],
      [2016, 'B', 'returned'],
      [2016, 'C', 'missing'],
      [2016, 'D', 'missing'],
      [2016, 'F', 'pending'],
    ]);
  });
});

describe('getOccupancyHistory', () => {
  it('gives the area in use on each month’s last day, by building and kind at the end', async () => {
    const db = await getDb();
    const o = await getOccupancyHistory(db, { actor: cli, parkSlug: slug, from: 2016, to: 2016 });
    expect(o.months).toHaveLength(12);
    expect(o.months.map((m) => m.day)).toEqual([
      '2016-01-31', '2016-02-29', '2016-03-31', '2016-04-30', '2016-05-31', '2016-06-30',
      '2016-07-31', '2016-08-31', '2016-09-30', '2016-10-31', '2016-11-30', '2016-12-31',
    ]);
    // January to June: p1, p2, p3, p5, p6 = 600.00; all but p6 leased = 450.20; A and F manufacture: 250.20.
    const january = { totalM2: '600.00', leasedM2: '450.20', usePct: 75, manufacturingM2: '250.20', manufacturingSharePct: 55.6 };
    expect(o.months[0]).toEqual({ month: '2016-01', day: '2016-01-31', ...january });
    expect(o.months[5]).toEqual({ month: '2016-06', day: '2016-06-30', ...january });
    // July: p3 retired → 400.00; leased p1, p2, p5 = 250.20 → 62.55 % → 62.6; manufacturing 50.20 → 20.1 %.
    expect(o.months[6]).toMatchObject({ totalM2: '400.00', leasedM2: '250.20', usePct: 62.6, manufacturingM2: '50.20', manufacturingSharePct: 20.1 });
    // 31 December: p2's lease ended the day before.
    expect(o.months[11]).toMatchObject({ totalM2: '400.00', leasedM2: '50.20', usePct: 12.6, manufacturingSharePct: 100 });
    expect(o.byBuilding).toEqual([
      { key: 'b1', name: 'Main building', totalM2: '380.00', leasedM2: '30.20', usePct: 7.9 },
      { key: 'b2', name: 'Workshop', totalM2: '20.00', leasedM2: '20.00', usePct: 100 },
    ]);
    expect(o.byKind).toEqual([
      { kind: 'office', totalM2: '30.20', leasedM2: '30.20', usePct: 100 },
      { kind: 'laboratory', totalM2: '200.00', leasedM2: '0.00', usePct: 0 },
      { kind: 'production', totalM2: '20.00', leasedM2: '20.00', usePct: 100 },
      { kind: 'incubator', totalM2: '149.80', leasedM2: '0.00', usePct: 0 },
    ]);
    expect(o.parkType).toBe('industrial');
    expect(o.manufacturingRule).toEqual({ applies: true, leasedM2: '50.20', manufacturingM2: '50.20', sharePct: 100, met: true });
  });
});

describe('getBudgetAnalytics', () => {
  it('gives funding by source and year and the cumulative payback series', async () => {
    const db = await getDb();
    const b = await getBudgetAnalytics(db, { actor: cli, parkSlug: slug, from: 2015, to: 2016 });
    const none = { federal: '0.00', regional: '0.00', municipal: '0.00', extrabudgetary: '0.00' };
    expect(b.funding).toEqual([
      { year: 2013, totalRub: '100.00', bySource: { ...none, federal: '100.00' } },
      { year: 2014, totalRub: '300.00', bySource: { ...none, regional: '300.00' } },
      { year: 2016, totalRub: '1200.00', bySource: { ...none, municipal: '1200.00' } },
    ]);
    expect(b.payback).toEqual([
      { year: 2013, taxesRub: '0.00', budgetRub: '100.00', cumulativeTaxesRub: '0.00', cumulativeBudgetRub: '100.00', taxesPerBudgetRub: 0 },
      // 190.00 / 400.00 = 0.475 → 0.48
      { year: 2014, taxesRub: '190.00', budgetRub: '300.00', cumulativeTaxesRub: '190.00', cumulativeBudgetRub: '400.00', taxesPerBudgetRub: 0.48 },
      { year: 2015, taxesRub: '210.99', budgetRub: '0.00', cumulativeTaxesRub: '400.99', cumulativeBudgetRub: '400.00', taxesPerBudgetRub: 1 },
      { year: 2016, taxesRub: '290.10', budgetRub: '1200.00', cumulativeTaxesRub: '691.09', cumulativeBudgetRub: '1600.00', taxesPerBudgetRub: 0.43 },
    ]);
    expect(b.paybackYear).toBe(2015);
  });

  it('is empty for a park without taxes or funding', async () => {
    const db = await getDb();
    const b = await getBudgetAnalytics(db, { actor: cli, parkSlug: slug, from: 2000, to: 2010 });
    expect(b).toEqual({ period: { from: 2000, to: 2010 }, funding: [], payback: [], paybackYear: null });
  });
});

describe('access to a park’s analytics', () => {
  it('follows report.read', async () => {
    const db = await getDb();
    const read = (actor: Actor) => codeOf(getParkAnalytics(db, { actor, parkSlug: slug, from: 2015, to: 2016 }));
    expect(await read(await makeManager(parkId))).toBe('OK');
    expect(await read(await makeAnalyst(parkId))).toBe('OK');
    expect(await read(await makeAdmin())).toBe('OK');
    expect(await read(await makeAnalyst(closedParkId))).toBe('NOT_FOUND');
    expect(await read(await makeExpert(parkId))).toBe('NOT_FOUND');
    expect(await read(await makeApplicant())).toBe('NOT_FOUND');
    expect(await codeOf(getFunnel(db, { actor: cli, parkSlug: slug, from: 2016, to: 2015 }))).toBe('VALIDATION');
  });
});

describe('compareParks', () => {
  it('puts the parks side by side with the summary’s definitions', async () => {
    const db = await getDb();
    const report = await compareParks(db, { actor: await makeAdmin(), from: 2015, to: 2016 });
    expect(report.parks.map((p) => p.slug)).toEqual(['fx-closed', 'fx-main', 'fx-undated']);
    // A period with no accepted report: the sums are unknown, and the count says so.
    const later = await compareParks(db, { actor: await makeAdmin(), from: 2030, to: 2031 });
    expect(later.parks.find((p) => p.slug === slug)).toMatchObject({ reportsAccepted: 0, jobsCreated: 0 });
    expect(report.parks.find((p) => p.slug === slug)).toEqual({
      slug,
      name: `Fixture ${slug}`,
      region: 'Test region',
      type: 'industrial',
      foundedOn: '2012-05-01',
      closedOn: null,
      residentsSupported: 6,
      residentsAtEnd: 5,
      smeResidentsAtEnd: 4,
      area: { totalM2: '400.00', leasedM2: '50.20', usePct: 12.6 },
      // 3 accepted for 2015 and 2 for 2016 (getKpiDynamics above).
      reportsAccepted: 5,
      jobsCreated: 15,
      investmentRub: '3410.51',
      incomeRub: '5920.77',
      taxesPaidRub: '501.09',
      budgetRub: '1600.00',
      taxesPerBudgetRub: 0.43,
      paybackYear: 2015,
      // As the independent reference computes the summary's support of the same park and years.
      support: referenceSummary(fixtureDataset(slug), 2015, 2016).support,
    });
  });

  it('counts parks founded, closed and operating by year', async () => {
    const db = await getDb();
    const report = await compareParks(db, { actor: cli, from: 2011, to: 2016 });
    // fx-main and fx-closed founded 2012-05-01; fx-closed closed on 2015-12-31; fx-undated has no date.
    expect(report.byYear).toEqual([
      { year: 2011, founded: 0, closed: 0, operating: 0 },
      { year: 2012, founded: 2, closed: 0, operating: 2 },
      { year: 2013, founded: 0, closed: 0, operating: 2 },
      { year: 2014, founded: 0, closed: 0, operating: 2 },
      { year: 2015, founded: 0, closed: 1, operating: 1 },
      { year: 2016, founded: 0, closed: 0, operating: 1 },
    ]);
    expect(report.undatedParks).toBe(1);
  });

  it('shows an analyst only the parks it is given, and refuses the others', async () => {
    const db = await getDb();
    const analyst = await makeAnalyst(parkId);
    const report = await compareParks(db, { actor: analyst, from: 2015, to: 2016 });
    expect(report.parks.map((p) => p.slug)).toEqual([slug]);
    expect(report.byYear.every((y) => y.operating === 1)).toBe(true);
    expect(await codeOf(compareParks(db, { actor: await makeExpert(parkId), from: 2015, to: 2016 }))).toBe('FORBIDDEN');
    expect(await codeOf(compareParks(db, { actor: await makeApplicant(), from: 2015, to: 2016 }))).toBe('FORBIDDEN');
    expect(await codeOf(compareParks(db, { actor: { type: 'apiToken', tokenId: crypto.randomUUID(), parkId, name: 't' }, from: 2015, to: 2016 }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(compareParks(db, { actor: analyst, from: 2016, to: 2015 }))).toBe('VALIDATION');
  });
});
