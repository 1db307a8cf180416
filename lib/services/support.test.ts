import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { systemActor } from '@/lib/auth/actor';
import { createLease, setLeaseRates } from '@/lib/premises/leases';
import { getParkSummary } from '@/lib/reports/summary';
import { codeOf, refusalOf } from '@/lib/test/code-of';
import { makeManagedPark, uniq } from '@/lib/test/fixtures';
import { insertDataset } from '@/lib/test/insert-dataset';
import { makeResident, makeUnits } from '@/lib/test/residents-fixtures';
import type { Dataset } from '@/lib/validation/dataset';
import { createService } from './catalogue';
import { createServiceRequest, deliverServiceRequest } from './requests';

/*
 * The summary's support block (docs/reports.md, "Resident support") over records made through the
 * domain functions, with every expected figure worked out by hand in the comments.
 */

const cli = systemActor('cli');

async function summaryOf(parkId: string, from: number, to: number) {
  const db = await getDb();
  const [{ slug }] = await db.query.parks.findMany({ where: (p, { eq }) => eq(p.id, parkId), columns: { slug: true } });
  return getParkSummary(db, { actor: cli, parkSlug: slug, from, to, locale: 'en' });
}

describe('the summary’s support block', () => {
  it('counts the rent support of a lease crossing the period’s start and end, by hand, and changes by what a delivered request is worth', async () => {
    const db = await getDb();
    const { parkId, manager } = await makeManagedPark();
    const resident = await makeResident(manager, parkId, { startOn: '2019-01-01', represented: true });
    const {
      unitIds: [unit, other],
    } = await makeUnits(manager, parkId, [
      { name: 'Office 12', areaM2: '100.50' },
      { name: 'Office 13', areaM2: '40.00' },
    ]);

    expect(await summaryOf(parkId, 2020, 2021)).toMatchObject({ support: { rentRub: '0.00', servicesRub: '0.00', totalRub: '0.00', taxesPerSupportRub: null } });

    await createLease(db, {
      actor: manager,
      parkId,
      input: { residencyId: resident.residencyId, premisesId: unit, startOn: '2019-07-01', endOn: '2022-03-31', rateRubPerM2Month: '400.00', marketRateRubPerM2Month: '650.25' },
    });
    // Rates at or above the market's add nothing.
    const even = await createLease(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, premisesId: other, startOn: '2020-01-01', endOn: null } });
    await setLeaseRates(db, { actor: manager, parkId, input: { leaseId: even.id, rateRubPerM2Month: '500', marketRateRubPerM2Month: '450' } });

    // Inside 2020–2021: all of 2020 (366 days, a leap year) and 2021 (365) = 731 days.
    // (650.25 − 400.00) × 100.50 m² = 25 150.125 a month; × 12 / 365 × 731 = 604 429.853 424 6… → 604 429.85.
    const rentOnly = await summaryOf(parkId, 2020, 2021);
    expect(rentOnly.support).toEqual({ rentRub: '604429.85', servicesRub: '0.00', totalRub: '604429.85', taxesPerSupportRub: 0 });
    expect(rentOnly.narrative).toContain('The park\'s support of its residents was worth 604.4 thousand RUB');
    // 2022 alone: 1 January to 31 March, 90 days: 25 150.125 × 12 / 365 × 90 = 74 416.808 219… → 74 416.81.
    expect((await summaryOf(parkId, 2022, 2022)).support.rentRub).toBe('74416.81');
    // 2019 alone: 1 July to 31 December, 184 days: 25 150.125 × 12 / 365 × 184 = 152 141.030 136… → 152 141.03.
    expect((await summaryOf(parkId, 2019, 2019)).support.rentRub).toBe('152141.03');

    const service = await createService(db, { actor: manager, parkId, input: { name: 'Patent search', kind: 'ip', unit: 'item', marketPriceRub: '8000', residentPriceRub: '2500.50' } });
    const asked = await createServiceRequest(db, {
      actor: resident.representative,
      parkId,
      input: { companyId: resident.companyId, serviceId: service.id, quantity: '1' },
      today: '2021-11-29',
    });
    await deliverServiceRequest(db, { actor: manager, parkId, input: { requestId: asked.id, quantity: '1.5' }, today: '2021-12-03' });
    // (8000.00 − 2500.50) × 1.5 = 8249.25, in 2021 only.
    const withService = await summaryOf(parkId, 2020, 2021);
    expect(withService.support).toEqual({ rentRub: '604429.85', servicesRub: '8249.25', totalRub: '612679.10', taxesPerSupportRub: 0 });
    expect((await summaryOf(parkId, 2022, 2022)).support.servicesRub).toBe('0.00');
    // The other figures do not move.
    const { support: _a, narrative: _b, ...before } = rentOnly;
    const { support: _c, narrative: _d, ...after } = withService;
    expect(after).toEqual(before);
  });

  it('rounds once, half away from zero, from the exact sums, and divides the taxes by the exact total', async () => {
    const db = await getDb();
    const slug = uniq('sup-');
    const data: Dataset = {
      format: 'technopark-dataset/1',
      park: { slug, name: 'Support park', region: 'Test region', type: 'mixed', landAreaHa: null, foundedOn: null },
      buildings: [],
      premises: [],
      companies: [{ key: 'c', name: 'Resident', inn: null, smeCategory: 'small', industry: null, manufacturing: false }],
      applications: [],
      residencies: [{ key: 'r', company: 'c', application: null, agreementNumber: null, startOn: '2020-01-01', endOn: null, placement: 'extraterritorial' }],
      leases: [],
      taxIncentives: [],
      kpiReports: [
        {
          key: 'k',
          company: 'c',
          year: 2020,
          quarter: null,
          status: 'accepted',
          jobsCreated: 0,
          headcount: null,
          investmentRub: '0.00',
          capitalInvestmentRub: '0.00',
          incomeRub: '0.00',
          taxesPaidRub: '1000.00',
          rndSpendRub: null,
        },
      ],
      budgetFunding: [],
      programmes: [],
      services: [{ key: 's', name: 'Printing', kind: 'other', unit: 'item', marketPriceRub: '0.01', residentPriceRub: '0.00' }],
      // Three requests worth 0.01 × 0.50 = 0.005 each.
      serviceRequests: ['q1', 'q2', 'q3'].map((key) => ({
        key,
        company: 'c',
        service: 's',
        requestedOn: '2020-02-01',
        status: 'done' as const,
        doneOn: '2020-02-02',
        quantity: '0.50',
        unitPriceRub: '0.00',
        unitMarketPriceRub: '0.01',
      })),
    };
    const parkId = await insertDataset(db, data);
    // Exact 0.015 → 0.02 (half away from zero), not 3 × round(0.005); taxes per rouble: 1000 ÷ 0.015
    // = 66 666.666… → 66 666.67, not 1000 ÷ 0.02 = 50 000.
    expect((await summaryOf(parkId, 2020, 2020)).support).toEqual({ rentRub: '0.00', servicesRub: '0.02', totalRub: '0.02', taxesPerSupportRub: 66666.67 });
    // Nothing done in 2021: no support, no ratio.
    expect((await summaryOf(parkId, 2021, 2021)).support).toEqual({ rentRub: '0.00', servicesRub: '0.00', totalRub: '0.00', taxesPerSupportRub: null });
  });

  it('takes a lease’s two rates together or not at all', async () => {
    const db = await getDb();
    const { parkId, manager } = await makeManagedPark();
    const resident = await makeResident(manager, parkId, { startOn: '2019-01-01' });
    const {
      unitIds: [unit],
    } = await makeUnits(manager, parkId, [{ name: 'Office 1', areaM2: '10' }]);
    const alone = await refusalOf(
      createLease(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, premisesId: unit, startOn: '2020-01-01', endOn: null, rateRubPerM2Month: '100' } }),
    );
    expect(alone).toMatchObject({ code: 'VALIDATION', fieldErrors: { marketRateRubPerM2Month: ['leaseRatesTogether'] } });
    const lease = await createLease(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, premisesId: unit, startOn: '2020-01-01', endOn: null } });
    expect(lease).toMatchObject({ rateRubPerM2Month: null, marketRateRubPerM2Month: null });
    expect(await codeOf(setLeaseRates(db, { actor: manager, parkId, input: { leaseId: lease.id, rateRubPerM2Month: null, marketRateRubPerM2Month: '300' } }))).toBe('VALIDATION');
    expect(await codeOf(setLeaseRates(db, { actor: manager, parkId, input: { leaseId: lease.id, rateRubPerM2Month: '-1', marketRateRubPerM2Month: '300' } }))).toBe('VALIDATION');
    expect(await setLeaseRates(db, { actor: manager, parkId, input: { leaseId: lease.id, rateRubPerM2Month: '150', marketRateRubPerM2Month: '300' } })).toMatchObject({
      rateRubPerM2Month: '150.00',
      marketRateRubPerM2Month: '300.00',
    });
  });
});
