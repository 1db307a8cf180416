import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { systemActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { makeAnalyst, makeApplicant, makeExpert, makeManager, makePark, makeUser } from '@/lib/test/fixtures';
import { insertDataset } from '@/lib/test/insert-dataset';
import { fixtureDataset } from '@/lib/test/summary-fixture';
import { getComparisonYears, getReportYears } from './report-years';

const cli = systemActor('cli');
let parkId: string;
let budgetParkId: string;

beforeAll(async () => {
  const db = await getDb();
  const data = fixtureDataset('ry-main');
  const kpi = data.kpiReports[0];
  data.kpiReports.push(
    // Neither a quarterly report nor an unaccepted annual one says the park has figures for its year.
    { ...kpi, key: 'q2020', year: 2020, quarter: 2, status: 'accepted' },
    { ...kpi, key: 's2021', year: 2021, quarter: null, status: 'submitted' },
  );
  parkId = await insertDataset(db, data);

  const budgetOnly = fixtureDataset('ry-budget');
  budgetParkId = await insertDataset(db, {
    ...budgetOnly,
    buildings: [],
    premises: [],
    applications: [{ ...budgetOnly.applications[3] }],
    residencies: [],
    leases: [],
    taxIncentives: [],
    kpiReports: [],
    budgetFunding: [{ key: 'b', year: 2009, source: 'regional', amountRub: '10.00' }],
    services: [],
    serviceRequests: [],
  });
});

describe('getReportYears', () => {
  it('spans submitted applications, residencies, accepted annual reports and funding', async () => {
    const db = await getDb();
    // First: residency rG starts 2012-01-01 (applications from 2014, funding from 2013, reports from 2014).
    // Last: 2017 — application a8, residency rE, report kE17 and funding bf17; not the quarterly 2020 or the submitted 2021.
    // Last reported: kE17, the latest accepted annual report.
    expect(await getReportYears(db, { actor: cli, parkSlug: 'ry-main' })).toEqual({ first: 2012, last: 2017, lastReported: 2017 });
  });

  it('counts budget funding alone, and never a draft application', async () => {
    const db = await getDb();
    expect(await getReportYears(db, { actor: cli, parkSlug: 'ry-budget' })).toEqual({ first: 2009, last: 2009, lastReported: null });
  });

  it('is null for a park without records', async () => {
    const db = await getDb();
    const park = await makePark();
    expect(await getReportYears(db, { actor: cli, parkSlug: park.slug })).toBeNull();
  });

  it('answers those who read the park’s reports, and nobody else', async () => {
    const db = await getDb();
    const manager = await makeManager(parkId);
    const analyst = await makeAnalyst(parkId);
    expect(await getReportYears(db, { actor: manager, parkSlug: 'ry-main' })).toEqual({ first: 2012, last: 2017, lastReported: 2017 });
    expect(await getReportYears(db, { actor: analyst, parkSlug: 'ry-main' })).toEqual({ first: 2012, last: 2017, lastReported: 2017 });
    const expert = await makeExpert(parkId);
    const other = await makePark();
    const stranger = await makeManager(other.id);
    // An expert of the park does not read its reports; to both it is a park that does not exist.
    for (const actor of [expert, stranger]) {
      const error = await getReportYears(db, { actor, parkSlug: 'ry-main' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('NOT_FOUND');
    }
  });
});

describe('getComparisonYears', () => {
  it('spans the parks the actor compares, and only those', async () => {
    const db = await getDb();
    const analyst = await makeUser('staff', [
      { parkId, role: 'analyst' },
      { parkId: budgetParkId, role: 'analyst' },
    ]);
    expect(await getComparisonYears(db, { actor: analyst })).toEqual({ first: 2009, last: 2017, lastReported: 2017 });
    const oneParkAnalyst = await makeAnalyst(budgetParkId);
    expect(await getComparisonYears(db, { actor: oneParkAnalyst })).toEqual({ first: 2009, last: 2009, lastReported: null });
    const emptyPark = await makePark();
    expect(await getComparisonYears(db, { actor: await makeAnalyst(emptyPark.id) })).toBeNull();
  });

  it('refuses those who compare nothing', async () => {
    const db = await getDb();
    await expect(getComparisonYears(db, { actor: await makeApplicant() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getComparisonYears(db, { actor: await makeExpert(parkId) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
