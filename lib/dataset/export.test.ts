import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applications, companies, kpiReports, parks, serviceRequests, services } from '@/db/schema';
import { kuzbassDataset, tomskDataset } from '@/lib/demo/dataset';
import { systemActor } from '@/lib/auth/actor';
import { createBudgetEntry } from '@/lib/budget/budget';
import { rowCounts, smallDataset, smallDatasetExported } from '@/lib/test/dataset-fixture';
import { makeAdmin, makeAnalyst, makeManager, makePark, uniq } from '@/lib/test/fixtures';
import { withFreshDatabase } from '@/lib/test/fresh-database';
import type { Dataset } from '@/lib/validation/dataset';
import { parseDataset } from './parse';
import { exportDataset } from './export';
import { importDataset } from './import';

const actor = systemActor('cli');

async function importFile(input: unknown) {
  return importDataset(await getDb(), { actor: systemActor('import'), input });
}

async function exportPark(slug: string) {
  return exportDataset(await getDb(), { actor, parkSlug: slug });
}

const unchanged = (result: Awaited<ReturnType<typeof importDataset>>) =>
  Object.values(result.counts).every((c) => c.created === 0 && c.updated === 0) && !result.park.created && !result.park.updated;

/** Every list sorted by key, in code-point order, as the export orders them. */
function sortedByKey(data: Dataset): Dataset {
  const sort = <T extends { key: string }>(list: T[]) => [...list].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    ...data,
    buildings: sort(data.buildings),
    premises: sort(data.premises),
    companies: sort(data.companies),
    applications: sort(data.applications),
    residencies: sort(data.residencies),
    leases: sort(data.leases),
    taxIncentives: sort(data.taxIncentives),
    kpiReports: sort(data.kpiReports),
    budgetFunding: sort(data.budgetFunding),
    programmes: sort(data.programmes),
    services: sort(data.services),
    serviceRequests: sort(data.serviceRequests),
  };
}

/**
 * Records made in the UI carry no key. The UI's own functions are not what this tests, so the rows
 * are written as those functions leave them: an applicant's company (no park, no key), its
 * application to the park, and a keyless report of an imported resident.
 */
async function addKeylessRecords(slug: string) {
  const db = await getDb();
  const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, slug));
  const [own] = await db.insert(companies).values({ name: 'ООО «Своя»', smeCategory: 'micro' }).returning({ id: companies.id });
  const [application] = await db
    .insert(applications)
    .values({ parkId: park.id, companyId: own.id, title: 'Own idea', status: 'submitted', submittedOn: '2021-04-01' })
    .returning({ id: applications.id });
  const [c1] = await db.select({ id: companies.id }).from(companies).where(eq(companies.parkId, park.id)).orderBy(companies.key).limit(1);
  const [report] = await db
    .insert(kpiReports)
    .values({ parkId: park.id, companyId: c1.id, year: 2021, status: 'accepted', jobsCreated: 2, investmentRub: '10.00', capitalInvestmentRub: '5.00', incomeRub: '20.00', taxesPaidRub: '3.00' })
    .returning({ id: kpiReports.id });
  await db.insert(kpiReports).values({ parkId: park.id, companyId: c1.id, year: 2022, status: 'draft' });
  // A draft just begun: the applicant has not typed a title yet.
  await db.insert(applications).values({ parkId: park.id, companyId: own.id, title: '' });
  // A second regional tranche of 2020 next to the file's bf-1, entered on the budget page.
  const tranche = await createBudgetEntry(db, {
    actor: systemActor('cli'),
    input: { parkId: park.id, year: 2020, source: 'regional', amountRub: '250000.00', document: null },
  });
  // A service added to the catalogue and a request delivered in the product.
  const [service] = await db
    .insert(services)
    .values({ parkId: park.id, name: 'Legal advice', kind: 'legal', unit: 'hour', marketPriceRub: '4000.00', residentPriceRub: '1000.00' })
    .returning({ id: services.id });
  const [request] = await db
    .insert(serviceRequests)
    .values({
      parkId: park.id,
      companyId: c1.id,
      serviceId: service.id,
      requestedOn: '2021-03-01',
      status: 'done',
      doneOn: '2021-03-05',
      quantity: '1.25',
      unitPriceRub: '1000.00',
      unitMarketPriceRub: '4000.00',
      description: 'Lease agreement review',
    })
    .returning({ id: serviceRequests.id });
  return { companyId: own.id, applicationId: application.id, reportId: report.id, fundingId: tranche.id, serviceId: service.id, requestId: request.id };
}

