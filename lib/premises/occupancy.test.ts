import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { makeExpert, makeManager, makePark } from '@/lib/test/fixtures';
import { makeResident, makeUnits } from '@/lib/test/residents-fixtures';
import { createLease } from './leases';
import { getOccupancy, type Occupancy } from './occupancy';

type Manager = Awaited<ReturnType<typeof makeManager>>;

/*
 * A mixed park, worked out by hand.
 *   Building A: A1 office 100.00 m² (from 2020-01-01), A2 laboratory 50.50, A3 production 200.00 (from
 *   2024-03-01), A4 office 30.00 (until 2023-12-31, then retired).  Building B: B1 coworking 149.50.
 *   R1 (manufacturing) leases A1 2023-02-01..2024-05-31 and A3 from 2024-03-01;
 *   R2 (not manufacturing) leases A4 2023-06-15..2023-12-31, A2 2023-07-01..2024-01-31, B1 from 2024-02-01.
 *   R3 is extraterritorial and leases nothing.
 *
 *   2023-12-31: available A1+A2+A4+B1 = 330.00; leased A1+A2+A4 = 180.50 → 54.7 %;
 *               manufacturing 100.00 of 180.50 → 55.4 %.
 *   2024-01-01: A4 retired. available A1+A2+B1 = 300.00; leased A1+A2 = 150.50 → 50.2 %;
 *               manufacturing 100.00 of 150.50 → 66.4 %.
 *   2024-03-01: A3 opens, A2's lease is over, B1 leased. available 500.00; leased A1+A3+B1 = 449.50 → 89.9 %;
 *               manufacturing 300.00 of 449.50 → 66.7 %.
 *   2024-06-01: A1's lease is over. leased A3+B1 = 349.50 of 500.00 → 69.9 %; manufacturing 200.00 → 57.2 %.
 */
let manager: Manager;
let parkId: string;
let names: { r1: string; r2: string };

beforeAll(async () => {
  const db = await getDb();
  parkId = (await makePark({ type: 'mixed' })).id;
  manager = await makeManager(parkId);
  const a = await makeUnits(
    manager,
    parkId,
    [
      { name: 'A1', kind: 'office', areaM2: '100.00', availableFrom: '2020-01-01' },
      { name: 'A2', kind: 'laboratory', areaM2: '50.50' },
      { name: 'A3', kind: 'production', areaM2: '200', availableFrom: '2024-03-01' },
      { name: 'A4', kind: 'office', areaM2: '30', availableTo: '2023-12-31' },
    ],
    'Building A',
  );
  const b = await makeUnits(manager, parkId, [{ name: 'B1', kind: 'coworking', areaM2: '149.5' }], 'Building B');
  const [a1, a2, a3, a4] = a.unitIds;
  const [b1] = b.unitIds;
  const r1 = await makeResident(manager, parkId, { manufacturing: true, startOn: '2023-01-01', decidedOn: '2022-12-01', submittedOn: '2022-11-01' });
  const r2 = await makeResident(manager, parkId, { manufacturing: false, startOn: '2023-06-01', decidedOn: '2022-12-01', submittedOn: '2022-11-01' });
  await makeResident(manager, parkId, { placement: 'extraterritorial', startOn: '2023-01-01', decidedOn: '2022-12-01', submittedOn: '2022-11-01' });
  names = { r1: r1.companyName, r2: r2.companyName };
  const lease = (residencyId: string, premisesId: string, startOn: string, endOn: string | null) =>
    createLease(db, { actor: manager, parkId, input: { residencyId, premisesId, startOn, endOn } });
  await lease(r1.residencyId, a1, '2023-02-01', '2024-05-31');
  await lease(r1.residencyId, a3, '2024-03-01', null);
  await lease(r2.residencyId, a4, '2023-06-15', '2023-12-31');
  await lease(r2.residencyId, a2, '2023-07-01', '2024-01-31');
  await lease(r2.residencyId, b1, '2024-02-01', null);
});

const at = async (date: string) => getOccupancy(await getDb(), { actor: manager, parkId, at: date });
const states = (o: Occupancy) => Object.fromEntries(o.buildings.flatMap((b) => b.units.map((u) => [u.name, u.state])));

