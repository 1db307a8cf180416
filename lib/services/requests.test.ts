import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, notifications, parks, serviceRequests, services } from '@/db/schema';
import type { UserActor } from '@/lib/auth/permissions';
import { fromDatabaseError } from '@/lib/errors';
import { codeOf, refusalOf } from '@/lib/test/code-of';
import { makeAnalyst, makeExpert, makeManagedPark, makeManager, makePark } from '@/lib/test/fixtures';
import { setParkServiceTargetDays } from '@/lib/parks/parks';
import { makeResident } from '@/lib/test/residents-fixtures';
import { createService, deactivateService, listOfferedServices, listServices, updateService } from './catalogue';
import {
  assignServiceRequest,
  cancelServiceRequest,
  createServiceRequest,
  deliverServiceRequest,
  getServiceRequest,
  listMyServiceRequests,
  listParkServiceRequests,
  refuseServiceRequest,
  startServiceRequest,
} from './requests';

let parkId: string;
let manager: UserActor;

beforeAll(async () => ({ parkId, manager } = await makeManagedPark()));

const consulting = { name: 'Business consulting', kind: 'consulting', unit: 'hour', marketPriceRub: '3000.00', residentPriceRub: '1200.00' } as const;

async function newService(park = parkId, actor = manager, input: Parameters<typeof createService>[1]['input'] = consulting) {
  return createService(await getDb(), { actor, parkId: park, input });
}

/** A resident of the park (from 2023-03-01 unless told) with a representative. */
const newResident = (options: { startOn?: string; endOn?: string | null } = {}, park = parkId, actor = manager) =>
  makeResident(actor, park, { represented: true, ...options });

async function request(rep: UserActor, companyId: string, serviceId: string, today = '2024-05-02', quantity = '2', park = parkId) {
  return createServiceRequest(await getDb(), { actor: rep, parkId: park, input: { companyId, serviceId, quantity, description: 'Review of the business plan' }, today });
}

async function auditActions(entityId: string) {
  const db = await getDb();
  const rows = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entity, 'serviceRequest'), eq(auditLog.entityId, entityId))).orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

async function noticesOf(userId: string, kind: string) {
  const db = await getDb();
  return db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
}

async function requestCount(park = parkId) {
  const db = await getDb();
  return (await db.select({ id: serviceRequests.id }).from(serviceRequests).where(eq(serviceRequests.parkId, park))).length;
}

describe('the service catalogue', () => {
  it('adds, reprices and deactivates a service with an audit row each; a resident price above the market is refused and writes nothing', async () => {
    const db = await getDb();
    const service = await newService();
    expect(service).toMatchObject({ name: 'Business consulting', kind: 'consulting', unit: 'hour', marketPriceRub: '3000.00', residentPriceRub: '1200.00', active: true });

    const countBefore = (await db.select().from(services).where(eq(services.parkId, parkId))).length;
    const above = await refusalOf(newService(parkId, manager, { ...consulting, residentPriceRub: '3000.01' }));
    expect(above.code).toBe('VALIDATION');
    expect(above.fieldErrors).toEqual({ residentPriceRub: ['residentPriceAboveMarket'] });
    expect((await db.select().from(services).where(eq(services.parkId, parkId))).length).toBe(countBefore);

    const repriced = await updateService(db, { actor: manager, parkId, input: { serviceId: service.id, ...consulting, marketPriceRub: '3500', residentPriceRub: '1 400,50' } });
    expect(repriced).toMatchObject({ marketPriceRub: '3500.00', residentPriceRub: '1400.50' });
    await deactivateService(db, { actor: manager, parkId, input: { serviceId: service.id } });
    expect(await codeOf(deactivateService(db, { actor: manager, parkId, input: { serviceId: service.id } }))).toBe('INVALID_TRANSITION');

    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entity, 'service'), eq(auditLog.entityId, service.id))).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['service.create', 'service.update', 'service.deactivate']);

    // Off the catalogue: listed for the managers, not offered to residents, and no longer requestable.
    const resident = await newResident();
    expect((await listServices(db, { actor: manager, parkId })).find((s) => s.id === service.id)?.active).toBe(false);
    expect((await listOfferedServices(db, { actor: resident.representative, parkId })).map((s) => s.id)).not.toContain(service.id);
    const inactive = await refusalOf(request(resident.representative, resident.companyId, service.id));
    expect(inactive).toMatchObject({ code: 'CONFLICT', key: 'serviceInactive' });
  });

  it('a price change leaves the requests already made at their prices; requests made afterwards take the new ones', async () => {
    const db = await getDb();
    const service = await newService();
    const { representative: rep, companyId } = await newResident();
    const delivered = await request(rep, companyId, service.id, '2024-05-02');
    await deliverServiceRequest(db, { actor: manager, parkId, input: { requestId: delivered.id, quantity: '2' }, today: '2024-05-03' });
    const open = await request(rep, companyId, service.id, '2024-05-04');

    await updateService(db, { actor: manager, parkId, input: { serviceId: service.id, ...consulting, marketPriceRub: '5000.00', residentPriceRub: '2000.00' } });
    await deliverServiceRequest(db, { actor: manager, parkId, input: { requestId: open.id, quantity: '1' }, today: '2024-05-06' });
    const later = await request(rep, companyId, service.id, '2024-05-07');

    expect(await getServiceRequest(db, { actor: manager, requestId: delivered.id })).toMatchObject({ unitPriceRub: '1200.00', unitMarketPriceRub: '3000.00', status: 'done' });
    expect(await getServiceRequest(db, { actor: manager, requestId: open.id })).toMatchObject({ unitPriceRub: '1200.00', unitMarketPriceRub: '3000.00', status: 'done' });
    expect(later).toMatchObject({ unitPriceRub: '2000.00', unitMarketPriceRub: '5000.00', status: 'requested' });
  });
});

