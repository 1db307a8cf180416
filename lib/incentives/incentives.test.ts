import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, notifications, taxIncentives } from '@/db/schema';
import type { UserActor } from '@/lib/auth/permissions';
import { exitResident } from '@/lib/residents/residents';
import { makeManagedPark, makeManager, makePark } from '@/lib/test/fixtures';
import { makeRepresentative, makeResident } from '@/lib/test/residents-fixtures';
import { exportIncentives, grantIncentive, INCENTIVES_PAGE_SIZE, listExpiringIncentives, listIncentives, listIncentivesPage, notifyExpiringIncentives, revokeIncentive } from './incentives';

let parkId: string;
let manager: UserActor;

beforeAll(async () => ({ parkId, manager } = await makeManagedPark()));

const grant = (residencyId: string, overrides: Record<string, unknown> = {}) => ({
  residencyId,
  kind: 'profit_tax' as const,
  legalBasis: 'Law of the Kemerovo Region No. 95-OZ, art. 4',
  decisionNumber: 'R-17',
  grantedOn: '2024-04-01',
  validFrom: '2024-04-01',
  validTo: '2029-03-31',
  conditions: 'Keep at least 20 jobs',
  ...overrides,
});

async function incentivesOf(companyId: string) {
  const db = await getDb();
  return db.select().from(taxIncentives).where(eq(taxIncentives.companyId, companyId));
}

describe('grantIncentive', () => {
  it('grants to a current resident, with its audit row and a notice to the representatives', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-03-01' });
    const rep = await makeRepresentative(resident.companyId);
    const incentive = await grantIncentive(db, { actor: manager, parkId, input: grant(resident.residencyId) });
    expect(incentive).toMatchObject({ companyId: resident.companyId, kind: 'profit_tax', status: 'active', validTo: '2029-03-31', decisionNumber: 'R-17' });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, incentive.id), eq(auditLog.action, 'incentive.grant')));
    expect(audit).toHaveLength(1);
    const notes = await db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, rep.userId));
    expect(notes.map((n) => n.kind)).toContain('incentiveGranted');
  });

  it('only a resident: refuses a decision dated outside the residency, an ended residency and another park’s', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-03-01' });
    await expect(grantIncentive(db, { actor: manager, parkId, input: grant(resident.residencyId, { grantedOn: '2024-02-29' }) })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { grantedOn: ['grantOutsideResidency'] },
    });
    const former = await makeResident(manager, parkId, { startOn: '2024-03-01' });
    await exitResident(db, { actor: manager, parkId, input: { residencyId: former.residencyId, endOn: '2024-12-31', reason: 'left', note: null } });
    await expect(grantIncentive(db, { actor: manager, parkId, input: grant(former.residencyId) })).rejects.toMatchObject({ code: 'INVALID_TRANSITION', key: 'notCurrentResident' });
    const otherPark = (await makePark()).id;
    const otherResident = await makeResident(await makeManager(otherPark), otherPark, { startOn: '2024-03-01' });
    await expect(grantIncentive(db, { actor: manager, parkId, input: grant(otherResident.residencyId) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      params: { what: 'residency' },
    });
    expect(await incentivesOf(resident.companyId)).toHaveLength(0);
    expect(await incentivesOf(former.companyId)).toHaveLength(0);
    expect(await incentivesOf(otherResident.companyId)).toHaveLength(0);
  });

  it('refuses a validity that ends before it starts, a missing legal basis and a date that does not exist', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-03-01' });
    const refused: [Record<string, unknown>, object][] = [
      [{ validTo: '2024-03-31' }, { fieldErrors: { validTo: ['endBeforeStart'] } }],
      [{ legalBasis: '' }, { fieldErrors: { legalBasis: ['required'] } }],
      [{ validFrom: '2024-02-31' }, { fieldErrors: { validFrom: ['invalidDate'] } }],
    ];
    for (const [overrides, refusal] of refused)
      await expect(grantIncentive(db, { actor: manager, parkId, input: grant(resident.residencyId, overrides) })).rejects.toMatchObject(refusal);
    expect(await incentivesOf(resident.companyId)).toHaveLength(0);
  });

  it('refuses a validity outside the residency, as a lease past it is refused: not before its start, not past its end', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-03-01', endOn: '2031-02-28' });
    const outside = { code: 'VALIDATION', key: 'validityOutsideResidency', params: { start: '2024-03-01', end: '2031-02-28' } };
    const refused: [Record<string, unknown>, object][] = [
      [{ grantedOn: '2024-04-01', validFrom: '2024-04-01', validTo: '2035-12-31' }, { ...outside, fieldErrors: { validTo: ['grantOutsideResidency'] } }],
      [{ grantedOn: '2024-04-01', validFrom: '2024-04-01', validTo: null }, { ...outside, fieldErrors: { validTo: ['grantOutsideResidency'] } }],
      [{ grantedOn: '2024-04-01', validFrom: '2024-01-01', validTo: '2026-12-31' }, { ...outside, fieldErrors: { validFrom: ['grantOutsideResidency'] } }],
    ];
    for (const [overrides, refusal] of refused)
      await expect(grantIncentive(db, { actor: manager, parkId, input: grant(resident.residencyId, overrides) })).rejects.toMatchObject(refusal);
    expect(await incentivesOf(resident.companyId)).toHaveLength(0);
    // Up to the residency's last day is fine; an open residency takes any end.
    await grantIncentive(db, { actor: manager, parkId, input: grant(resident.residencyId, { grantedOn: '2024-04-01', validFrom: '2024-04-01', validTo: '2031-02-28' }) });
    const open = await makeResident(manager, parkId, { startOn: '2024-03-01' });
    await grantIncentive(db, { actor: manager, parkId, input: grant(open.residencyId, { grantedOn: '2024-04-01', validFrom: '2024-04-01', validTo: '2040-12-31' }) });
    expect(await incentivesOf(resident.companyId)).toHaveLength(1);
  });
});

