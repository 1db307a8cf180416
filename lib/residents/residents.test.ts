import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, leases, notifications, residencies, taxIncentives } from '@/db/schema';
import type { UserActor } from '@/lib/auth/permissions';
import { grantIncentive, revokeIncentive } from '@/lib/incentives/incentives';
import { createLease } from '@/lib/premises/leases';
import { makeManagedPark, makeManager, makePark, uniq } from '@/lib/test/fixtures';
import { makeApprovedApplication, makeRepresentative, makeResident, makeUnits } from '@/lib/test/residents-fixtures';
import { admitResident, exitResident, listAdmittableApplications } from './residents';

let parkId: string;
let manager: UserActor;

beforeAll(async () => ({ parkId, manager } = await makeManagedPark()));

const admission = (applicationId: string, overrides: Record<string, unknown> = {}) => ({
  applicationId,
  agreementNumber: `KT-${uniq()}`,
  agreementDate: '2024-03-01',
  startOn: '2024-03-01',
  endOn: null,
  placement: 'on_site' as const,
  ...overrides,
});

async function residenciesOf(companyId: string) {
  const db = await getDb();
  return db.select().from(residencies).where(eq(residencies.companyId, companyId));
}

describe('admitResident', () => {
  it('admits the company of an approved application, with its audit row and a notice to its representatives', async () => {
    const db = await getDb();
    const app = await makeApprovedApplication(parkId);
    const rep = await makeRepresentative(app.companyId);
    expect((await listAdmittableApplications(db, { actor: manager, parkId, today: '2024-03-01' })).map((a) => a.applicationId)).toContain(app.applicationId);
    const residency = await admitResident(db, { actor: manager, parkId, input: admission(app.applicationId, { endOn: '2027-02-28' }) });
    expect(residency).toMatchObject({ companyId: app.companyId, applicationId: app.applicationId, startOn: '2024-03-01', endOn: '2027-02-28', placement: 'on_site', exitReason: null });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, residency.id), eq(auditLog.action, 'resident.admit')));
    expect(audit).toHaveLength(1);
    const notes = await db.select().from(notifications).where(eq(notifications.userId, rep.userId));
    expect(notes.map((n) => n.kind)).toEqual(['residentAdmitted']);
    // Admitted: no longer offered for admission.
    expect((await listAdmittableApplications(db, { actor: manager, parkId, today: '2024-03-01' })).map((a) => a.applicationId)).not.toContain(app.applicationId);
  });

  it('refuses an application that is not approved, or of another park, or already admitted', async () => {
    const db = await getDb();
    const pending = await makeApprovedApplication(parkId, { status: 'in_review' });
    await expect(admitResident(db, { actor: manager, parkId, input: admission(pending.applicationId) })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      key: 'applicationNotApproved',
    });
    const otherPark = (await makePark()).id;
    const elsewhere = await makeApprovedApplication(otherPark);
    await expect(admitResident(db, { actor: manager, parkId, input: admission(elsewhere.applicationId) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      params: { what: 'application' },
    });
    await expect(admitResident(db, { actor: manager, parkId: otherPark, input: admission(elsewhere.applicationId) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      params: { what: 'park' },
    });
    const app = await makeApprovedApplication(parkId);
    await admitResident(db, { actor: manager, parkId, input: admission(app.applicationId) });
    await expect(admitResident(db, { actor: manager, parkId, input: admission(app.applicationId, { startOn: '2030-01-01' }) })).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'alreadyAdmitted',
    });
    expect(await residenciesOf(pending.companyId)).toHaveLength(0);
    expect(await residenciesOf(elsewhere.companyId)).toHaveLength(0);
    expect(await residenciesOf(app.companyId)).toHaveLength(1);
  });

  it('two managers admitting one application at once make one residency', async () => {
    const db = await getDb();
    const second = await makeManager(parkId);
    const app = await makeApprovedApplication(parkId);
    const results = await Promise.allSettled([
      admitResident(db, { actor: manager, parkId, input: admission(app.applicationId) }),
      admitResident(db, { actor: second, parkId, input: admission(app.applicationId) }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason).toMatchObject({ code: 'CONFLICT' });
    expect(await residenciesOf(app.companyId)).toHaveLength(1);
  });

  it('a company holds one residency in a park at a time: the database refuses an overlap with a clear message', async () => {
    const db = await getDb();
    const first = await makeApprovedApplication(parkId);
    const second = await makeApprovedApplication(parkId, { companyId: first.companyId });
    await admitResident(db, { actor: manager, parkId, input: admission(first.applicationId, { endOn: '2025-12-31' }) });
    await expect(admitResident(db, { actor: manager, parkId, input: admission(second.applicationId, { startOn: '2025-12-31' }) })).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'db.residencies_no_overlap',
      message: 'the company already holds a residency in this park for these days',
    });
    // The day after the first ends, a new residency may begin.
    await admitResident(db, { actor: manager, parkId, input: admission(second.applicationId, { startOn: '2026-01-01' }) });
    expect(await residenciesOf(first.companyId)).toHaveLength(2);
  });

  it('refuses bad dates, changing nothing', async () => {
    const db = await getDb();
    const app = await makeApprovedApplication(parkId, { decidedOn: '2024-02-20' });
    const refused: [Record<string, unknown>, object][] = [
      [{ endOn: '2024-02-29' }, { code: 'VALIDATION', fieldErrors: { endOn: ['endBeforeStart'] } }],
      [{ startOn: '2025-02-29' }, { code: 'VALIDATION', fieldErrors: { startOn: ['invalidDate'] } }],
      [{ agreementDate: '2024-02-31' }, { fieldErrors: { agreementDate: ['invalidDate'] } }],
      [{ startOn: '2024-02-19' }, { code: 'VALIDATION', fieldErrors: { startOn: ['startBeforeApproval'] } }],
      [{ agreementNumber: '  ' }, { fieldErrors: { agreementNumber: ['required'] } }],
    ];
    for (const [overrides, refusal] of refused)
      await expect(admitResident(db, { actor: manager, parkId, input: admission(app.applicationId, overrides) })).rejects.toMatchObject(refusal);
    expect(await residenciesOf(app.companyId)).toHaveLength(0);
  });
});

