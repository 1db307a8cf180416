import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import { applicationClosures, applications, auditLog, expertAssignments, notifications } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { assignExperts } from '@/lib/council/assignments';
import { addAgendaItem, createMeeting } from '@/lib/council/meetings';
import { kuzbassDataset } from '@/lib/demo/dataset';
import { addDays, todayIso } from '@/lib/dates';
import { getParkDashboard } from '@/lib/parks/dashboard';
import { getFunnel } from '@/lib/reports/analytics/funnel';
import { getParkSummary } from '@/lib/reports/summary';
import { admitResident, listAdmittableApplications } from '@/lib/residents/residents';
import { makeApplication } from '@/lib/test/application-fixtures';
import { codeOf } from '@/lib/test/code-of';
import { makeApplicant, makeExpert, makeManagedPark, makeManager, makePark } from '@/lib/test/fixtures';
import { importDemoPark } from '@/lib/test/insert-dataset';
import { KUZBASS_PUBLISHED } from '@/lib/test/kuzbass-summary';
import { makeApprovedApplication, makeRepresentative } from '@/lib/test/residents-fixtures';
import { submitApplication } from './applications';
import { closeApplication, listClosedApprovals } from './closure';
import { getTimeline } from './history';
import { listParkApplications } from './inbox';
import { screenApplication } from './screening';

const today = todayIso();
const fingerprint = async (applicationId: string) => {
  const db = await getDb();
  const [row] = await queryRows<{ f: string }>(
    db,
    sql`SELECT concat_ws('|', a.status, a.updated_at, (SELECT count(*) FROM application_closures c WHERE c.application_id = a.id),
                         (SELECT count(*) FROM audit_log l WHERE l.entity_id = a.id::text), (SELECT count(*) FROM expert_assignments e WHERE e.application_id = a.id AND e.status = 'assigned')) AS f
        FROM applications a WHERE a.id = ${applicationId}`,
  );
  return row.f;
};

