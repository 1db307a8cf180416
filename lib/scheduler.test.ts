import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { notifications } from '@/db/schema';
import { screenApplication } from '@/lib/applications/screening';
import { assignExperts } from '@/lib/council/assignments';
import { grantIncentive } from '@/lib/incentives/incentives';
import { makeApplication } from '@/lib/test/application-fixtures';
import { makeApplicant, makeExpert, makeManager, makePark } from '@/lib/test/fixtures';
import { makeResident } from '@/lib/test/residents-fixtures';
import { runScheduledJobs, SCHEDULED_JOBS } from './scheduler';

describe('the scheduler', () => {
  it('sends each due notice once, however often it runs: expiring incentives and reviews due soon', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const expert = await makeExpert(park.id);
    const { applicationId } = await makeApplication(await makeApplicant(), park.id);
    await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'accepted' }, today: '2030-01-01' });
    await assignExperts(db, { actor: manager, input: { applicationId, expertIds: [expert.userId], dueOn: '2030-01-10' }, today: '2030-01-01' });
    const resident = await makeResident(manager, park.id, { startOn: '2029-01-01' });
    await grantIncentive(db, {
      actor: manager,
      parkId: park.id,
      input: { residencyId: resident.residencyId, kind: 'land_tax', legalBasis: 'Municipal decision 12', decisionNumber: 'L-1', grantedOn: '2029-02-01', validFrom: '2029-02-01', validTo: '2030-03-01', conditions: null },
    });

    const [incentives, reviews] = SCHEDULED_JOBS.map((job) => job.name);
    expect(await runScheduledJobs(db, '2030-01-02')).toEqual({ [incentives]: 1, [reviews]: 0 });
    expect(await runScheduledJobs(db, '2030-01-08')).toEqual({ [incentives]: 0, [reviews]: 1 });
    expect(await runScheduledJobs(db, '2030-01-09')).toEqual({ [incentives]: 0, [reviews]: 0 });
    const sent = await db
      .select({ userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .where(and(inArray(notifications.kind, ['reviewDueSoon', 'incentiveExpiring']), eq(notifications.parkId, park.id)));
    expect(sent.filter((n) => n.kind === 'reviewDueSoon').map((n) => n.userId)).toEqual([expert.userId]);
    expect(sent.filter((n) => n.kind === 'incentiveExpiring').map((n) => n.userId)).toContain(manager.userId);
  });
});