describe('exportDataset', () => {
  it('writes the park as the file said, amounts as two-decimal strings, lists by key', async () => {
    const slug = uniq('exp-');
    await importFile(smallDataset(slug));
    expect(await exportPark(slug)).toEqual(smallDatasetExported(slug));
  });

  it('writes records made in the UI with their id as key, and they import back onto themselves', async () => {
    const slug = uniq('exp-');
    await importFile(smallDataset(slug));
    const ui = await addKeylessRecords(slug);
    const exported = await exportPark(slug);

    expect(exported.companies.find((c) => c.key === ui.companyId)).toEqual({
      key: ui.companyId,
      name: 'ООО «Своя»',
      inn: null,
      smeCategory: 'micro',
      industry: null,
      manufacturing: false,
    });
    expect(exported.applications.map((a) => a.key)).toEqual(['a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'a-6', ui.applicationId].sort());
    expect(exported.applications.find((a) => a.key === ui.applicationId)).toEqual({
      key: ui.applicationId,
      company: ui.companyId,
      title: 'Own idea',
      submittedOn: '2021-04-01',
      screening: null,
      council: null,
    });
    expect(exported.kpiReports.map((k) => k.key)).toEqual(['k-1', 'k-2', ui.reportId].sort());
    const funding = [
      { key: 'bf-1', year: 2020, source: 'regional', amountRub: '15000000.00' },
      { key: ui.fundingId, year: 2020, source: 'regional', amountRub: '250000.00' },
    ];
    expect(exported.budgetFunding).toEqual(ui.fundingId < 'bf-1' ? funding.reverse() : funding);
    expect(exported.services.find((s) => s.key === ui.serviceId)).toEqual({
      key: ui.serviceId,
      name: 'Legal advice',
      kind: 'legal',
      unit: 'hour',
      marketPriceRub: '4000.00',
      residentPriceRub: '1000.00',
    });
    expect(exported.serviceRequests.find((r) => r.key === ui.requestId)).toEqual({
      key: ui.requestId,
      company: 'c-1',
      service: ui.serviceId,
      requestedOn: '2021-03-01',
      status: 'done',
      doneOn: '2021-03-05',
      quantity: '1.25',
      unitPriceRub: '1000.00',
      unitMarketPriceRub: '4000.00',
    });
    expect(parseDataset(JSON.parse(JSON.stringify(exported)))).toMatchObject({ ok: true });

    const db = await getDb();
    const before = await rowCounts(db);
    expect(unchanged(await importFile(exported))).toBe(true);
    expect(await rowCounts(db)).toEqual({ ...before, audit_log: before.audit_log + 1 });
    expect(await exportPark(slug)).toEqual(exported);
  });

  it('round trip: export, import into an empty database, export again gives the same JSON', async () => {
    const slug = uniq('exp-');
    await importFile(smallDataset(slug));
    await addKeylessRecords(slug);
    const first = JSON.stringify(await exportPark(slug), null, 2);

    const second = await withFreshDatabase(async () => {
      const result = await importFile(JSON.parse(first));
      expect(result.park.created).toBe(true);
      return JSON.stringify(await exportPark(slug), null, 2);
    });
    expect(second).toBe(first);
  });

  it('the demo parks export as their data sets and re-import to the same JSON', async () => {
    for (const dataset of [kuzbassDataset, tomskDataset]) {
      const original = dataset();
      await importFile(original);
      const exported = await exportPark(original.park.slug);
      const normalised = parseDataset(JSON.parse(JSON.stringify(original)));
      if (!normalised.ok) throw new Error(normalised.error);
      expect(exported).toEqual(sortedByKey(normalised.data));

      const before = await rowCounts(await getDb());
      expect(unchanged(await importFile(exported))).toBe(true);
      expect(await rowCounts(await getDb())).toEqual({ ...before, audit_log: before.audit_log + 1 });

      const again = await withFreshDatabase(async () => {
        await importFile(exported);
        return exportPark(original.park.slug);
      });
      expect(JSON.stringify(again)).toBe(JSON.stringify(exported));
    }
  });

  it('is for the park’s managers and admins; anyone else is told the park does not exist', async () => {
    const slug = uniq('exp-');
    await importFile(smallDataset(slug));
    const db = await getDb();
    const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, slug));
    const other = await makePark();

    const manager = await makeManager(park.id);
    expect((await exportDataset(db, { actor: manager, parkSlug: slug })).park.slug).toBe(slug);
    const admin = await makeAdmin();
    expect((await exportDataset(db, { actor: admin, parkSlug: slug })).companies).toHaveLength(3);

    const otherManager = await makeManager(other.id);
    await expect(exportDataset(db, { actor: otherManager, parkSlug: slug })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const analyst = await makeAnalyst(park.id);
    await expect(exportDataset(db, { actor: analyst, parkSlug: slug })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(exportDataset(db, { actor: admin, parkSlug: 'no-such-park' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
