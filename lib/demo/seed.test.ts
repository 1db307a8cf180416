import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import { getMyApplication, listMyApplications } from '@/lib/applications/applications';
import { openAttachment, readAttachment } from '@/lib/applications/attachments';
import { getTimeline } from '@/lib/applications/history';
import { listParkApplications } from '@/lib/applications/inbox';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { listAssignments } from '@/lib/council/assignments';
import { getMeeting, listMeetings } from '@/lib/council/meetings';
import { getMinutes } from '@/lib/council/minutes';
import { listMyAssignments } from '@/lib/council/my-assignments';
import { getReviewContext, getReviewSummary } from '@/lib/council/reviews';
import { addDays, todayIso } from '@/lib/dates';
import { getParkSummary } from '@/lib/reports/summary';
import { listAdmittableApplications } from '@/lib/residents/residents';
import { listServices } from '@/lib/services/catalogue';
import { getResourceCalendar, listResources } from '@/lib/services/bookings';
import { listMyServiceRequests, listParkServiceRequests } from '@/lib/services/requests';
import { authenticate, findUserIdByEmail, loadActor } from '@/lib/users/users';
import { LIVE_AUDIT, liveAuditCounts } from '@/lib/test/demo-live';
import { KUZBASS_PUBLISHED } from '@/lib/test/kuzbass-summary';
import { DEMO_ACCOUNTS, DEMO_EXTRA_APPLICANTS, DEMO_EXTRA_EXPERTS, DEMO_PASSWORD } from './accounts';
import { seedDemo } from './seed';


/** Kemerovo, UTC+7: the Kuzbass park's days begin four hours before Moscow's. */
const KUZBASS_ZONE = 'Asia/Novokuznetsk';

async function demoActor(email: string): Promise<Extract<Actor, { type: 'user' }>> {
  const db = await getDb();
  const actor = await loadActor(db, (await findUserIdByEmail(db, email))!);
  if (actor?.type !== 'user') throw new Error(`no demo account ${email}`);
  return actor;
}