describe('getOccupancy', () => {
  it('on 2023-12-31 (the retiring unit’s last day)', async () => {
    const o = await at('2023-12-31');
    expect(o).toMatchObject({ availableM2: '330.00', leasedM2: '180.50', usePct: 54.7, manufacturingLeasedM2: '100.00', manufacturingSharePct: 55.4 });
    expect(states(o)).toEqual({ A1: 'leased', A2: 'leased', A3: 'unavailable', A4: 'leased', B1: 'free' });
    const buildingA = o.buildings.find((b) => b.name === 'Building A')!;
    expect(buildingA).toMatchObject({ availableM2: '180.50', leasedM2: '180.50', usePct: 100 });
  });

  it('on 2024-01-01, after the unit retired', async () => {
    const o = await at('2024-01-01');
    expect(o).toMatchObject({ availableM2: '300.00', leasedM2: '150.50', usePct: 50.2, manufacturingSharePct: 66.4 });
    expect(states(o)).toEqual({ A1: 'leased', A2: 'leased', A3: 'unavailable', A4: 'unavailable', B1: 'free' });
  });

  it('on 2024-03-01, with the new unit open and leased, with tenants and lease ends', async () => {
    const o = await at('2024-03-01');
    expect(o).toMatchObject({ availableM2: '500.00', leasedM2: '449.50', usePct: 89.9, manufacturingLeasedM2: '300.00', manufacturingSharePct: 66.7 });
    expect(states(o)).toEqual({ A1: 'leased', A2: 'free', A3: 'leased', A4: 'unavailable', B1: 'leased' });
    const units = o.buildings.flatMap((b) => b.units);
    expect(units.find((u) => u.name === 'A1')!.tenant).toMatchObject({ companyName: names.r1, leaseEndOn: '2024-05-31', manufacturing: true });
    expect(units.find((u) => u.name === 'B1')!.tenant).toMatchObject({ companyName: names.r2, leaseEndOn: null, manufacturing: false });
    expect(units.find((u) => u.name === 'A2')!.tenant).toBeNull();
    // A mixed park: the 50 % rule is not its rule.
    expect(o.manufacturingRule).toEqual({ applies: false, met: null });
  });

  it('on 2024-06-01, the day after a lease ended', async () => {
    const o = await at('2024-06-01');
    expect(o).toMatchObject({ availableM2: '500.00', leasedM2: '349.50', usePct: 69.9, manufacturingSharePct: 57.2 });
  });

  it('before anything was available or leased', async () => {
    const o = await at('2019-06-01');
    // A2, A4 and B1 have no start of availability: they count as available from always.
    expect(o).toMatchObject({ availableM2: '230.00', leasedM2: '0.00', usePct: 0, manufacturingSharePct: 0 });
  });

  it('is for the park’s managers only', async () => {
    const expert = await makeExpert(parkId);
    await expect(getOccupancy(await getDb(), { actor: expert, parkId, at: '2024-01-01' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const otherManager = await makeManager((await makePark()).id);
    await expect(getOccupancy(await getDb(), { actor: otherManager, parkId, at: '2024-01-01' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the premises grid', () => {
  it('lists buildings and units in natural order: cell 2 before cell 10, building 9 before building 10', async () => {
    const park = (await makePark()).id;
    const m = await makeManager(park);
    await makeUnits(m, park, [{ name: 'cell 10', areaM2: '10' }, { name: 'cell 2', areaM2: '10' }, { name: 'cell 1', areaM2: '10' }], 'Building 10');
    await makeUnits(m, park, [{ name: 'room 3', areaM2: '10' }], 'Building 9');
    const grid = await getOccupancy(await getDb(), { actor: m, parkId: park, at: '2024-01-01' });
    expect(grid.buildings.map((b) => [b.name, b.units.map((u) => u.name)])).toEqual([
      ['Building 9', ['room 3']],
      ['Building 10', ['cell 1', 'cell 2', 'cell 10']],
    ]);
  });
});

describe('the industrial park’s 50 % rule', () => {
  it('is met at exactly half of the leased area, and flagged below it', async () => {
    const db = await getDb();
    const park = (await makePark({ type: 'industrial' })).id;
    const m = await makeManager(park);
    const { unitIds } = await makeUnits(m, park, [
      { name: 'P1', kind: 'production', areaM2: '125' },
      { name: 'O1', kind: 'office', areaM2: '125' },
      { name: 'O2', kind: 'office', areaM2: '10' },
    ]);
    const maker = await makeResident(m, park, { manufacturing: true, startOn: '2024-01-01' });
    const office = await makeResident(m, park, { manufacturing: false, startOn: '2024-01-01' });
    const lease = (residencyId: string, premisesId: string, startOn: string) => createLease(db, { actor: m, parkId: park, input: { residencyId, premisesId, startOn, endOn: null } });
    await lease(maker.residencyId, unitIds[0], '2024-02-01');
    await lease(office.residencyId, unitIds[1], '2024-02-01');
    await lease(office.residencyId, unitIds[2], '2024-04-01');

    const nothing = await getOccupancy(db, { actor: m, parkId: park, at: '2024-01-15' });
    expect(nothing.manufacturingRule).toEqual({ applies: true, met: null });

    // 125 of 250 m²: exactly half.
    const half = await getOccupancy(db, { actor: m, parkId: park, at: '2024-03-01' });
    expect(half).toMatchObject({ leasedM2: '250.00', manufacturingLeasedM2: '125.00', manufacturingSharePct: 50, manufacturingRule: { applies: true, met: true } });

    // 125 of 260 m² = 48.08 %: below the rule.
    const below = await getOccupancy(db, { actor: m, parkId: park, at: '2024-04-01' });
    expect(below).toMatchObject({ leasedM2: '260.00', manufacturingSharePct: 48.1, manufacturingRule: { applies: true, met: false } });
  });
});
