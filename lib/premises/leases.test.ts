import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, leases, premises } from '@/db/schema';
import type { UserActor } from '@/lib/auth/permissions';
import { makeManagedPark, makeManager, makePark } from '@/lib/test/fixtures';
import { makeResident, makeUnits } from '@/lib/test/residents-fixtures';
import { createLease, endLease, listLeaseOptions, listLeases, listUnitLeases } from './leases';
import { createUnit, listBuildings, listUnits, retireUnit, updateUnit } from './premises';

let parkId: string;
let manager: UserActor;

beforeAll(async () => ({ parkId, manager } = await makeManagedPark()));

async function leaseCount(unitId: string) {
  const db = await getDb();
  return (await db.select({ id: leases.id }).from(leases).where(eq(leases.premisesId, unitId))).length;
}

describe('createLease', () => {
  it('leases a unit to an on-site resident and writes the audit row in the same transaction', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-01-01' });
    const { unitIds } = await makeUnits(manager, parkId, [{ name: 'Office 101', areaM2: '42.50' }]);
    const lease = await createLease(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, premisesId: unitIds[0], startOn: '2024-02-01', endOn: '2024-12-31' } });
    expect(lease).toMatchObject({ companyId: resident.companyId, premisesId: unitIds[0], startOn: '2024-02-01', endOn: '2024-12-31' });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'lease'), eq(auditLog.entityId, lease.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'lease.create', actorId: manager.userId, parkId });
  });

  it('of two simultaneous leases of one unit for the same days, the database lets one win and refuses the other clearly', async () => {
    const a = await makeResident(manager, parkId, { startOn: '2024-01-01' });
    const b = await makeResident(manager, parkId, { startOn: '2024-01-01' });
    const { unitIds } = await makeUnits(manager, parkId, [{ name: 'Lab 7', kind: 'laboratory', areaM2: '80' }]);
    const db = await getDb();
    const results = await Promise.allSettled([
      createLease(db, { actor: manager, parkId, input: { residencyId: a.residencyId, premisesId: unitIds[0], startOn: '2024-03-01', endOn: '2024-08-31' } }),
      createLease(db, { actor: manager, parkId, input: { residencyId: b.residencyId, premisesId: unitIds[0], startOn: '2024-05-01', endOn: null } }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toMatchObject({ code: 'CONFLICT', key: 'db.leases_no_overlap', message: 'the premises are already leased for some of these days' });
    expect(await leaseCount(unitIds[0])).toBe(1);
  });

  it('treats end dates as inclusive: a lease may begin the day after the previous one ends, not on it', async () => {
    const db = await getDb();
    const a = await makeResident(manager, parkId, { startOn: '2024-01-01' });
    const b = await makeResident(manager, parkId, { startOn: '2024-01-01' });
    const { unitIds } = await makeUnits(manager, parkId, [{ name: 'Office 5', areaM2: '20' }]);
    await createLease(db, { actor: manager, parkId, input: { residencyId: a.residencyId, premisesId: unitIds[0], startOn: '2024-01-15', endOn: '2024-06-30' } });
    await expect(
      createLease(db, { actor: manager, parkId, input: { residencyId: b.residencyId, premisesId: unitIds[0], startOn: '2024-06-30', endOn: null } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', key: 'db.leases_no_overlap' });
    await createLease(db, { actor: manager, parkId, input: { residencyId: b.residencyId, premisesId: unitIds[0], startOn: '2024-07-01', endOn: null } });
    expect(await leaseCount(unitIds[0])).toBe(2);
  });

  it('refuses a lease outside the unit’s availability or outside the residency', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-01-01', endOn: '2025-12-31' });
    const { unitIds } = await makeUnits(manager, parkId, [{ name: 'Bay 1', kind: 'production', areaM2: '300', availableFrom: '2024-03-01' }]);
    const lease = (startOn: string, endOn: string | null) =>
      createLease(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, premisesId: unitIds[0], startOn, endOn } });
    await expect(lease('2024-02-01', '2024-12-31')).rejects.toMatchObject({ code: 'VALIDATION', key: 'db.leases_within_availability' });
    // Open-ended against a residency that ends: it would outlive the residency.
    await expect(lease('2024-03-01', null)).rejects.toMatchObject({ code: 'VALIDATION', key: 'db.leases_within_residency' });
    await expect(lease('2024-03-01', '2026-01-31')).rejects.toMatchObject({ code: 'VALIDATION', key: 'db.leases_within_residency' });
    expect(await leaseCount(unitIds[0])).toBe(0);
    await lease('2024-03-01', '2025-12-31');
    expect(await leaseCount(unitIds[0])).toBe(1);
  });

  it('an extraterritorial resident cannot lease, whether through the domain function or a direct insert', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-01-01', placement: 'extraterritorial' });
    const { unitIds } = await makeUnits(manager, parkId, [{ name: 'Desk 3', kind: 'coworking', areaM2: '6' }]);
    await expect(
      createLease(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, premisesId: unitIds[0], startOn: '2024-02-01', endOn: null } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', key: 'db.leases_on_site_only', message: 'an extraterritorial resident cannot lease premises' });
    await expect(
      db.insert(leases).values({ parkId, residencyId: resident.residencyId, companyId: resident.companyId, premisesId: unitIds[0], startOn: '2024-02-01' }),
    ).rejects.toThrow();
    expect(await leaseCount(unitIds[0])).toBe(0);
  });

  it('refuses another park’s unit or residency as not found, and a manager of another park entirely', async () => {
    const db = await getDb();
    const { parkId: otherPark, manager: otherManager } = await makeManagedPark();
    const resident = await makeResident(manager, parkId, { startOn: '2024-01-01' });
    const otherResident = await makeResident(otherManager, otherPark, { startOn: '2024-01-01' });
    const { unitIds: mine } = await makeUnits(manager, parkId, [{ name: 'Office 9', areaM2: '15' }]);
    const { unitIds: theirs } = await makeUnits(otherManager, otherPark, [{ name: 'Office 9', areaM2: '15' }]);
    await expect(
      createLease(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, premisesId: theirs[0], startOn: '2024-02-01', endOn: null } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', params: { what: 'premises' } });
    await expect(
      createLease(db, { actor: manager, parkId, input: { residencyId: otherResident.residencyId, premisesId: mine[0], startOn: '2024-02-01', endOn: null } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', params: { what: 'residency' } });
    await expect(
      createLease(db, { actor: otherManager, parkId, input: { residencyId: resident.residencyId, premisesId: mine[0], startOn: '2024-02-01', endOn: null } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', params: { what: 'park' } });
    // The database holds the line too: a lease row naming one park and another park's unit.
    await expect(
      db.insert(leases).values({ parkId, residencyId: resident.residencyId, companyId: resident.companyId, premisesId: theirs[0], startOn: '2024-02-01' }),
    ).rejects.toThrow();
    expect(await leaseCount(mine[0])).toBe(0);
    expect(await leaseCount(theirs[0])).toBe(0);
  });

  it('refuses an end before the start and dates that do not exist, changing nothing', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-01-01' });
    const { unitIds } = await makeUnits(manager, parkId, [{ name: 'Office 11', areaM2: '15' }]);
    await expect(
      createLease(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, premisesId: unitIds[0], startOn: '2024-05-01', endOn: '2024-04-30' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { endOn: ['endBeforeStart'] } });
    await expect(
      createLease(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, premisesId: unitIds[0], startOn: '2024-02-31', endOn: null } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { startOn: ['invalidDate'] } });
    expect(await leaseCount(unitIds[0])).toBe(0);
  });
});

describe('endLease', () => {
  it('ends a lease earlier, keeps it, and refuses an end before its start or a later end', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-01-01' });
    const { unitIds } = await makeUnits(manager, parkId, [{ name: 'Office 12', areaM2: '15' }]);
    const lease = await createLease(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, premisesId: unitIds[0], startOn: '2024-02-01', endOn: null } });
    await expect(endLease(db, { actor: manager, parkId, input: { leaseId: lease.id, endOn: '2024-01-31' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { endOn: ['leaseEndBeforeStart'] },
    });
    const ended = await endLease(db, { actor: manager, parkId, input: { leaseId: lease.id, endOn: '2024-09-30' } });
    expect(ended.endOn).toBe('2024-09-30');
    await expect(endLease(db, { actor: manager, parkId, input: { leaseId: lease.id, endOn: '2024-10-31' } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, lease.id), eq(auditLog.action, 'lease.end')));
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ endOn: null });
    expect(audit[0].after).toMatchObject({ endOn: '2024-09-30' });
  });
});

describe('premises units', () => {
  it('refuses an area of zero or below and another park’s building', async () => {
    const db = await getDb();
    const { buildingId } = await makeUnits(manager, parkId, []);
    for (const areaM2 of ['0', '-5', '0.00', 'abc', '1.234']) {
      await expect(createUnit(db, { actor: manager, parkId, input: { buildingId, name: 'X', kind: 'office', areaM2, availableFrom: null, availableTo: null } })).rejects.toMatchObject({
        code: 'VALIDATION',
      });
    }
    const otherPark = (await makePark()).id;
    await expect(
      createUnit(db, { actor: manager, parkId: otherPark, input: { buildingId, name: 'X', kind: 'office', areaM2: '10', availableFrom: null, availableTo: null } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const otherManager = await makeManager(otherPark);
    await expect(
      createUnit(db, { actor: otherManager, parkId: otherPark, input: { buildingId, name: 'X', kind: 'office', areaM2: '10', availableFrom: null, availableTo: null } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', params: { what: 'building' } });
    const rows = await db.select().from(premises).where(eq(premises.buildingId, buildingId));
    expect(rows).toHaveLength(0);
  });

  it('retires a unit only once its leases end by then, and keeps the unit and its leases', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-01-01' });
    const { unitIds } = await makeUnits(manager, parkId, [{ name: 'Office 14', areaM2: '25', availableFrom: '2023-01-01' }]);
    const lease = await createLease(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, premisesId: unitIds[0], startOn: '2024-02-01', endOn: null } });
    await expect(retireUnit(db, { actor: manager, parkId, input: { unitId: unitIds[0], availableTo: '2024-12-31' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      key: 'db.leases_within_availability',
    });
    await expect(retireUnit(db, { actor: manager, parkId, input: { unitId: unitIds[0], availableTo: '2022-12-31' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { availableTo: ['retireBeforeAvailable'] },
    });
    const [unchanged] = await db.select({ availableTo: premises.availableTo }).from(premises).where(eq(premises.id, unitIds[0]));
    expect(unchanged.availableTo).toBeNull();
    await endLease(db, { actor: manager, parkId, input: { leaseId: lease.id, endOn: '2024-12-31' } });
    const retired = await retireUnit(db, { actor: manager, parkId, input: { unitId: unitIds[0], availableTo: '2024-12-31' } });
    expect(retired.availableTo).toBe('2024-12-31');
    expect(await leaseCount(unitIds[0])).toBe(1);
  });

  it('edits a unit, recording before and after; an edit that would strand a lease is refused', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-01-01' });
    const { unitIds } = await makeUnits(manager, parkId, [{ name: 'Lab 2', kind: 'laboratory', areaM2: '60' }]);
    await createLease(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, premisesId: unitIds[0], startOn: '2024-02-01', endOn: null } });
    const edited = await updateUnit(db, { actor: manager, parkId, input: { unitId: unitIds[0], name: 'Lab 2A', kind: 'laboratory', areaM2: '61.5', availableFrom: null, availableTo: null } });
    expect(edited).toMatchObject({ name: 'Lab 2A', areaM2: '61.50' });
    await expect(
      updateUnit(db, { actor: manager, parkId, input: { unitId: unitIds[0], name: 'Lab 2A', kind: 'laboratory', areaM2: '61.5', availableFrom: '2024-03-01', availableTo: null } }),
    ).rejects.toMatchObject({ key: 'db.leases_within_availability' });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, unitIds[0]), eq(auditLog.action, 'premises.update')));
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ name: 'Lab 2', areaM2: '60.00' });
    const [row] = await db.select({ availableFrom: premises.availableFrom }).from(premises).where(eq(premises.id, unitIds[0]));
    expect(row.availableFrom).toBeNull();
  });
});

describe('listLeases and listUnitLeases', () => {
  it('list the park’s leases in force on a day or ending soon, and a unit’s history newest first', async () => {
    const db = await getDb();
    const { parkId: park, manager: m } = await makeManagedPark();
    const a = await makeResident(m, park, { name: 'Alpha', manufacturing: true, startOn: '2024-01-01' });
    const b = await makeResident(m, park, { name: 'Bravo', startOn: '2024-01-01' });
    const { unitIds } = await makeUnits(m, park, [{ name: 'Office 1', areaM2: '20.5' }, { name: 'Office 2', areaM2: '30' }], 'Main');
    const lease = (r: { residencyId: string }, unit: string, startOn: string, endOn: string | null) =>
      createLease(db, { actor: m, parkId: park, input: { residencyId: r.residencyId, premisesId: unit, startOn, endOn } });
    const first = await lease(a, unitIds[0], '2024-02-01', '2024-06-30');
    const second = await lease(b, unitIds[0], '2024-07-01', null);
    const other = await lease(b, unitIds[1], '2024-03-01', '2024-09-15');

    expect(await listLeases(db, { actor: m, parkId: park, at: '2024-05-01' })).toEqual([
      { id: first.id, companyId: a.companyId, companyName: 'Alpha', manufacturing: true, premisesId: unitIds[0], unitName: 'Office 1', buildingName: 'Main', areaM2: '20.50', startOn: '2024-02-01', endOn: '2024-06-30', rateRubPerM2Month: null, marketRateRubPerM2Month: null },
      { id: other.id, companyId: b.companyId, companyName: 'Bravo', manufacturing: false, premisesId: unitIds[1], unitName: 'Office 2', buildingName: 'Main', areaM2: '30.00', startOn: '2024-03-01', endOn: '2024-09-15', rateRubPerM2Month: null, marketRateRubPerM2Month: null },
    ]);
    // Ending within 90 days of 2024-06-20, soonest first; an open-ended lease never ends.
    expect((await listLeases(db, { actor: m, parkId: park, endingFrom: '2024-06-20' })).map((l) => l.id)).toEqual([first.id, other.id]);
    expect((await listLeases(db, { actor: m, parkId: park, endingFrom: '2024-06-20', days: 30 })).map((l) => l.id)).toEqual([first.id]);
    expect((await listLeases(db, { actor: m, parkId: park })).map((l) => l.id)).toEqual([first.id, second.id, other.id]);
    expect((await listUnitLeases(db, { actor: m, parkId: park, unitId: unitIds[0] })).map((l) => [l.id, l.companyName])).toEqual([
      [second.id, 'Bravo'],
      [first.id, 'Alpha'],
    ]);
  });
});

describe('the unit lists', () => {
  it('list buildings and units in the order people expect for numbered names: "cell 2" before "cell 10"', async () => {
    const db = await getDb();
    const { parkId: park, manager: boss } = await makeManagedPark();
    await makeUnits(boss, park, [{ name: 'cell 10', areaM2: '10' }, { name: 'cell 2', areaM2: '10' }, { name: 'Cell 1', areaM2: '10' }], 'Block 10');
    await makeUnits(boss, park, [{ name: 'lab 3', areaM2: '10' }], 'Block 9');
    const expected = [
      ['Block 9', 'lab 3'],
      ['Block 10', 'Cell 1'],
      ['Block 10', 'cell 2'],
      ['Block 10', 'cell 10'],
    ];
    expect((await listUnits(db, { actor: boss, parkId: park })).map((u) => [u.buildingName, u.name])).toEqual(expected);
    expect((await listLeaseOptions(db, { actor: boss, parkId: park, today: '2026-01-01' })).units.map((u) => [u.buildingName, u.name])).toEqual(expected);
    expect((await listBuildings(db, { actor: boss, parkId: park })).map((b) => b.name)).toEqual(['Block 9', 'Block 10']);
  });
});
