import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { systemActor } from '@/lib/auth/actor';
import { insertDataset } from '@/lib/test/insert-dataset';
import type { Dataset } from '@/lib/validation/dataset';
import { getOccupancyHistory } from './analytics/occupancy-history';

/*
 * The month-end sweep of getOccupancyHistory against the definition read literally: on each month's
 * last day, the area of the units available that day, of those leased that day, and of those leased
 * to a manufacturing company, summed here in hundredths of a square metre.
 */

const cli = systemActor('cli');
const BASE = Date.UTC(2012, 0, 1);
const DAYS = 7 * 366;
const iso = (offset: number) => new Date(BASE + offset * 86_400_000).toISOString().slice(0, 10);
/** Month boundaries (each month's first and last day) of 2012–2018: where an off-by-one shows. */
const boundaries = Array.from({ length: 7 * 12 }, (_, m) => {
  const first = Date.UTC(2012, m, 1);
  const last = Date.UTC(2012, m + 1, 0);
  return [(first - BASE) / 86_400_000, (last - BASE) / 86_400_000];
}).flat();
const day = fc.oneof(fc.constantFrom(...boundaries), fc.integer({ min: 0, max: DAYS - 1 }));

type Unit = { areaHundredths: number; from: number | null; to: number | null; leases: { start: number; end: number | null; company: number }[] };

/** A unit with its availability and its leases: disjoint, inside the availability, each to one of the companies. */
const unit = (companies: number) =>
  fc
    .record({
      areaHundredths: fc.integer({ min: 1, max: 1_000_000 }),
      cuts: fc.uniqueArray(day, { maxLength: 8 }),
      openEnded: fc.boolean(),
      boundedFrom: fc.boolean(),
      boundedTo: fc.boolean(),
      lessees: fc.array(fc.integer({ min: 0, max: companies - 1 }), { minLength: 4, maxLength: 4 }),
      slack: fc.integer({ min: 0, max: 400 }),
    })
    .map(({ areaHundredths, cuts, openEnded, boundedFrom, boundedTo, lessees, slack }): Unit => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const leases: Unit['leases'] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) leases.push({ start: sorted[i], end: sorted[i + 1], company: lessees[i / 2] });
      if (sorted.length % 2 === 1) leases.push({ start: sorted.at(-1)!, end: openEnded ? null : sorted.at(-1)!, company: lessees[3] });
      const first = leases[0]?.start ?? slack;
      const lastEnd = leases.length ? leases.at(-1)!.end : slack;
      return {
        areaHundredths,
        leases,
        from: boundedFrom ? Math.max(0, first - slack) : null,
        to: boundedTo && lastEnd !== null ? lastEnd + slack : null,
      };
    });

const world = fc
  .record({ manufacturing: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), fromYear: fc.integer({ min: 2012, max: 2017 }), years: fc.integer({ min: 1, max: 3 }) })
  .chain((w) => fc.record({ units: fc.array(unit(w.manufacturing.length), { maxLength: 6 }) }).map((u) => ({ ...w, ...u })));

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

const decimal = (hundredths: bigint) => `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;

function datasetOf(w: World, slug: string): Dataset {
  const companies = w.manufacturing.map((manufacturing, i) => ({ key: `c${i}`, name: `Company ${i}`, inn: null, smeCategory: 'small' as const, industry: null, manufacturing }));
  return {
    format: 'technopark-dataset/1',
    park: { slug, name: slug, region: 'Test region', type: 'industrial', landAreaHa: null, foundedOn: null },
    buildings: [{ key: 'b', name: 'Building' }],
    premises: w.units.map((u, i) => ({
      key: `p${i}`,
      building: 'b',
      name: `Unit ${i}`,
      kind: 'office' as const,
      areaM2: decimal(BigInt(u.areaHundredths)),
      availableFrom: u.from === null ? null : iso(u.from),
      availableTo: u.to === null ? null : iso(u.to),
    })),
    companies,
    applications: [],
    // One on-site residency per company over the whole time: a lease must lie inside one.
    residencies: companies.map((c) => ({ key: `r${c.key}`, company: c.key, application: null, agreementNumber: null, startOn: '2000-01-01', endOn: null, placement: 'on_site' as const })),
    leases: w.units.flatMap((u, i) =>
      u.leases.map((l, j) => ({ key: `l${i}-${j}`, company: `c${l.company}`, premises: `p${i}`, startOn: iso(l.start), endOn: l.end === null ? null : iso(l.end), rateRubPerM2Month: null, marketRateRubPerM2Month: null })),
    ),
    taxIncentives: [],
    kpiReports: [],
    budgetFunding: [],
    programmes: [],
    services: [],
    serviceRequests: [],
  };
}

/** The figures of each month's last day, from the definition. */
function expected(w: World): { day: string; totalM2: string; leasedM2: string; manufacturingM2: string }[] {
  const months = [];
  for (let year = w.fromYear; year < w.fromYear + w.years; year++)
    for (let month = 0; month < 12; month++) {
      const d = (Date.UTC(year, month + 1, 0) - BASE) / 86_400_000;
      let total = 0n;
      let leased = 0n;
      let manufacturing = 0n;
      for (const u of w.units) {
        if ((u.from !== null && u.from > d) || (u.to !== null && u.to < d)) continue;
        total += BigInt(u.areaHundredths);
        const lease = u.leases.find((l) => l.start <= d && (l.end === null || l.end >= d));
        if (!lease) continue;
        leased += BigInt(u.areaHundredths);
        if (w.manufacturing[lease.company]) manufacturing += BigInt(u.areaHundredths);
      }
      months.push({ day: iso(d), totalM2: decimal(total), leasedM2: decimal(leased), manufacturingM2: decimal(manufacturing) });
    }
  return months;
}

describe('getOccupancyHistory over random units and leases', () => {
  it('gives on every month’s last day the area available, leased and leased to manufacturers', async () => {
    const db = await getDb();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const slug = `occ-${run++}`;
        await insertDataset(db, datasetOf(w, slug));
        const o = await getOccupancyHistory(db, { actor: cli, parkSlug: slug, from: w.fromYear, to: w.fromYear + w.years - 1 });
        expect(o.months.map(({ day, totalM2, leasedM2, manufacturingM2 }) => ({ day, totalM2, leasedM2, manufacturingM2 }))).toEqual(expected(w));
      }),
      { numRuns: 40 },
    );
  });
});