describe('service requests', () => {
  it('only a company resident in the park on the request day may request; others are refused and nothing is written', async () => {
    const service = await newService();
    const ended = await newResident({ startOn: '2023-03-01', endOn: '2024-06-30' });
    const future = await newResident({ startOn: '2025-01-01' });
    const before = await requestCount();

    const afterExit = await refusalOf(request(ended.representative, ended.companyId, service.id, '2024-07-01'));
    expect(afterExit).toMatchObject({ code: 'VALIDATION', key: 'serviceRequestNotResident' });
    expect(afterExit.message).toContain('holds no residency in the park on 2024-07-01');
    expect(await codeOf(request(future.representative, future.companyId, service.id, '2024-12-31'))).toBe('VALIDATION');
    expect(await requestCount()).toBe(before);

    // On the residency's last day it may.
    expect(await request(ended.representative, ended.companyId, service.id, '2024-06-30')).toMatchObject({ status: 'requested', requestedOn: '2024-06-30' });
    // The database holds the same rule: a residency-less request cannot be written around the function.
    const db = await getDb();
    const direct = await db
      .insert(serviceRequests)
      .values({ parkId, companyId: future.companyId, serviceId: service.id, requestedOn: '2024-12-31', quantity: '1' })
      .then(
        () => null,
        (error: unknown) => fromDatabaseError(error),
      );
    expect(direct).toMatchObject({ code: 'VALIDATION', key: 'db.service_requests_resident' });
  });

  it('a representative requests only for their own company, and only services of the park', async () => {
    const service = await newService();
    const mine = await newResident();
    const theirs = await newResident();
    const otherPark = await makePark();
    const otherManager = await makeManager(otherPark.id);
    const foreign = await newService(otherPark.id, otherManager);
    expect(await refusalOf(request(theirs.representative, mine.companyId, service.id))).toMatchObject({ code: 'NOT_FOUND', params: { what: 'company' } });
    expect(await refusalOf(request(mine.representative, mine.companyId, foreign.id))).toMatchObject({ code: 'NOT_FOUND', params: { what: 'service' } });
    expect(await codeOf(request(mine.representative, mine.companyId, service.id, '2024-05-02', '0'))).toBe('VALIDATION');
    expect(await codeOf(request(mine.representative, mine.companyId, service.id, '2024-05-02', '1.005'))).toBe('VALIDATION');
    // Staff do not request services.
    expect(await codeOf(createServiceRequest(await getDb(), { actor: manager, parkId, input: { companyId: mine.companyId, serviceId: service.id, quantity: '1' } }))).toBe('FORBIDDEN');
  });

  it('moves through assign, start and deliver, telling the other side at each step, with an audit row per step', async () => {
    const db = await getDb();
    const service = await newService();
    const { representative: rep, companyId } = await newResident();
    const expert = await makeExpert(parkId);
    const created = await request(rep, companyId, service.id, '2024-05-02', '2.5');
    expect(created).toMatchObject({ status: 'requested', quantity: '2.50', unitPriceRub: '1200.00', unitMarketPriceRub: '3000.00', requestedOn: '2024-05-02' });
    expect(await noticesOf(manager.userId, 'serviceRequestCreated')).not.toHaveLength(0);

    const outsider = await makeManager((await makePark()).id);
    const wrongStaff = await refusalOf(assignServiceRequest(db, { actor: manager, parkId, input: { requestId: created.id, assigneeId: outsider.userId } }));
    expect(wrongStaff).toMatchObject({ code: 'VALIDATION', key: 'assigneeNotStaff' });
    const assigned = await assignServiceRequest(db, { actor: manager, parkId, input: { requestId: created.id, assigneeId: expert.userId } });
    expect(assigned).toMatchObject({ assigneeId: expert.userId, status: 'requested' });
    expect(await noticesOf(expert.userId, 'serviceRequestAssigned')).toHaveLength(1);

    await startServiceRequest(db, { actor: manager, parkId, input: { requestId: created.id } });
    expect(await noticesOf(rep.userId, 'serviceRequestStarted')).toHaveLength(1);
    expect(await codeOf(startServiceRequest(db, { actor: manager, parkId, input: { requestId: created.id } }))).toBe('INVALID_TRANSITION');

    const done = await deliverServiceRequest(db, { actor: manager, parkId, input: { requestId: created.id, quantity: '3' }, today: '2024-05-10' });
    expect(done).toMatchObject({ status: 'done', doneOn: '2024-05-10', quantity: '3.00', unitPriceRub: '1200.00', unitMarketPriceRub: '3000.00' });
    const [delivered] = await noticesOf(rep.userId, 'serviceRequestDelivered');
    expect(delivered.params).toMatchObject({ quantity: '3.00', doneOn: '2024-05-10' });
    expect(await auditActions(created.id)).toEqual(['serviceRequest.create', 'serviceRequest.assign', 'serviceRequest.start', 'serviceRequest.deliver']);

    // Done is final.
    expect(await codeOf(refuseServiceRequest(db, { actor: manager, parkId, input: { requestId: created.id, reason: 'late' } }))).toBe('INVALID_TRANSITION');
    expect(await codeOf(cancelServiceRequest(db, { actor: rep, input: { requestId: created.id } }))).toBe('INVALID_TRANSITION');
    expect(await codeOf(deliverServiceRequest(db, { actor: manager, parkId, input: { requestId: created.id, quantity: '1' } }))).toBe('INVALID_TRANSITION');
  });

  it('the representative cancels an open request; the desk refuses one only with a reason', async () => {
    const db = await getDb();
    const service = await newService();
    const { representative: rep, companyId } = await newResident();
    const toRefuse = await request(rep, companyId, service.id);
    expect(await refusalOf(refuseServiceRequest(db, { actor: manager, parkId, input: { requestId: toRefuse.id, reason: '  ' } }))).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { reason: ['required'] },
    });
    expect(await refuseServiceRequest(db, { actor: manager, parkId, input: { requestId: toRefuse.id, reason: 'Not a service the park offers residents' } })).toMatchObject({
      status: 'refused',
      reason: 'Not a service the park offers residents',
    });
    expect(await noticesOf(rep.userId, 'serviceRequestRefused')).toHaveLength(1);

    const toCancel = await request(rep, companyId, service.id);
    await startServiceRequest(db, { actor: manager, parkId, input: { requestId: toCancel.id } });
    expect(await cancelServiceRequest(db, { actor: rep, input: { requestId: toCancel.id, reason: 'Found another adviser' } })).toMatchObject({ status: 'cancelled' });
    expect((await noticesOf(manager.userId, 'serviceRequestCancelled')).length).toBeGreaterThan(0);
    expect(await codeOf(cancelServiceRequest(db, { actor: rep, input: { requestId: toCancel.id } }))).toBe('INVALID_TRANSITION');
  });

  it('lists the overdue requests: open for longer than the park’s target days', async () => {
    const db = await getDb();
    const { parkId: park, manager: boss } = await makeManagedPark();
    // The park's own setting (Park settings), audited; out of range or by someone else, nothing changes.
    await setParkServiceTargetDays(db, { actor: boss, input: { parkId: park, serviceTargetDays: '12' } });
    expect(await setParkServiceTargetDays(db, { actor: boss, input: { parkId: park, serviceTargetDays: '5' } })).toMatchObject({ serviceTargetDays: 5 });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.parkId, park), eq(auditLog.action, 'park.serviceTargetDays'))).orderBy(auditLog.id);
    expect(audits.map((a) => [a.actorId, a.before, a.after])).toEqual([
      [boss.userId, { serviceTargetDays: 5 }, { serviceTargetDays: 12 }],
      [boss.userId, { serviceTargetDays: 12 }, { serviceTargetDays: 5 }],
    ]);
    expect(await refusalOf(setParkServiceTargetDays(db, { actor: boss, input: { parkId: park, serviceTargetDays: '0' } }))).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { serviceTargetDays: ['serviceTargetDaysRange'] },
    });
    expect(await codeOf(setParkServiceTargetDays(db, { actor: boss, input: { parkId: park, serviceTargetDays: 366 } }))).toBe('VALIDATION');
    expect(await codeOf(setParkServiceTargetDays(db, { actor: await makeAnalyst(park), input: { parkId: park, serviceTargetDays: 9 } }))).toBe('FORBIDDEN');
    const { manager: stranger } = await makeManagedPark();
    expect(await codeOf(setParkServiceTargetDays(db, { actor: stranger, input: { parkId: park, serviceTargetDays: 9 } }))).toBe('NOT_FOUND');
    expect((await db.select({ d: parks.serviceTargetDays }).from(parks).where(eq(parks.id, park)))[0].d).toBe(5);
    const service = await newService(park, boss);
    const { representative: rep, companyId } = await newResident({}, park, boss);
    const old = await request(rep, companyId, service.id, '2024-05-01', '1', park);
    const edge = await request(rep, companyId, service.id, '2024-05-05', '1', park);
    const fresh = await request(rep, companyId, service.id, '2024-05-08', '1', park);
    const finished = await request(rep, companyId, service.id, '2024-05-01', '1', park);
    await deliverServiceRequest(db, { actor: boss, parkId: park, input: { requestId: finished.id, quantity: '1' }, today: '2024-05-02' });

    // On 10 May: 1 May is 9 days ago (overdue), 5 May exactly 5 (not yet), 8 May 2.
    const overdue = await listParkServiceRequests(db, { actor: boss, parkId: park, filter: { overdue: true }, today: '2024-05-10' });
    expect(overdue.map((r) => r.id)).toEqual([old.id]);
    const all = await listParkServiceRequests(db, { actor: boss, parkId: park, today: '2024-05-10' });
    expect(all.map((r) => r.id).sort()).toEqual([old.id, edge.id, fresh.id, finished.id].sort());
    expect(all.find((r) => r.id === old.id)?.overdue).toBe(true);
    expect(all.find((r) => r.id === finished.id)?.overdue).toBe(false);
    const done = await listParkServiceRequests(db, { actor: boss, parkId: park, filter: { status: 'done' } });
    expect(done.map((r) => r.id)).toEqual([finished.id]);
    expect((await listMyServiceRequests(db, { actor: rep })).map((r) => r.id).sort()).toEqual([old.id, edge.id, fresh.id, finished.id].sort());
  });

  it('another park’s manager and another company’s representative neither see nor change a request', async () => {
    const db = await getDb();
    const service = await newService();
    const { representative: rep, companyId } = await newResident();
    const target = await request(rep, companyId, service.id);
    const { parkId: otherParkId, manager: otherManager } = await makeManagedPark();
    const stranger = (await newResident()).representative;

    expect(await listParkServiceRequests(db, { actor: otherManager, parkId: otherParkId })).toEqual([]);
    expect(await codeOf(listParkServiceRequests(db, { actor: otherManager, parkId }))).toBe('NOT_FOUND');
    expect(await codeOf(getServiceRequest(db, { actor: otherManager, requestId: target.id }))).toBe('NOT_FOUND');
    expect(await codeOf(deliverServiceRequest(db, { actor: otherManager, parkId: otherParkId, input: { requestId: target.id, quantity: '1' } }))).toBe('NOT_FOUND');
    expect(await codeOf(refuseServiceRequest(db, { actor: otherManager, parkId, input: { requestId: target.id, reason: 'x' } }))).toBe('NOT_FOUND');

    expect((await listMyServiceRequests(db, { actor: stranger })).map((r) => r.id)).not.toContain(target.id);
    expect(await codeOf(getServiceRequest(db, { actor: stranger, requestId: target.id }))).toBe('NOT_FOUND');
    expect(await codeOf(cancelServiceRequest(db, { actor: stranger, input: { requestId: target.id } }))).toBe('NOT_FOUND');

    expect(await getServiceRequest(db, { actor: rep, requestId: target.id })).toMatchObject({ status: 'requested', quantity: '2.00' });
    expect(await auditActions(target.id)).toEqual(['serviceRequest.create']);
  });

  it('of two deliveries at once, one wins and the other is told the request is no longer open', async () => {
    const db = await getDb();
    const service = await newService();
    const { representative: rep, companyId } = await newResident();
    const target = await request(rep, companyId, service.id);
    const second = await makeManager(parkId);
    const results = await Promise.allSettled([
      deliverServiceRequest(db, { actor: manager, parkId, input: { requestId: target.id, quantity: '1' }, today: '2024-05-03' }),
      deliverServiceRequest(db, { actor: second, parkId, input: { requestId: target.id, quantity: '4' }, today: '2024-05-03' }),
    ]);
    const won = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof deliverServiceRequest>>> => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'INVALID_TRANSITION', key: 'invalidTransition' });
    expect(await auditActions(target.id)).toEqual(['serviceRequest.create', 'serviceRequest.deliver']);
    const [row] = await db.select().from(serviceRequests).where(inArray(serviceRequests.id, [target.id]));
    expect(row.quantity).toBe(won[0].value.quantity);
  });
});
