import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, councilDecisions } from '@/db/schema';
import { kuzbassDataset } from '@/lib/demo/dataset';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { codeOf } from '@/lib/test/code-of';
import { makeAdmin, makeAnalyst, makeApplicant, makeExpert, makeManager, uniq } from '@/lib/test/fixtures';
import { importDemoPark, insertDataset } from '@/lib/test/insert-dataset';
import { KUZBASS_PUBLISHED, summaryBudget } from '@/lib/test/kuzbass-summary';
import { referenceSummary } from '@/lib/test/reference-summary';
import { fixtureDataset } from '@/lib/test/summary-fixture';
import { getParkSummary } from './summary';

const cli = systemActor('cli');

describe('getParkSummary on a hand-computed park', () => {
  const slug = uniq('fx-');
  let parkId: string;

  beforeAll(async () => {
    const db = await getDb();
    parkId = await insertDataset(db, fixtureDataset(slug));
    // The same records in another park must not leak into this one.
    await insertDataset(db, fixtureDataset(uniq('other-')));
  });

  it('gives every figure of 2015–2016 as worked out by hand', async () => {
    const db = await getDb();
    const s = await getParkSummary(db, { actor: cli, parkSlug: slug, from: 2015, to: 2016, locale: 'en' });
    expect(s.format).toBe('technopark-summary/1');
    expect(s.park).toEqual({ slug, name: `Fixture ${slug}` });
    expect(s.period).toEqual({ from: 2015, to: 2016 });
    // a2, a3, a5 (last day), a6 (first day), a7; not a1 (Dec 2014), a4 (draft), a8 (2017).
    expect(s.requests).toBe(5);
    // a1 (Jan 2015, submitted Dec 2014), a2, a7 (last day); a5 is a revision, a6 rejected.
    expect(s.passedCouncil).toBe(3);
    // A (twice), F (last day); not B (2014-12-31), C (2017).
    expect(s.taxIncentiveResidents).toBe(2);
    // A, B, C, D, F (two residencies, once), H; not G (ended 2014-12-31), E (starts 2017).
    expect(s.residentsSupported).toBe(6);
    // A, C, F.
    expect(s.residentsSupportedOnSite).toBe(3);
    // A, B (ends on the last day), D (starts on it), F, H; not C (ended the day before).
    expect(s.residentsAtEnd).toBe(5);
    // A small, B micro, D medium, F small; H none.
    expect(s.smeResidentsAtEnd).toBe(4);
    // p1 30.20 + p2 200.00 + p5 20.00 + p6 149.80; p3 retired, p4 not yet available.
    // Leased: p1 (open lease) + p5 (lease ends on the last day) = 50.20; p2's lease ended the day before.
    // 50.20 / 400.00 = 12.55 % → 12.6 (half away from zero).
    expect(s.area).toEqual({ totalM2: '400.00', leasedM2: '50.20', usePct: 12.6 });
    // Accepted annual reports of 2015–2016: kA15, kA16, kC15, kF15, kH16.
    expect(s.totals).toEqual({
      investmentRub: '3410.51',
      capitalInvestmentRub: '1750.25',
      jobsCreated: 15,
      incomeRub: '5920.77',
      taxesPaidRub: '501.09',
    });
    // kA16 + kH16.
    expect(s.lastYear).toEqual({
      year: 2016,
      investmentRub: '2100.50',
      capitalInvestmentRub: '1050.25',
      jobsCreated: 9,
      incomeRub: '3400.75',
      taxesPaidRub: '290.10',
    });
    // Up to 2016: 100 + 300 + 1200 = 1600; 6.25 → 6.3, 18.75 → 18.8.
    expect(s.budget).toEqual(
      summaryBudget('1600.00', {
        federal: { amountRub: '100.00', sharePct: 6.3 },
        regional: { amountRub: '300.00', sharePct: 18.8 },
        municipal: { amountRub: '1200.00', sharePct: 75 },
      }),
    );
    // Cumulative taxes vs funding: 2013 0 / 100; 2014 190.00 / 400.00; 2015 400.99 / 400.00 → 2015.
    // Taxes up to 2016: 691.09 / 1600.00 = 0.4319 → 0.43.
    expect(s.payback).toEqual({ taxesPerBudgetRub: 0.43, paybackYear: 2015 });
    // Pairs: A15 ✓, A16 ✓, B15 pending, B16 returned, C15 ✓, C16 none, D16 none, F15 ✓, F16 pending, H16 ✓.
    expect(s.reporting).toEqual({ expected: 10, accepted: 5, pending: 2, missing: 3 });
    // Rent: l1 (30.20 m², from 2015-03-01, open: 672 days to 2016-12-31) at 612.35 − 350.00 = 262.35 a month:
    // 262.35 × 30.20 × 12 / 365 × 672 = 175 043.370 082…; l3 (200 m², crosses the start, ends 2016-12-30: 730
    // days) at 100.01 − 0.00: 100.01 × 200 × 12 / 365 × 730 = 480 048; l2's market rate is below its rate: 0.
    // Sum 655 091.370 082… → 655 091.37. Services: q1 (3000 − 1200) × 2.5 = 4500 and q2 on the last day
    // (7000.33 − 0.01) × 1 = 7000.32; not q3 (done in 2017), q4 (2014), q5, q6 (never done). Total of the
    // exact sums 666 591.690 082… → 666 591.69; taxes 501.09 ÷ it = 0.00075 → 0.
    expect(s.support).toEqual({ rentRub: '655091.37', servicesRub: '11500.32', totalRub: '666591.69', taxesPerSupportRub: 0 });
    expect(s.narrative).toMatch(/^For 2015–2016 the park supported 6 resident companies, 3 of them on site/);
    expect(s.narrative).toMatch(/The park's support of its residents was worth 666\.6 thousand RUB: 655\.1 thousand RUB in rent below the market rate and 11\.5 thousand RUB in services below the market price; residents paid 0\.00 RUB in taxes per rouble of support\.$/);
    const { narrative: _narrative, ...figures } = s;
    expect(figures).toEqual(referenceSummary(fixtureDataset(slug), 2015, 2016));
  });

  it('puts a December request in its year and the January decision in the next', async () => {
    const db = await getDb();
    const s2014 = await getParkSummary(db, { actor: cli, parkSlug: slug, from: 2014, to: 2014 });
    expect(s2014.requests).toBe(1);
    expect(s2014.passedCouncil).toBe(0);
    const s2015 = await getParkSummary(db, { actor: cli, parkSlug: slug, from: 2015, to: 2015 });
    expect(s2015.requests).toBe(3); // a2, a6, a7
    expect(s2015.passedCouncil).toBe(2); // a1, a2
  });

  it('counts an application approved twice once', async () => {
    const db = await getDb();
    const [a2] = await db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.parkId, parkId), eq(applications.key, 'a2')));
    const before = await getParkSummary(db, { actor: cli, parkSlug: slug, from: 2015, to: 2016 });
    await db.insert(councilDecisions).values({ parkId, applicationId: a2.id, decision: 'approved', decidedOn: '2016-02-02' });
    const after = await getParkSummary(db, { actor: cli, parkSlug: slug, from: 2015, to: 2016 });
    expect(after.passedCouncil).toBe(before.passedCouncil);
  });

  it('gives zeros, not nulls, for a period with nothing in it', async () => {
    const db = await getDb();
    const s = await getParkSummary(db, { actor: cli, parkSlug: slug, from: 1990, to: 1995, locale: 'ru' });
    expect(s).toMatchObject({
      requests: 0,
      passedCouncil: 0,
      residentsSupported: 0,
      residentsAtEnd: 0,
      area: { totalM2: '569.80', leasedM2: '0.00', usePct: 0 }, // p2, p3, p5, p6: no start of availability; no lease yet
      totals: { investmentRub: '0.00', capitalInvestmentRub: '0.00', jobsCreated: 0, incomeRub: '0.00', taxesPaidRub: '0.00' },
      budget: { totalRub: '0.00', bySource: { federal: { amountRub: '0.00', sharePct: 0 } } },
      payback: { taxesPerBudgetRub: null, paybackYear: null },
      reporting: { expected: 0, accepted: 0, pending: 0, missing: 0 },
    });
    expect(s.narrative.length).toBeGreaterThan(0);
  });

  it('validates the period', async () => {
    const db = await getDb();
    const run = (from: unknown, to: unknown) => codeOf(getParkSummary(db, { actor: cli, parkSlug: slug, from: from as number, to: to as number }));
    expect(await run(2016, 2015)).toBe('VALIDATION');
    expect(await run(1899, 1900)).toBe('VALIDATION');
    expect(await run(2200, 2201)).toBe('VALIDATION');
    expect(await run(1900, 2000)).toBe('VALIDATION'); // 101 years
    expect(await run(1901, 2000)).toBe('OK'); // 100 years
    expect(await run(2015.5, 2016)).toBe('VALIDATION');
    expect(await run('2015', '2016')).toBe('OK');
    expect(await run('', '2016')).toBe('VALIDATION');
    expect(await codeOf(getParkSummary(db, { actor: cli, parkSlug: 'no-such-park', from: 2015, to: 2016 }))).toBe('NOT_FOUND');
  });

  it('lets managers, analysts of the park, admins and the park’s API token read; nobody else', async () => {
    const db = await getDb();
    const other = await insertDataset(db, fixtureDataset(uniq('third-')));
    const read = (actor: Actor) => codeOf(getParkSummary(db, { actor, parkSlug: slug, from: 2015, to: 2016 }));
    expect(await read(await makeManager(parkId))).toBe('OK');
    expect(await read(await makeAnalyst(parkId))).toBe('OK');
    expect(await read(await makeAdmin())).toBe('OK');
    expect(await read({ type: 'apiToken', tokenId: crypto.randomUUID(), parkId, name: 't' })).toBe('OK');
    expect(await read(await makeAnalyst(other))).toBe('NOT_FOUND');
    expect(await read(await makeManager(other))).toBe('NOT_FOUND');
    expect(await read(await makeExpert(parkId))).toBe('NOT_FOUND');
    expect(await read(await makeApplicant())).toBe('NOT_FOUND');
    expect(await read({ type: 'apiToken', tokenId: crypto.randomUUID(), parkId: other, name: 't' })).toBe('NOT_FOUND');
  });
});

describe('getParkSummary on the demo Kuzbass Technopark', () => {
  const data = kuzbassDataset();

  beforeAll(async () => {
    await importDemoPark(await getDb(), data);
  });

  it('reproduces the published 2010–2016 summary', async () => {
    const db = await getDb();
    const s = await getParkSummary(db, { actor: cli, parkSlug: data.park.slug, from: 2010, to: 2016 });
    expect(s).toMatchObject(KUZBASS_PUBLISHED);
    expect(s.totals).toEqual(KUZBASS_PUBLISHED.totals);
    expect(s.payback).toEqual({ taxesPerBudgetRub: 2.87, paybackYear: 2014 });
    expect(s.narrative).toContain('356 requests for support were considered, 173 projects passed the expert council, 53 received regional tax incentives');
  });

  it.each([
    [2010, 2016],
    [2012, 2014],
    [2016, 2016],
    [2017, 2018],
    [2008, 2018],
  ])('equals the independent reference for %i–%i', async (from, to) => {
    const db = await getDb();
    const { narrative: _narrative, ...figures } = await getParkSummary(db, { actor: cli, parkSlug: data.park.slug, from, to });
    expect(figures).toEqual(referenceSummary(data, from, to));
  });
});