describe('closing an application with an outcome and a reason', () => {
  it('a stale application closed as lapsed leaves the live inbox and the dashboard; the closed filter shows its outcome, reason, who and when; the applicant is told; the audit log keeps it', async () => {
    const db = await getDb();
    const { parkId, manager } = await makeManagedPark();
    const applicant = await makeApplicant();
    const stale = await makeApplication(applicant, parkId);
    const live = await makeApplication(applicant, parkId);
    const inbox = (query: Record<string, unknown> = {}) => listParkApplications(db, { actor: manager, parkId, query, today });
    const before = await getParkDashboard(db, { actor: manager, parkId, today });
    expect(before.awaitingScreening).toBe(2);

    expect(await closeApplication(db, { actor: manager, input: { applicationId: stale.applicationId, outcome: 'lapsed', reason: '  No answer to our letters since 2016.  ' } })).toEqual({ status: 'closed' });

    const open = await inbox();
    expect(open.rows.map((r) => r.id)).toEqual([live.applicationId]);
    expect(open.total).toBe(1);
    expect((await inbox({ status: 'submitted' })).rows.map((r) => r.id)).toEqual([live.applicationId]);
    const closed = await inbox({ status: 'closed' });
    expect(closed.total).toBe(1);
    expect(closed.rows[0]).toMatchObject({
      id: stale.applicationId,
      status: 'closed',
      closure: { outcome: 'lapsed', reason: 'No answer to our letters since 2016.', statusBefore: 'submitted', closedByName: manager.name },
    });
    expect(closed.rows[0].closure!.closedAt).toBeInstanceOf(Date);
    expect((await getParkDashboard(db, { actor: manager, parkId, today })).awaitingScreening).toBe(1);

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, stale.applicationId), eq(auditLog.action, 'application.close')));
    expect(audit).toMatchObject({ actorId: manager.userId, parkId, before: { status: 'submitted' }, after: { status: 'closed', outcome: 'lapsed', reason: 'No answer to our letters since 2016.' } });
    const notices = await db.select().from(notifications).where(and(eq(notifications.userId, applicant.userId), eq(notifications.kind, 'applicationClosed')));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ parkId, href: `/my/applications/${stale.applicationId}`, params: { title: stale.title, outcome: 'lapsed' } });
    // The applicant sees the closing in its history, without the manager's name.
    const history = await getTimeline(db, { actor: applicant, applicationId: stale.applicationId });
    expect(history.at(-1)).toMatchObject({ kind: 'closed', outcome: 'lapsed', comment: 'No answer to our letters since 2016.', who: null });
  });

  it('an approval closed as not admitted leaves the admission list, shows among the closed approvals, and can no longer be admitted', async () => {
    const db = await getDb();
    const { parkId, manager } = await makeManagedPark();
    const stale = await makeApprovedApplication(parkId, { decidedOn: '2016-03-01', submittedOn: '2016-01-10' });
    const other = await makeApprovedApplication(parkId);
    await makeRepresentative(stale.companyId);
    const admittable = async () => (await listAdmittableApplications(db, { actor: manager, parkId, today })).map((r) => r.applicationId).sort();
    expect(await admittable()).toEqual([stale.applicationId, other.applicationId].sort());

    await closeApplication(db, { actor: manager, input: { applicationId: stale.applicationId, outcome: 'not_admitted', reason: 'The company chose another region.' } });

    expect(await admittable()).toEqual([other.applicationId]);
    expect(await listClosedApprovals(db, { actor: manager, parkId })).toEqual([
      expect.objectContaining({ applicationId: stale.applicationId, companyName: stale.companyName, outcome: 'not_admitted', reason: 'The company chose another region.', closedByName: manager.name }),
    ]);
    const admit = admitResident(db, {
      actor: manager,
      parkId,
      input: { applicationId: stale.applicationId, agreementNumber: 'R-1', agreementDate: today, startOn: today, endOn: '', placement: 'extraterritorial' },
    });
    expect(await codeOf(admit)).toBe('INVALID_TRANSITION');
  });

  it('an application closed while under review ends its open expert assignments, and a closed application moves no further', async () => {
    const db = await getDb();
    const { parkId, manager } = await makeManagedPark();
    const applicant = await makeApplicant();
    const expert = await makeExpert(parkId);
    const reviewed = await makeApplication(applicant, parkId);
    await screenApplication(db, { actor: manager, input: { applicationId: reviewed.applicationId, outcome: 'accepted' } });
    await assignExperts(db, { actor: manager, input: { applicationId: reviewed.applicationId, expertIds: [expert.userId], dueOn: addDays(today, 14) } });
    await closeApplication(db, { actor: manager, input: { applicationId: reviewed.applicationId, outcome: 'withdrawn', reason: 'The applicant withdrew it by letter.' } });
    const open = await db.select().from(expertAssignments).where(and(eq(expertAssignments.applicationId, reviewed.applicationId), eq(expertAssignments.status, 'assigned')));
    expect(open).toEqual([]);

    // Returned for revision, then closed: the applicant can no longer resubmit it, nor the manager screen it.
    const returned = await makeApplication(applicant, parkId);
    await screenApplication(db, { actor: manager, input: { applicationId: returned.applicationId, outcome: 'returned', comment: 'Attach the business plan.' } });
    await closeApplication(db, { actor: manager, input: { applicationId: returned.applicationId, outcome: 'lapsed', reason: 'No revision in two years.' } });
    expect(await codeOf(submitApplication(db, { actor: applicant, applicationId: returned.applicationId }))).toBe('INVALID_TRANSITION');
    expect(await codeOf(screenApplication(db, { actor: manager, input: { applicationId: returned.applicationId, outcome: 'accepted' } }))).toBe('INVALID_TRANSITION');
  });

  it('refuses bad input, the wrong outcome, a second closing, an admitted approval and an item waiting on an agenda, with a clear error, and changes nothing', async () => {
    const db = await getDb();
    const { parkId, manager } = await makeManagedPark();
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, parkId);
    const close = (input: Record<string, unknown>, actor = manager) => closeApplication(db, { actor, input: { applicationId, outcome: 'lapsed', reason: 'Stale.', ...input } as never });
    const unchanged = await fingerprint(applicationId);

    const blank = await close({ reason: '   ' }).catch((e) => e);
    expect(blank).toMatchObject({ code: 'VALIDATION', fieldErrors: { reason: ['required'] } });
    expect(await close({ outcome: 'forgotten' }).catch((e) => e)).toMatchObject({ code: 'VALIDATION', fieldErrors: { outcome: ['required'] } });
    expect(await close({ reason: 'x'.repeat(2001) }).catch((e) => e)).toMatchObject({ code: 'VALIDATION', fieldErrors: { reason: ['tooLong'] } });
    expect(await close({ outcome: 'not_admitted' }).catch((e) => e)).toMatchObject({ code: 'INVALID_TRANSITION', key: 'notAdmittedNeedsApproval' });
    // Others: an expert of the park and the applicant, who may see it, are refused; another park's manager finds nothing.
    expect(await codeOf(close({}, await makeExpert(parkId)))).toBe('FORBIDDEN');
    expect(await codeOf(close({}, applicant))).toBe('FORBIDDEN');
    expect(await codeOf(close({}, await makeManager((await makePark()).id)))).toBe('NOT_FOUND');
    expect(await fingerprint(applicationId)).toBe(unchanged);

    await close({});
    const closedOnce = await fingerprint(applicationId);
    expect(await close({ outcome: 'withdrawn' }).catch((e) => e)).toMatchObject({ code: 'CONFLICT', key: 'alreadyClosed' });
    expect(await fingerprint(applicationId)).toBe(closedOnce);

    // An approval already admitted is no longer the park's to close.
    const admitted = await makeApprovedApplication(parkId);
    await admitResident(db, { actor: manager, parkId, input: { applicationId: admitted.applicationId, agreementNumber: 'R-2', agreementDate: today, startOn: today, endOn: '', placement: 'extraterritorial' } });
    const admittedBefore = await fingerprint(admitted.applicationId);
    expect(await closeApplication(db, { actor: manager, input: { applicationId: admitted.applicationId, outcome: 'not_admitted', reason: 'x' } }).catch((e) => e)).toMatchObject({
      code: 'CONFLICT',
      key: 'alreadyAdmitted',
    });
    expect(await fingerprint(admitted.applicationId)).toBe(admittedBefore);

    // On a planned meeting's agenda: taken off it first.
    const onAgenda = await makeApplication(applicant, parkId);
    await screenApplication(db, { actor: manager, input: { applicationId: onAgenda.applicationId, outcome: 'accepted' } });
    const { id: meetingId } = await createMeeting(db, { actor: manager, input: { parkId, number: 7, heldOn: addDays(today, 7) } });
    await addAgendaItem(db, { actor: manager, input: { meetingId, applicationId: onAgenda.applicationId } });
    const agendaBefore = await fingerprint(onAgenda.applicationId);
    expect(await closeApplication(db, { actor: manager, input: { applicationId: onAgenda.applicationId, outcome: 'withdrawn', reason: 'x' } }).catch((e) => e)).toMatchObject({
      code: 'INVALID_TRANSITION',
      key: 'closeOnAgenda',
      params: { number: 7 },
    });
    expect(await fingerprint(onAgenda.applicationId)).toBe(agendaBefore);
  });

  it('of a close and an admission at once, exactly one happens', async () => {
    const db = await getDb();
    const { parkId, manager } = await makeManagedPark();
    const other = await makeManager(parkId);
    const app = await makeApprovedApplication(parkId);
    const results = await Promise.all([
      codeOf(closeApplication(db, { actor: manager, input: { applicationId: app.applicationId, outcome: 'not_admitted', reason: 'Declined.' } })),
      codeOf(admitResident(db, { actor: other, parkId, input: { applicationId: app.applicationId, agreementNumber: 'R-3', agreementDate: today, startOn: today, endOn: '', placement: 'extraterritorial' } })),
    ]);
    expect(results.filter((r) => r === 'OK')).toHaveLength(1);
    const [closures, residencies] = await Promise.all([
      db.select().from(applicationClosures).where(eq(applicationClosures.applicationId, app.applicationId)),
      queryRows(db, sql`SELECT id FROM residencies WHERE application_id = ${app.applicationId}`),
    ]);
    expect(closures.length + residencies.length).toBe(1);
  });
});