describe('revokeIncentive', () => {
  it('revokes once, with date and reason, and keeps the grant in the register', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-03-01' });
    const incentive = await grantIncentive(db, { actor: manager, parkId, input: grant(resident.residencyId) });
    await expect(revokeIncentive(db, { actor: manager, parkId, input: { incentiveId: incentive.id, revokedOn: '2024-03-31', reason: 'x' } })).rejects.toMatchObject({
      fieldErrors: { revokedOn: ['revokeBeforeGrant'] },
    });
    const revoked = await revokeIncentive(db, { actor: manager, parkId, input: { incentiveId: incentive.id, revokedOn: '2025-01-31', reason: 'Jobs condition not met' } });
    expect(revoked).toMatchObject({ status: 'revoked', revokedOn: '2025-01-31', revokeReason: 'Jobs condition not met' });
    await expect(revokeIncentive(db, { actor: manager, parkId, input: { incentiveId: incentive.id, revokedOn: '2025-02-01', reason: 'again' } })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    const register = await listIncentives(db, { actor: manager, parkId, today: '2025-02-01', filters: { status: 'revoked' } });
    expect(register.map((r) => r.id)).toContain(incentive.id);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, incentive.id), eq(auditLog.action, 'incentive.revoke')));
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ status: 'active' });
  });

  it('two managers revoking at once: one wins', async () => {
    const db = await getDb();
    const resident = await makeResident(manager, parkId, { startOn: '2024-03-01' });
    const incentive = await grantIncentive(db, { actor: manager, parkId, input: grant(resident.residencyId) });
    const results = await Promise.allSettled([
      revokeIncentive(db, { actor: manager, parkId, input: { incentiveId: incentive.id, revokedOn: '2025-01-31', reason: 'a' } }),
      revokeIncentive(db, { actor: await makeManager(parkId), parkId, input: { incentiveId: incentive.id, revokedOn: '2025-02-28', reason: 'b' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('expiring incentives', () => {
  /*
   * Today 2025-03-01; 90 days on is 2025-05-30 (March 31 + April 30 + May 29 days... counted: 03-01 + 90 = 05-30).
   * Valid to 2025-02-28: already expired. 2025-03-01: ends today, 0 days. 2025-05-30: 90 days, in.
   * 2025-05-31: 91 days, out. Revoked, ending 2025-04-01: out. Open-ended: out.
   */
  it('lists active grants ending within 90 days, soonest first, and announces each once', async () => {
    const db = await getDb();
    const { parkId: park, manager: m } = await makeManagedPark();
    const other = await makeManager(park);
    const resident = await makeResident(m, park, { startOn: '2024-03-01', name: 'Expiring Co' });
    const rep = await makeRepresentative(resident.companyId);
    const g = (validTo: string | null, decisionNumber: string) =>
      grantIncentive(db, { actor: m, parkId: park, input: grant(resident.residencyId, { validTo, decisionNumber, validFrom: '2024-04-01' }) });
    await g('2025-02-28', 'expired');
    const today = await g('2025-03-01', 'today');
    const last = await g('2025-05-30', 'day-90');
    await g('2025-05-31', 'day-91');
    const revoked = await g('2025-04-01', 'revoked');
    await revokeIncentive(db, { actor: m, parkId: park, input: { incentiveId: revoked.id, revokedOn: '2025-01-15', reason: 'r' } });
    await g(null, 'open');

    const expiring = await listExpiringIncentives(db, { actor: m, parkId: park, today: '2025-03-01' });
    expect(expiring.map((e) => [e.decisionNumber, e.expiresInDays])).toEqual([
      ['today', 0],
      ['day-90', 90],
    ]);

    // Two runs at once, then a third: two grants announced, once each, to both managers and the representative.
    const runs = await Promise.all([notifyExpiringIncentives(db, { today: '2025-03-01' }), notifyExpiringIncentives(db, { today: '2025-03-01', parkId: park })]);
    expect(runs[0] + runs[1]).toBe(2);
    expect(await notifyExpiringIncentives(db, { today: '2025-03-01' })).toBe(0);
    for (const user of [m, other, rep]) {
      const notes = await db.select({ params: notifications.params }).from(notifications).where(and(eq(notifications.userId, user.userId), eq(notifications.kind, 'incentiveExpiring')));
      expect(notes.map((n) => (n.params as { incentiveId: string }).incentiveId).sort()).toEqual([today.id, last.id].sort());
    }
    // A day later the grant ending 2025-05-31 enters the window, and only it is announced.
    expect(await notifyExpiringIncentives(db, { today: '2025-03-02' })).toBe(1);
  });

  it('filters the register by state, kind and search, and exports it', async () => {
    const db = await getDb();
    const { parkId: park, manager: m } = await makeManagedPark();
    const a = await makeResident(m, park, { startOn: '2024-03-01', name: 'Zeta Mining' });
    const b = await makeResident(m, park, { startOn: '2024-03-01', name: 'Omega Labs' });
    await grantIncentive(db, { actor: m, parkId: park, input: grant(a.residencyId, { kind: 'property_tax', validTo: '2024-12-31', decisionNumber: 'P-1' }) });
    await grantIncentive(db, { actor: m, parkId: park, input: grant(b.residencyId, { kind: 'land_tax', validFrom: '2025-06-01', validTo: null, decisionNumber: 'L-1' }) });
    await grantIncentive(db, { actor: m, parkId: park, input: grant(b.residencyId, { decisionNumber: 'PT-9' }) });
    const numbers = async (filters: Parameters<typeof listIncentives>[1]['filters']) =>
      (await listIncentives(db, { actor: m, parkId: park, today: '2025-03-01', filters })).map((r) => r.decisionNumber).sort();
    expect(await numbers({})).toEqual(['L-1', 'P-1', 'PT-9']);
    expect(await numbers({ status: 'expired' })).toEqual(['P-1']);
    expect(await numbers({ status: 'active' })).toEqual(['L-1', 'PT-9']);
    expect(await numbers({ kind: 'land_tax' })).toEqual(['L-1']);
    expect(await numbers({ q: 'omega' })).toEqual(['L-1', 'PT-9']);
    const states = await listIncentives(db, { actor: m, parkId: park, today: '2025-03-01' });
    expect(Object.fromEntries(states.map((s) => [s.decisionNumber, s.state]))).toEqual({ 'P-1': 'expired', 'L-1': 'not_yet', 'PT-9': 'in_force' });
    const csv = await exportIncentives(db, { actor: m, parkId: park, today: '2025-03-01', filters: { kind: 'property_tax' }, format: 'csv', label: (k) => k });
    expect((csv.body as string).split('\r\n')).toEqual([
      '\uFEFFcolumns.company,columns.kind,columns.legalBasis,columns.decisionNumber,columns.grantedOn,columns.validFrom,columns.validTo,columns.state,columns.conditions,columns.revokedOn,columns.revokeReason',
      'Zeta Mining,kinds.property_tax,"Law of the Kemerovo Region No. 95-OZ, art. 4",P-1,2024-04-01,2024-04-01,2024-12-31,states.expired,Keep at least 20 jobs,,',
      '',
    ]);
    const otherManager = await makeManager((await makePark()).id);
    await expect(listIncentives(db, { actor: otherManager, parkId: park, today: '2025-03-01' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pages the register fifty at a time in the register order, forward and back, also when filtered', async () => {
    const db = await getDb();
    const { parkId: park, manager: m } = await makeManagedPark();
    const a = await makeResident(m, park, { startOn: '2000-01-01', name: 'Alpha' });
    // 120 grants on 60 days, two a day; 20 of them expire within 90 days of 2025-03-01.
    await db.insert(taxIncentives).values(
      Array.from({ length: 120 }, (_, i) => {
        const day = new Date(Date.UTC(2020, 0, 1 + Math.floor(i / 2))).toISOString().slice(0, 10);
        const validTo = i < 20 ? new Date(Date.UTC(2025, 2, 2 + i)).toISOString().slice(0, 10) : null;
        return { parkId: park, companyId: a.companyId, residencyId: a.residencyId, kind: 'property_tax' as const, grantedOn: day, validFrom: day, validTo, decisionNumber: `D-${i}` };
      }),
    );
    const whole = (await listIncentives(db, { actor: m, parkId: park, today: '2025-03-01' })).map((r) => r.id);
    const pages = [];
    let after: string | undefined;
    do {
      const page = await listIncentivesPage(db, { actor: m, parkId: park, today: '2025-03-01', page: { after } });
      pages.push(page);
      after = page.next ?? undefined;
    } while (after);
    expect(pages.map((p) => p.rows.length)).toEqual([INCENTIVES_PAGE_SIZE, INCENTIVES_PAGE_SIZE, 20]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(whole);
    expect(pages[0].previous).toBeNull();
    const back = await listIncentivesPage(db, { actor: m, parkId: park, today: '2025-03-01', page: { before: pages[2].previous! } });
    expect(back.rows.map((r) => r.id)).toEqual(pages[1].rows.map((r) => r.id));
    // The expiring view keeps its own order (soonest first) across pages too.
    const expiring = await listIncentivesPage(db, { actor: m, parkId: park, today: '2025-03-01', filters: { expiring: '1' } });
    expect(expiring.rows.map((r) => r.decisionNumber)).toEqual(Array.from({ length: 20 }, (_, i) => `D-${i}`));
    expect(expiring.next).toBeNull();
    const otherManager = await makeManager((await makePark()).id);
    await expect(listIncentivesPage(db, { actor: otherManager, parkId: park, today: '2025-03-01' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('says how many grants match the filters in all, on every page, not how many the page shows; another park’s grants do not count', async () => {
    const db = await getDb();
    const { parkId: park, manager: m } = await makeManagedPark();
    const a = await makeResident(m, park, { startOn: '2000-01-01', name: 'Alpha' });
    // 130 grants: 110 property-tax ones (15 of them expiring within 90 days of 2025-03-01, 5 revoked) and 20 land-tax ones.
    await db.insert(taxIncentives).values(
      Array.from({ length: 130 }, (_, i) => {
        const day = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
        const validTo = i < 15 ? new Date(Date.UTC(2025, 2, 2 + i)).toISOString().slice(0, 10) : null;
        const revoked = i >= 15 && i < 20;
        return {
          parkId: park,
          companyId: a.companyId,
          residencyId: a.residencyId,
          kind: i < 110 ? ('property_tax' as const) : ('land_tax' as const),
          grantedOn: day,
          validFrom: day,
          validTo,
          decisionNumber: `T-${i}`,
          ...(revoked ? { status: 'revoked' as const, revokedOn: '2024-01-01', revokeReason: 'Probe' } : {}),
        };
      }),
    );
    // The same kind in another park, to a resident named alike, is not this register's.
    const { parkId: elsewhere, manager: other } = await makeManagedPark();
    const b = await makeResident(other, elsewhere, { startOn: '2000-01-01', name: 'Alpha' });
    await db.insert(taxIncentives).values({ parkId: elsewhere, companyId: b.companyId, residencyId: b.residencyId, kind: 'property_tax', grantedOn: '2020-01-01', validFrom: '2020-01-01', decisionNumber: 'T-0' });

    const today = '2025-03-01';
    for (const filters of [{}, { kind: 'property_tax' as const }, { kind: 'property_tax' as const, status: 'active' as const }, { expiring: '1' as const }, { q: 'T-1' }, { q: 'nothing like it' }]) {
      const label = JSON.stringify(filters);
      const whole = await listIncentives(db, { actor: m, parkId: park, today, filters });
      const totals: number[] = [];
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await listIncentivesPage(db, { actor: m, parkId: park, today, filters, page: { after } });
        totals.push(page.total);
        seen.push(...page.rows.map((r) => r.id));
        after = page.next ?? undefined;
      } while (after);
      expect(totals.every((t) => t === seen.length), label).toBe(true);
      expect(seen, label).toEqual(whole.map((r) => r.id));
    }
    const total = async (filters: Parameters<typeof listIncentivesPage>[1]['filters']) => (await listIncentivesPage(db, { actor: m, parkId: park, today, filters })).total;
    expect(await total({})).toBe(130);
    expect(await total({ kind: 'property_tax' })).toBe(110);
    expect(await total({ kind: 'property_tax', status: 'active' })).toBe(105);
    expect(await total({ expiring: '1' })).toBe(15);
    // T-1, T-10 … T-19 and T-100 … T-129.
    expect(await total({ q: 'T-1' })).toBe(41);
    expect(await total({ q: 'nothing like it' })).toBe(0);
    // The page of a later cursor still counts them all.
    const first = await listIncentivesPage(db, { actor: m, parkId: park, today, filters: { kind: 'property_tax' } });
    const second = await listIncentivesPage(db, { actor: m, parkId: park, today, filters: { kind: 'property_tax' }, page: { after: first.next! } });
    expect([first.rows.length, second.rows.length, second.total]).toEqual([INCENTIVES_PAGE_SIZE, INCENTIVES_PAGE_SIZE, 110]);
  });
});
