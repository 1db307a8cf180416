import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { notifications, outbox } from '@/db/schema';
import { screenApplication } from '@/lib/applications/screening';
import { assignExperts } from '@/lib/council/assignments';
import { grantIncentive } from '@/lib/incentives/incentives';
import { makeApplication } from '@/lib/test/application-fixtures';
import { makeApplicant, makeExpert, makeManager, makePark } from '@/lib/test/fixtures';
import { makeResident } from '@/lib/test/residents-fixtures';
import { startSmtpServer } from '@/lib/test/smtp';
import { runScheduledJobs, SCHEDULED_JOBS } from './scheduler';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the scheduler', () => {
  it('sends each due notice once, however often it runs: expiring incentives and reviews due soon', async () => {
    vi.stubEnv('SMTP_URL', undefined);
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
    const notices = async (today: string) => {
      // Noon in the (Moscow) test park.
      const results = await runScheduledJobs(db, new Date(`${today}T09:00:00Z`));
      return { [incentives]: results[incentives], [reviews]: results[reviews] };
    };
    expect(await notices('2030-01-02')).toEqual({ [incentives]: 1, [reviews]: 0 });
    expect(await notices('2030-01-08')).toEqual({ [incentives]: 0, [reviews]: 1 });
    expect(await notices('2030-01-09')).toEqual({ [incentives]: 0, [reviews]: 0 });
    const sent = await db
      .select({ userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .where(and(inArray(notifications.kind, ['reviewDueSoon', 'incentiveExpiring']), eq(notifications.parkId, park.id)));
    expect(sent.filter((n) => n.kind === 'reviewDueSoon').map((n) => n.userId)).toEqual([expert.userId]);
    expect(sent.filter((n) => n.kind === 'incentiveExpiring').map((n) => n.userId)).toContain(manager.userId);
  });

  it('delivers the outbox every minute when SMTP is configured, and not at all without it', async () => {
    const db = await getDb();
    const outboxJob = SCHEDULED_JOBS.find((job) => job.name === 'outbox e-mail')!;
    expect(outboxJob.every).toBe(60_000);
    const park = await makePark();
    const manager = await makeManager(park.id);
    const expert = await makeExpert(park.id);
    const { applicationId, title } = await makeApplication(await makeApplicant(), park.id);
    await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'accepted' }, today: '2031-01-01' });
    await assignExperts(db, { actor: manager, input: { applicationId, expertIds: [expert.userId], dueOn: '2031-01-10' }, today: '2031-01-01' });

    vi.stubEnv('SMTP_URL', undefined);
    expect(Object.keys(await runScheduledJobs(db, new Date('2031-01-08T09:00:00Z')))).not.toContain(outboxJob.name);
    const subjects = [`Технопарк: Вам назначена экспертиза заявки «${title}», срок 10.01.2031`, `Технопарк: Срок экспертизы заявки «${title}» — 10.01.2031`];
    const queued = await db.select({ subject: outbox.subject, sentAt: outbox.sentAt }).from(outbox).where(eq(outbox.to, expert.email)).orderBy(outbox.createdAt);
    expect(queued).toEqual(subjects.map((subject) => ({ subject, sentAt: null })));

    const smtp = await startSmtpServer();
    try {
      vi.stubEnv('SMTP_URL', smtp.url);
      const results = await runScheduledJobs(db, new Date('2031-01-09T09:00:00Z'));
      expect(results[outboxJob.name]).toBeGreaterThanOrEqual(2);
      expect(smtp.received.filter((m) => m.to.includes(expert.email)).map((m) => m.subject)).toEqual(subjects);
    } finally {
      await smtp.close();
    }
  });
});