describe('closing leaves the park’s reports as the contract defines them', () => {
  const data = kuzbassDataset();
  const cli = systemActor('cli');
  let parkId: string;

  beforeAll(async () => {
    parkId = await importDemoPark(await getDb(), data);
  });

  it('closing every application awaiting screening or review and every approval never admitted changes no figure of the 2010–2016 summary or funnel', async () => {
    const db = await getDb();
    const manager = await makeManager(parkId);
    const period = { actor: cli, parkSlug: data.park.slug, from: 2010, to: 2016 };
    const [summaryBefore, funnelBefore] = await Promise.all([getParkSummary(db, { ...period, locale: 'en' }), getFunnel(db, period)]);
    expect(summaryBefore).toMatchObject(KUZBASS_PUBLISHED);

    const stale = await queryRows<{ id: string; status: string }>(
      db,
      sql`SELECT a.id, a.status FROM applications a WHERE a.park_id = ${parkId}
          AND (a.status IN ('submitted', 'in_review', 'returned') OR (a.status = 'approved' AND NOT EXISTS (SELECT 1 FROM residencies r WHERE r.application_id = a.id)))`,
    );
    expect(stale.filter((a) => a.status === 'submitted').length).toBeGreaterThan(0);
    expect(stale.filter((a) => a.status === 'approved').length).toBeGreaterThan(0);
    for (const a of stale)
      await closeApplication(db, { actor: manager, input: { applicationId: a.id, outcome: a.status === 'approved' ? 'not_admitted' : 'lapsed', reason: 'Stale since the demo years.' } });
    const closedNow = await db.select({ id: applications.id }).from(applications).where(and(eq(applications.parkId, parkId), inArray(applications.id, stale.map((a) => a.id)), eq(applications.status, 'closed')));
    expect(closedNow).toHaveLength(stale.length);

    const [summaryAfter, funnelAfter] = await Promise.all([getParkSummary(db, { ...period, locale: 'en' }), getFunnel(db, period)]);
    expect(summaryAfter).toEqual(summaryBefore);
    expect(summaryAfter).toMatchObject(KUZBASS_PUBLISHED);
    expect(funnelAfter).toEqual(funnelBefore);
  });
});
