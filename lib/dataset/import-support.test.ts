import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { parks, serviceRequests } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { editable, rowCounts, smallDataset } from '@/lib/test/dataset-fixture';
import { uniq } from '@/lib/test/fixtures';
import { exportDataset } from './export';
import { importDataset } from './import';

/*
 * The resident-support part of the data set (docs/data-set.md, "Resident support"): lease rates,
 * `services` and `serviceRequests`. Each refusal the contract lists names the record and writes nothing.
 */

const actor = systemActor('import');

async function importFile(input: unknown) {
  return importDataset(await getDb(), { actor, input });
}

async function expectRefused(input: unknown, message: string) {
  const db = await getDb();
  const before = await rowCounts(db);
  const error = await importFile(input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).message).toBe(message);
  expect((error as AppError).code).toBe('VALIDATION');
  expect(await rowCounts(db)).toEqual(before);
}

describe('the data set’s resident support', () => {
  it('imports a file without the new lists and fields as before: none of them, and the export writes them empty', async () => {
    const slug = uniq('sup-');
    const data = editable(slug);
    delete data.services;
    delete data.serviceRequests;
    delete data.leases[0].rateRubPerM2Month;
    delete data.leases[0].marketRateRubPerM2Month;
    const result = await importFile(data);
    expect(result.counts.services).toEqual({ created: 0, updated: 0, unchanged: 0 });
    const exported = await exportDataset(await getDb(), { actor: systemActor('cli'), parkSlug: slug });
    expect(exported.services).toEqual([]);
    expect(exported.serviceRequests).toEqual([]);
    expect(exported.leases[0]).toMatchObject({ rateRubPerM2Month: null, marketRateRubPerM2Month: null });
  });

  it('updates a changed request in place by its key, and a second import changes nothing', async () => {
    const slug = uniq('sup-');
    await importFile(smallDataset(slug));
    const data = editable(slug);
    data.serviceRequests[1] = { ...data.serviceRequests[1], status: 'done', doneOn: '2021-05-20', quantity: '2', unitPriceRub: '12500.50', unitMarketPriceRub: '25000.00' };
    data.leases[0].rateRubPerM2Month = '360.00';
    const changed = await importFile(data);
    expect(changed.counts.serviceRequests).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(changed.counts.leases).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const again = await importFile(data);
    expect(again.counts.serviceRequests).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const db = await getDb();
    const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, slug));
    const rows = await db.select().from(serviceRequests).where(eq(serviceRequests.parkId, park.id));
    expect(rows.find((r) => r.key === 'sr-2')).toMatchObject({ status: 'done', doneOn: '2021-05-20', quantity: '2.00' });
  });

  describe('refuses, naming the record and writing nothing', () => {
    it('a resident price above the market price', async () => {
      const data = editable(uniq('sup-'));
      data.services[0].residentPriceRub = '3000.01';
      await expectRefused(data, 'services[0].residentPriceRub: 3000.01 is above marketPriceRub 3000.00');
    });

    it('a lease rate without its market rate, or the other way round', async () => {
      const data = editable(uniq('sup-'));
      data.leases[0].marketRateRubPerM2Month = null;
      await expectRefused(data, 'leases[0].marketRateRubPerM2Month: missing: rateRubPerM2Month needs the market rate beside it');
      const other = editable(uniq('sup-'));
      other.leases[0].rateRubPerM2Month = null;
      await expectRefused(other, 'leases[0].rateRubPerM2Month: missing: marketRateRubPerM2Month needs the resident’s rate beside it');
    });

    it('a request of a company with no residency on its requestedOn', async () => {
      const data = editable(uniq('sup-'));
      // c-1's residency starts on 2020-01-09.
      data.serviceRequests[0].requestedOn = '2020-01-08';
      await expectRefused(data, 'serviceRequests[0].requestedOn: company "c-1" holds no residency in the park on 2020-01-08');
      const never = editable(uniq('sup-'));
      never.serviceRequests[1].company = 'c-3';
      await expectRefused(never, 'serviceRequests[1].requestedOn: company "c-3" holds no residency in the park on 2021-05-05');
    });

    it('a doneOn unless the request is done, and none when it is', async () => {
      const data = editable(uniq('sup-'));
      data.serviceRequests[1].doneOn = '2021-05-06';
      await expectRefused(data, 'serviceRequests[1].doneOn: only a done request has a doneOn (status is "requested")');
      const missing = editable(uniq('sup-'));
      missing.serviceRequests[0].doneOn = null;
      await expectRefused(missing, 'serviceRequests[0].doneOn: missing: a done request has its doneOn');
    });

    it('a doneOn before the requestedOn', async () => {
      const data = editable(uniq('sup-'));
      data.serviceRequests[0].doneOn = '2020-03-01';
      await expectRefused(data, 'serviceRequests[0].doneOn: 2020-03-01 is before requestedOn 2020-03-02');
    });

    it('a done request without both unit prices', async () => {
      const data = editable(uniq('sup-'));
      data.serviceRequests[0].unitMarketPriceRub = null;
      await expectRefused(data, 'serviceRequests[0].unitMarketPriceRub: missing: a done request has both unit prices');
      const other = editable(uniq('sup-'));
      delete other.serviceRequests[0].unitPriceRub;
      await expectRefused(other, 'serviceRequests[0].unitPriceRub: missing: a done request has both unit prices');
    });

    it('a quantity that is not above zero, or has more than two decimals', async () => {
      for (const [quantity, reason] of [
        [0, 'must be greater than zero'],
        ['0.00', 'must be greater than zero'],
        [-1, 'must not be negative'],
        ['1.005', 'at most two decimals'],
      ] as const) {
        const data = editable(uniq('sup-'));
        data.serviceRequests[0].quantity = quantity;
        await expectRefused(data, `serviceRequests[0].quantity: ${reason}`);
      }
    });

    it('a negative price, an unknown service, a duplicate key and an unknown field', async () => {
      const negative = editable(uniq('sup-'));
      negative.serviceRequests[0].unitPriceRub = '-1.00';
      await expectRefused(negative, 'serviceRequests[0].unitPriceRub: must not be negative');
      const unknown = editable(uniq('sup-'));
      unknown.serviceRequests[0].service = 's-9';
      await expectRefused(unknown, 'serviceRequests[0].service: no service with key "s-9"');
      const duplicate = editable(uniq('sup-'));
      duplicate.services[1].key = 's-1';
      duplicate.serviceRequests = [];
      await expectRefused(duplicate, 'services[1].key: duplicate key "s-1"');
      const extra = editable(uniq('sup-'));
      extra.services[0].active = false;
      const error = await importFile(extra).then(
        () => null,
        (e: unknown) => e as AppError,
      );
      expect(error?.message).toMatch(/^services\[0\]/);
    });
  });
});