async function snapshot() {
  const db = await getDb();
  const [counts] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT (SELECT count(*) FROM parks)::int AS parks, (SELECT count(*) FROM users)::int AS users,
          (SELECT count(*) FROM memberships)::int AS memberships, (SELECT count(*) FROM companies)::int AS companies,
          (SELECT count(*) FROM applications)::int AS applications, (SELECT count(*) FROM kpi_reports)::int AS "kpiReports",
          (SELECT count(*) FROM review_criteria)::int AS criteria, (SELECT count(*) FROM company_members)::int AS members,
          (SELECT count(*) FROM attachments)::int AS attachments, (SELECT count(*) FROM expert_assignments)::int AS assignments,
          (SELECT count(*) FROM reviews)::int AS reviews, (SELECT count(*) FROM council_meetings)::int AS meetings,
          (SELECT count(*) FROM council_decisions)::int AS decisions, (SELECT count(*) FROM notifications)::int AS notifications,
          (SELECT count(*) FROM outbox)::int AS outbox, (SELECT count(*) FROM audit_log)::int AS audit`,
  );
  return counts;
}

describe('seedDemo', () => {
  it('seeds the demo once: parks, accounts with their roles, the applicant as a resident representative, the rubrics', async () => {
    const db = await getDb();
    const started = performance.now();
    expect(await seedDemo(db)).toEqual({ seeded: true });
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(30);

    const first = await snapshot();
    // 2 parks; 5 listed accounts + 4 further experts + 5 further representatives; memberships: manager 2, expert 1,
    // analyst 2, experts 1+1+1+2; the applicant and the 5 further representatives each represent one company.
    expect(first).toMatchObject({ parks: 2, users: 14, memberships: 10, criteria: 10, members: 6 });
    // Both demo parks are in UTC+7 (Kemerovo and Tomsk), not in the installation's default zone.
    expect(await queryRows(db, sql`SELECT slug, time_zone AS "timeZone" FROM parks ORDER BY slug`)).toEqual([
      { slug: 'itc-tomsk', timeZone: 'Asia/Tomsk' },
      { slug: 'kuzbass', timeZone: KUZBASS_ZONE },
    ]);
    // The Kuzbass data set has 257 companies and the Tomsk one 6; 396 + 8 applications and 6 live ones; 292 + 14 KPI reports.
    expect(first).toMatchObject({ companies: 263, applications: 410, kpiReports: 306 });
    // The live stage: 6 business plans; 13 assignments (one a conflict) with 7 submitted reviews and a draft; 2 meetings;
    // 1 council decision beside the 299 of the imported minutes.
    expect(first).toMatchObject({ attachments: 6, assignments: 13, reviews: 8, meetings: 2, decisions: 300 });
    // Its notifications: 6 new applications and 2 completed sets of reviews and 1 conflict of interest to the manager,
    // 6 submission receipts, 5 screenings and 1 council decision to the applicants, 13 assignments to the experts, the 2 meetings called to
    // each of the 5 Kuzbass council members, and the demo applicant's question and the manager's answer about its application; each
    // is also e-mailed (every demo account is enabled), into the outbox page unless SMTP is configured. The service desk
    // (lib/demo/support.ts) adds 12 new requests to the manager and 10 deliveries and 1 start to the applicant, and the
    // 6 bookings (lib/demo/bookings.ts) one notice each to the Kuzbass manager: 75.
    expect(first).toMatchObject({ notifications: 75, outbox: 75 });
    expect(await queryRows(db, sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'bookingCreated'`)).toEqual([{ n: 6 }]);
    expect(await liveAuditCounts()).toEqual(LIVE_AUDIT);

    expect(await seedDemo(db)).toEqual({ seeded: false });
    expect(await snapshot()).toEqual(first);
  });

  it('gives the accounts their park roles and the password', async () => {
    const db = await getDb();
    await seedDemo(db);
    const roles = await queryRows<{ email: string; roles: string }>(
      db,
      sql`SELECT u.email, coalesce(string_agg(p.slug || ':' || m.role::text, ',' ORDER BY p.slug, m.role::text), '') AS roles
          FROM users u LEFT JOIN memberships m ON m.user_id = u.id LEFT JOIN parks p ON p.id = m.park_id
          GROUP BY u.email ORDER BY u.email`,
    );
    expect(Object.fromEntries(roles.map((r) => [r.email, r.roles]))).toEqual({
      'admin@technopark.demo': '',
      'analyst@technopark.demo': 'itc-tomsk:analyst,kuzbass:analyst',
      'applicant@technopark.demo': '',
      'applicant2@technopark.demo': '',
      'applicant3@technopark.demo': '',
      'applicant4@technopark.demo': '',
      'applicant5@technopark.demo': '',
      'applicant6@technopark.demo': '',
      'expert2@technopark.demo': 'kuzbass:expert',
      'expert3@technopark.demo': 'kuzbass:expert',
      'expert4@technopark.demo': 'kuzbass:expert',
      'expert5@technopark.demo': 'itc-tomsk:expert,kuzbass:expert',
      'expert@technopark.demo': 'kuzbass:expert',
      'manager@technopark.demo': 'itc-tomsk:manager,kuzbass:manager',
    });
    for (const account of [...DEMO_ACCOUNTS, ...DEMO_EXTRA_EXPERTS, ...DEMO_EXTRA_APPLICANTS]) {
      const result = await authenticate(db, { email: account.email, password: DEMO_PASSWORD }, null);
      expect(result, account.email).toMatchObject({ ok: true });
    }
  });

  it('makes the applicant the representative of a Kuzbass resident with an open on-site residency', async () => {
    const db = await getDb();
    await seedDemo(db);
    const rows = await queryRows<{ park: string; placement: string; endOn: string | null }>(
      db,
      sql`SELECT p.slug AS park, r.placement::text AS placement, r.end_on::text AS "endOn"
          FROM company_members m JOIN users u ON u.id = m.user_id
          JOIN residencies r ON r.company_id = m.company_id JOIN parks p ON p.id = r.park_id
          WHERE u.email = 'applicant@technopark.demo'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.park === 'kuzbass' && r.placement === 'on_site' && r.endOn === null)).toBe(true);
  });

  it('gives each demo park the default rubric (weights 25/20/20/20/15)', async () => {
    const db = await getDb();
    await seedDemo(db);
    const rows = await queryRows<{ park: string; codes: string; total: string }>(
      db,
      sql`SELECT p.slug AS park, string_agg(c.code || '=' || c.weight::text, ',' ORDER BY c.position) AS codes, sum(c.weight)::text AS total
          FROM review_criteria c JOIN parks p ON p.id = c.park_id GROUP BY p.slug ORDER BY p.slug`,
    );
    const expected = 'novelty=25.00,market=20.00,team=20.00,feasibility=20.00,regional_impact=15.00';
    expect(rows).toEqual([
      { park: 'itc-tomsk', codes: expected, total: '100.00' },
      { park: 'kuzbass', codes: expected, total: '100.00' },
    ]);
  });
});

describe('the live stage', () => {
  it('gives the demo expert three Kuzbass assignments: one untouched due in 10 days, one with a draft review, one submitted', async () => {
    const db = await getDb();
    await seedDemo(db);
    const today = todayIso(KUZBASS_ZONE);
    const expert = await demoActor('expert@technopark.demo');
    const kuzbass = expert.memberships[0].parkId;
    const mine = await listMyAssignments(db, { actor: expert, parkId: kuzbass });
    expect(mine).toHaveLength(3);
    expect(mine.filter((a) => a.status === 'assigned')).toHaveLength(2);
    const contexts = await Promise.all(mine.map((a) => getReviewContext(db, { actor: expert, assignmentId: a.id })));
    const untouched = contexts.find((c) => c.declaration === null)!;
    expect(untouched.assignment).toMatchObject({ status: 'assigned', dueOn: addDays(today, 10), overdue: false });
    expect(untouched.review).toBeNull();
    const draft = contexts.find((c) => c.review?.status === 'draft')!;
    expect(draft.declaration).toMatchObject({ hasConflict: false });
    expect(draft.review!.scores.filter((s) => s.score !== null).length).toBeGreaterThan(0);
    expect(draft.open).toBe(true);
    const submitted = contexts.find((c) => c.review?.status === 'submitted')!;
    expect(submitted.assignment.status).toBe('reviewed');
    // Submitted, the expert reads the two other experts' reviews.
    expect(submitted.others).toHaveLength(2);
  });

  it('holds a meeting a few days ago with a quorum and an approval, and plans the next one a week ahead with a reviewed application', async () => {
    const db = await getDb();
    await seedDemo(db);
    const today = todayIso(KUZBASS_ZONE);
    const manager = await demoActor('manager@technopark.demo');
    const [kuzbass] = await queryRows<{ id: string }>(db, sql`SELECT id FROM parks WHERE slug = 'kuzbass'`);
    const meetings = await listMeetings(db, { actor: manager, parkId: kuzbass.id });
    const held = meetings.find((m) => m.status === 'held')!;
    const planned = meetings.find((m) => m.status === 'planned')!;
    expect(meetings).toHaveLength(2);
    // Numbered after the 118 meetings of the imported minutes.
    expect(held).toMatchObject({ number: 119, heldOn: addDays(today, -3), items: 1, decided: 1, present: 4 });
    expect(planned).toMatchObject({ number: 120, heldOn: addDays(today, 7), items: 1, decided: 0, present: 0 });

    const minutes = await getMeeting(db, { actor: manager, meetingId: held.id });
    expect(minutes).toMatchObject({ councilSize: 5, quorumNeeded: 3, present: 4, quorum: true, attendanceFixed: true });
    expect(minutes.items[0]).toMatchObject({ status: 'approved', voters: 4, decision: { decision: 'approved', votesFor: 3, votesAgainst: 0, votesAbstain: 1, decidedOn: addDays(today, -3) } });
    expect(minutes.items[0].summary.reviews).toBe(3);
    // Its minutes are approved: version 1, in force.
    expect(await getMinutes(db, { actor: manager, meetingId: held.id })).toMatchObject({ state: 'approved', versions: [{ version: 1, correctionReason: null }] });
    // The approved application waits for admission, newest decision first.
    const admittable = await listAdmittableApplications(db, { actor: manager, parkId: kuzbass.id, today });
    expect(admittable[0]).toMatchObject({ applicationId: minutes.items[0].applicationId, approvedOn: addDays(today, -3), currentResident: false });

    const next = await getMeeting(db, { actor: manager, meetingId: planned.id });
    expect(next.items[0]).toMatchObject({ status: 'in_review', decision: null });
    // By hand, weights 25/20/20/20/15 over the means of (7,6,8), (6,6,7), (8,7,7), (7,5,6), (6,7,8): 673.33 / 100.
    const summary = await getReviewSummary(db, { actor: manager, applicationId: next.items[0].applicationId });
    expect(summary).toMatchObject({ reviews: 3, overall: { weightedMean: '6.73' }, recommendations: { approve: 2, revise: 1, reject: 0 } });
  });

  it('shows the manager a conflict of interest, and an application awaiting screening', async () => {
    const db = await getDb();
    await seedDemo(db);
    const manager = await demoActor('manager@technopark.demo');
    const [kuzbass] = await queryRows<{ id: string }>(db, sql`SELECT id FROM parks WHERE slug = 'kuzbass'`);
    const [conflicted] = await queryRows<{ application_id: string }>(
      db,
      sql`SELECT ea.application_id FROM expert_assignments ea WHERE ea.status = 'conflict'`,
    );
    const rows = await listAssignments(db, { actor: manager, applicationId: conflicted.application_id });
    // Two assigned together, one of whom declared a conflict; a third assigned in their place.
    expect(Object.fromEntries(rows.map((r) => [r.expertName, r.status]))).toEqual({ 'Сергей Новиков': 'assigned', 'Елена Павлова': 'conflict', 'Павел Смирнов': 'assigned' });
    expect(rows.find((r) => r.status === 'conflict')!.conflictReason).toBeTruthy();
    const inbox = await listParkApplications(db, { actor: manager, parkId: kuzbass.id, query: { status: 'submitted' }, today: todayIso(KUZBASS_ZONE) });
    expect(inbox.rows.filter((r) => r.submittedOn === todayIso(KUZBASS_ZONE))).toHaveLength(1);
  });

  it('gives the demo applicant a live application of its company: complete, accepted for expert review, experts assigned', async () => {
    const db = await getDb();
    await seedDemo(db);
    const today = todayIso(KUZBASS_ZONE);
    const applicant = await demoActor('applicant@technopark.demo');
    const live = (await listMyApplications(db, { actor: applicant })).filter((a) => a.status === 'in_review');
    expect(live).toHaveLength(1);
    expect(live[0].submittedOn).toBe(today);
    const app = await getMyApplication(db, { actor: applicant, applicationId: live[0].id });
    expect(app.missing).toEqual({});
    expect(app.plan.map((p) => p.year)).toEqual([0, 1, 2].map((i) => Number(today.slice(0, 4)) + i));
    expect(app.attachments).toEqual([expect.objectContaining({ kind: 'business_plan', mimeType: 'application/pdf', submitted: true })]);
    const timeline = await getTimeline(db, { actor: applicant, applicationId: app.id });
    expect(timeline.map((e) => [e.kind, e.outcome ?? e.count ?? e.version ?? null])).toEqual([
      ['created', null],
      ['submitted', 1],
      ['screened', 'accepted'],
      ['assigned', 2],
    ]);
    expect(timeline.some((e) => e.who)).toBe(false);

    // The business plan is a whole PDF: every cross-reference entry points at its object.
    const file = await readAttachment(db, { actor: applicant, attachmentId: app.attachments[0].id });
    const pdf = new TextDecoder('latin1').decode(await new Response((await openAttachment(file))!.body).arrayBuffer());
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    const xref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    const entries = pdf.slice(xref).split('\n').slice(3, 8);
    entries.forEach((entry, i) => expect(pdf.slice(Number(entry.slice(0, 10)))).toMatch(new RegExp(`^${i + 1} 0 obj`)));
  });

  it('gives Kuzbass a service catalogue, a year of delivered requests and lease rates: this year’s support is not zero', async () => {
    const db = await getDb();
    await seedDemo(db);
    const manager = await demoActor('manager@technopark.demo');
    const applicant = await demoActor('applicant@technopark.demo');
    const [{ id: parkId }] = await queryRows<{ id: string }>(db, sql`SELECT id FROM parks WHERE slug = 'kuzbass'`);
    expect((await listServices(db, { actor: manager, parkId })).map((s) => s.kind)).toEqual(['consulting', 'legal', 'accounting', 'ip', 'finance', 'room']);
    const desk = await listParkServiceRequests(db, { actor: manager, parkId });
    // Ten delivered on the desk and three bookings that have taken place; two open on the desk and three bookings to come.
    expect(desk.filter((r) => r.status === 'done')).toHaveLength(13);
    expect(desk.filter((r) => r.status === 'done' && r.bookingId)).toHaveLength(3);
    expect(desk.filter((r) => r.status === 'requested' || r.status === 'in_progress')).toHaveLength(5);
    expect((await listMyServiceRequests(db, { actor: applicant })).length).toBe(18);
    const year = Number(todayIso(KUZBASS_ZONE).slice(0, 4));
    const { support } = await getParkSummary(db, { actor: systemActor('cli'), parkSlug: 'kuzbass', from: year - 1, to: year, locale: 'en' });
    expect(Number(support.rentRub)).toBeGreaterThan(0);
    expect(Number(support.servicesRub)).toBeGreaterThan(0);
  });

  it('gives Kuzbass two bookable rooms with bookings around today: the representative sees theirs on the calendar, the manager whose they are', async () => {
    const db = await getDb();
    await seedDemo(db);
    const manager = await demoActor('manager@technopark.demo');
    const applicant = await demoActor('applicant@technopark.demo');
    const [{ id: parkId }] = await queryRows<{ id: string }>(db, sql`SELECT id FROM parks WHERE slug = 'kuzbass'`);
    const { resources } = await listResources(db, { actor: manager, parkId });
    expect(resources.map((r) => r.name)).toEqual(['Конференц-зал', 'Переговорная «Томь»']);
    const room = resources.find((r) => r.name === 'Переговорная «Томь»')!;
    const today = todayIso(KUZBASS_ZONE);
    const around = async (actor: Actor, date: string) => (await getResourceCalendar(db, { actor, resourceId: room.id, view: 'week', date })).bookings;
    const seen = [...(await around(manager, addDays(today, -6))), ...(await around(manager, today)), ...(await around(manager, addDays(today, 7)))];
    const unique = new Map(seen.map((b) => [b.id, b]));
    expect(unique.size).toBe(4);
    expect([...unique.values()].filter((b) => b.requestStatus === 'done')).toHaveLength(2);
    expect((await around(applicant, today)).every((b) => b.mine)).toBe(true);
  });

  it('leaves the published Kuzbass 2010–2016 summary as it was', async () => {
    const db = await getDb();
    await seedDemo(db);
    const summary = await getParkSummary(db, { actor: systemActor('cli'), parkSlug: 'kuzbass', from: 2010, to: 2016, locale: 'en' });
    expect(summary).toMatchObject(KUZBASS_PUBLISHED);
  });
});
