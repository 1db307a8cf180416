import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { systemActor } from '@/lib/auth/actor';
import { createLease } from '@/lib/premises/leases';
import { getResidentProfile } from '@/lib/residents/profile';
import { createService } from '@/lib/services/catalogue';
import { createServiceRequest, deliverServiceRequest } from '@/lib/services/requests';
import { makeManagedPark } from '@/lib/test/fixtures';
import { makeResident, makeUnits } from '@/lib/test/residents-fixtures';
import { compareParks } from './analytics/comparison';
import { getParkSummary } from './summary';
import { getSupportByKind } from './support';

/*
 * The one definition of support (lib/reports/support.ts) read three more ways: a company's support by
 * year on its profile, the park's by kind and year for the summary's chart, and each park's in the
 * comparison. Every expected figure is worked out by hand in the comments.
 *
 * Company A: 100.50 m² from 1 July 2019 to 31 March 2021 at 400.00 against a market 650.25 a m² and
 * month: (650.25 − 400.00) × 100.50 = 25 150.125 a month, × 12 / 365 a day.
 *   2019: 184 days (1 July–31 December) → 152 141.030 1… → 152 141.03
 *   2020: 366 days (a leap year)       → 302 628.353 4… → 302 628.35
 *   2021: 90 days (1 January–31 March) →  74 416.808 2… →  74 416.81  (the lease crosses the year's start)
 * and a patent search delivered on 3 December 2021: (8000.00 − 2500.50) × 1.5 = 8249.25.
 * Company B: 40 m² from 1 January 2020, open-ended, at 100 against 200: 4000 a month.
 *   2020: 4000 × 12 / 365 × 366 = 48 131.506 8… → 48 131.51; 2021: a whole year, 48 000.00.
 */

const cli = systemActor('cli');

async function world() {
  const db = await getDb();
  const { parkId, manager } = await makeManagedPark();
  const a = await makeResident(manager, parkId, { startOn: '2019-01-01', represented: true });
  const b = await makeResident(manager, parkId, { startOn: '2019-01-01' });
  const {
    unitIds: [unitA, unitB],
  } = await makeUnits(manager, parkId, [
    { name: 'Office 12', areaM2: '100.50' },
    { name: 'Office 14', areaM2: '40.00' },
  ]);
  await createLease(db, {
    actor: manager,
    parkId,
    input: { residencyId: a.residencyId, premisesId: unitA, startOn: '2019-07-01', endOn: '2021-03-31', rateRubPerM2Month: '400.00', marketRateRubPerM2Month: '650.25' },
  });
  await createLease(db, {
    actor: manager,
    parkId,
    input: { residencyId: b.residencyId, premisesId: unitB, startOn: '2020-01-01', endOn: null, rateRubPerM2Month: '100', marketRateRubPerM2Month: '200' },
  });
  const service = await createService(db, { actor: manager, parkId, input: { name: 'Patent search', kind: 'ip', unit: 'item', marketPriceRub: '8000', residentPriceRub: '2500.50' } });
  const asked = await createServiceRequest(db, { actor: a.representative, parkId, input: { companyId: a.companyId, serviceId: service.id, quantity: '1' }, today: '2021-11-29' });
  await deliverServiceRequest(db, { actor: manager, parkId, input: { requestId: asked.id, quantity: '1.5' }, today: '2021-12-03' });
  const [{ slug }] = await db.query.parks.findMany({ where: (p, { eq }) => eq(p.id, parkId), columns: { slug: true } });
  return { db, parkId, slug, manager, a, b };
}

describe('support by company, by kind and by park', () => {
  it('gives a company its own support by year on its profile, a lease crossing a year’s start split at it, and no other company’s', async () => {
    const { db, parkId, manager, a, b } = await world();
    const profile = await getResidentProfile(db, { actor: manager, parkId, companyId: a.companyId, today: '2022-06-01' });
    // 2022 has none, so it is left out.
    expect(profile.support).toEqual([
      { year: 2019, rentRub: '152141.03', servicesRub: '0.00', totalRub: '152141.03' },
      { year: 2020, rentRub: '302628.35', servicesRub: '0.00', totalRub: '302628.35' },
      { year: 2021, rentRub: '74416.81', servicesRub: '8249.25', totalRub: '82666.06' },
    ]);
    // The representative reads the same record (the profile's own rule), and B sees only its own rent.
    const own = await getResidentProfile(db, { actor: a.representative, parkId, companyId: a.companyId, today: '2022-06-01' });
    expect(own.support).toEqual(profile.support);
    const other = await getResidentProfile(db, { actor: manager, parkId, companyId: b.companyId, today: '2022-06-01' });
    expect(other.support).toEqual([
      { year: 2020, rentRub: '48131.51', servicesRub: '0.00', totalRub: '48131.51' },
      { year: 2021, rentRub: '48000.00', servicesRub: '0.00', totalRub: '48000.00' },
      // This year (2022) whole, as the summary of 2022 counts it: the open lease's 365 days.
      { year: 2022, rentRub: '48000.00', servicesRub: '0.00', totalRub: '48000.00' },
    ]);
  });

  it('splits the park’s support by kind and year, each cell rounded once, and agrees with the summary', async () => {
    const { db, slug } = await world();
    const byKind = await getSupportByKind(db, { actor: cli, parkSlug: slug, from: 2019, to: 2021 });
    expect(byKind.kinds).toEqual(['rent', 'ip']);
    // 2020: A 302 628.353 4… + B 48 131.506 8… = 350 759.860 2… → 350 759.86.
    // 2021: A 74 416.808 2… + B 48 000 = 122 416.808 2… → 122 416.81; with the service 130 666.06.
    expect(byKind.years.map((y) => [y.year, y.byKind.rent, y.byKind.ip, y.byKind.legal, y.totalRub])).toEqual([
      [2019, '152141.03', '0.00', '0.00', '152141.03'],
      [2020, '350759.86', '0.00', '0.00', '350759.86'],
      [2021, '122416.81', '8249.25', '0.00', '130666.06'],
    ]);
    const summary = await getParkSummary(db, { actor: cli, parkSlug: slug, from: 2021, to: 2021, locale: 'en' });
    expect(summary.support).toMatchObject({ rentRub: '122416.81', servicesRub: '8249.25', totalRub: '130666.06' });
  });

  it('puts each park’s support beside its taxes in the comparison, as its summary has it', async () => {
    const { db, slug } = await world();
    const report = await compareParks(db, { actor: cli, from: 2020, to: 2021 });
    const park = report.parks.find((p) => p.slug === slug)!;
    // Rent 2020–2021: A 25 150.125 × 456 days + B 4000 × 731 days, × 12 / 365 = 473 176.670 6… → 473 176.67;
    // with the service 481 425.920 6… → 481 425.92. No accepted report: no taxes, so 0 per rouble.
    expect(park.support).toEqual({ rentRub: '473176.67', servicesRub: '8249.25', totalRub: '481425.92', taxesPerSupportRub: 0 });
    const summary = await getParkSummary(db, { actor: cli, parkSlug: slug, from: 2020, to: 2021, locale: 'en' });
    expect(park.support).toEqual(summary.support);
  });
});