describe('exitResident', () => {
  it('ends the residency and, in the same transaction, its leases; a later lease never begins', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-01-01' });
    const { unitIds } = await makeUnits(manager, parkId, [
      { name: 'U1', areaM2: '10' },
      { name: 'U2', areaM2: '20' },
      { name: 'U3', areaM2: '30' },
      { name: 'U4', areaM2: '40' },
    ]);
    const lease = (premisesId: string, startOn: string, endOn: string | null) =>
      createLease(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, premisesId, startOn, endOn } });
    const open = await lease(unitIds[0], '2024-02-01', null);
    const long = await lease(unitIds[1], '2024-02-01', '2026-12-31');
    const done = await lease(unitIds[2], '2024-02-01', '2024-03-31');
    const future = await lease(unitIds[3], '2025-01-01', null);

    const result = await exitResident(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, endOn: '2024-09-30', reason: 'graduated', note: 'Moved to its own plant' } });
    expect(result).toMatchObject({ endedLeases: 2, cancelledLeases: 1, residency: { endOn: '2024-09-30', exitReason: 'graduated', exitNote: 'Moved to its own plant' } });
    const rows = await db.select({ id: leases.id, endOn: leases.endOn }).from(leases).where(eq(leases.residencyId, resident.residencyId));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.endOn]))).toEqual({ [open.id]: '2024-09-30', [long.id]: '2024-09-30', [done.id]: '2024-03-31' });
    expect(rows.find((r) => r.id === future.id)).toBeUndefined();
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.parkId, parkId));
    expect(audit.filter((a) => a.action === 'resident.exit')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'lease.cancel')).toHaveLength(1);

    await expect(
      exitResident(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, endOn: '2024-09-30', reason: 'left', note: null } }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION', key: 'alreadyExited' });
  });

  it('ends the residency’s tax incentives with it: in force ones end that day, later ones are revoked, past ones stay', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-01-01' });
    const grant = (grantedOn: string, validFrom: string, validTo: string | null) =>
      grantIncentive(db, {
        actor: manager,
        parkId,
        input: { residencyId: resident.residencyId, kind: 'property_tax', legalBasis: 'Regional law 1-OZ', decisionNumber: uniq('D-'), grantedOn, validFrom, validTo, conditions: null },
      });
    const open = await grant('2024-02-01', '2024-02-01', null);
    const long = await grant('2024-03-01', '2024-03-01', '2026-12-31');
    const over = await grant('2024-02-01', '2024-02-01', '2024-06-30');
    const later = await grant('2024-09-01', '2025-01-01', '2029-12-31');
    const revoked = await grant('2024-02-01', '2024-02-01', null);
    await revokeIncentive(db, { actor: manager, parkId, input: { incentiveId: revoked.id, revokedOn: '2024-04-01', reason: 'breach' } });

    const result = await exitResident(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, endOn: '2024-09-30', reason: 'terminated', note: null } });
    expect(result.endedIncentives).toBe(3);
    const rows = await db.select().from(taxIncentives).where(eq(taxIncentives.residencyId, resident.residencyId));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(open.id)).toMatchObject({ status: 'active', validTo: '2024-09-30' });
    expect(byId.get(long.id)).toMatchObject({ status: 'active', validTo: '2024-09-30' });
    expect(byId.get(over.id)).toMatchObject({ status: 'active', validTo: '2024-06-30' });
    expect(byId.get(later.id)).toMatchObject({ status: 'revoked', revokedOn: '2024-09-30', validTo: '2029-12-31' });
    expect(byId.get(later.id)?.revokeReason).toContain('residency ended on 2024-09-30');
    expect(byId.get(revoked.id)).toMatchObject({ status: 'revoked', revokedOn: '2024-04-01', revokeReason: 'breach' });
    const audit = await db.select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog).where(eq(auditLog.entity, 'incentive'));
    expect(audit.filter((a) => a.action === 'incentive.end').map((a) => a.entityId).sort()).toEqual([open.id, long.id].sort());
    expect(audit.filter((a) => a.action === 'incentive.revoke').map((a) => a.entityId)).toEqual(expect.arrayContaining([later.id, revoked.id]));
  });

  it('refuses an exit before the start or after the agreed end, and a residency of another park', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-01-01', endOn: '2025-12-31' });
    await expect(
      exitResident(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, endOn: '2023-12-31', reason: 'left', note: null } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { endOn: ['exitBeforeStart'] } });
    await expect(
      exitResident(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, endOn: '2026-01-01', reason: 'term_ended', note: null } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { endOn: ['exitAfterEnd'] } });
    await expect(
      exitResident(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, endOn: '2024-02-30', reason: 'left', note: null } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { endOn: ['invalidDate'] } });
    const { parkId: otherPark, manager: otherManager } = await makeManagedPark();
    await expect(
      exitResident(db, { actor: otherManager, parkId: otherPark, input: { residencyId: resident.residencyId, endOn: '2024-06-30', reason: 'left', note: null } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', params: { what: 'residency' } });
    const [row] = await residenciesOf(resident.companyId);
    expect(row).toMatchObject({ endOn: '2025-12-31', exitReason: null });
  });

  it('a former resident can be admitted again later, on a new approved application', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-01-01' });
    await exitResident(db, { actor: manager, parkId, input: { residencyId: resident.residencyId, endOn: '2024-06-30', reason: 'term_ended', note: null } });
    const again = await makeApprovedApplication(parkId, { companyId: resident.companyId, decidedOn: '2024-10-01' });
    await admitResident(db, { actor: manager, parkId, input: admission(again.applicationId, { startOn: '2024-11-01', placement: 'extraterritorial' }) });
    expect((await residenciesOf(resident.companyId)).map((r) => [r.startOn, r.endOn]).sort()).toEqual([
      ['2024-01-01', '2024-06-30'],
      ['2024-11-01', null],
    ]);
  });
});
