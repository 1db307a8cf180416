import 'server-only';
import { and, eq, notExists, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { queryRows } from '@/db/rows';
import { applications, attachments, companyMembers, conflictDeclarations, councilMeetings, expertAssignments, meetingAttendance, meetingItems, reviews, threadMessages, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { saveDraft, submitApplication } from '@/lib/applications/applications';
import { uploadAttachment } from '@/lib/applications/attachments';
import { screenApplication } from '@/lib/applications/screening';
import { assignExperts } from '@/lib/council/assignments';
import { recordDecision } from '@/lib/council/decisions';
import { castVote } from '@/lib/council/votes';
import { approveMinutes, getMinutes } from '@/lib/council/minutes';
import { addAgendaItem, createMeeting, nextMeetingNumber, setAttendance } from '@/lib/council/meetings';
import { declareConflict, saveReviewDraft, submitReview } from '@/lib/council/reviews';
import { activeCriteria } from '@/lib/council/rubric';
import { parkToday } from '@/lib/parks/clock';
import { addDays } from '@/lib/dates';
import { postThreadMessage } from '@/lib/threads/threads';
import { loadActor } from '@/lib/users/users';
import { businessPlanPdf } from './business-plan';
import { linkRepresentative } from './link';
import {
  APPLICANT,
  COMPANIES,
  CONVEYORS,
  EXPERT,
  GAS_ANALYSER,
  HELD_MEETING_DAYS,
  MANAGER,
  PLANNED_MEETING_DAYS,
  QUARRY,
  RECLAMATION,
  SAFETY,
  SORBENTS,
  type CompanyChoice,
  type ExpertStep,
  type LiveApplication,
  type Scores,
} from './live-plans';

/*
 * The demo's live stage: the expert council at work today. The imported data sets end in 2018 with
 * historic decisions only, so this adds a handful of applications in Kuzbass taken through the same
 * domain functions the pages call, as the demo users (every rule, audit row, notification and the e-mail
 * queued with it is real), dated relative to today; live-plans.ts says how far each one goes. Every step
 * first looks at what is already there, so a run interrupted half-way is completed by the next one
 * without doing anything twice.
 */

type Context = { db: Db; parkId: string; today: string; actor: (email: string) => Extract<Actor, { type: 'user' }>; userId: (email: string) => string; criteria: Map<string, string> };

async function context(db: Db, parkId: string): Promise<Context> {
  const rows = await db.select({ id: users.id, email: users.email }).from(users);
  const ids = new Map(rows.map((r) => [r.email, r.id]));
  const actors = new Map<string, Extract<Actor, { type: 'user' }>>();
  for (const email of [MANAGER, ...Object.values(EXPERT), ...Object.keys(COMPANIES), APPLICANT]) {
    const id = ids.get(email);
    const actor = id ? await loadActor(db, id) : null;
    if (actor?.type === 'user') actors.set(email, actor);
  }
  const criteria = new Map((await activeCriteria(db, parkId)).map((c) => [c.code, c.id!]));
  return {
    db,
    parkId,
    today: await parkToday(db, parkId),
    actor: (email) => {
      const actor = actors.get(email);
      if (!actor) throw new Error(`demo live stage: no account ${email}`);
      return actor;
    },
    userId: (email) => {
      const id = ids.get(email);
      if (!id) throw new Error(`demo live stage: no account ${email}`);
      return id;
    },
    criteria,
  };
}

/**
 * The company a further representative speaks for: the one it is linked to, else one of the park's
 * companies nobody represents yet, of the kind asked (the same industry first), linked now.
 */
async function representedCompany(ctx: Context, email: string, choice: CompanyChoice): Promise<string | null> {
  const userId = ctx.userId(email);
  return ctx.db.transaction(async (tx) => {
    const [linked] = await tx.select({ companyId: companyMembers.companyId }).from(companyMembers).where(eq(companyMembers.userId, userId));
    if (linked) return linked.companyId;
    const kind =
      choice.kind === 'extraterritorial-resident'
        ? sql`EXISTS (SELECT 1 FROM residencies r WHERE r.company_id = c.id AND r.park_id = ${ctx.parkId} AND r.end_on IS NULL AND r.placement = 'extraterritorial')`
        : // Never a resident, and every earlier application refused or returned: a company trying again.
          sql`NOT EXISTS (SELECT 1 FROM residencies r WHERE r.company_id = c.id)
              AND EXISTS (SELECT 1 FROM applications a WHERE a.company_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.company_id = c.id AND a.status NOT IN ('rejected', 'returned'))`;
    const [company] = await queryRows<{ id: string; key: string }>(
      tx,
      sql`SELECT c.id::text AS id, c.key FROM companies c
          WHERE c.park_id = ${ctx.parkId} AND NOT EXISTS (SELECT 1 FROM company_members m WHERE m.company_id = c.id) AND ${kind}
          ORDER BY (c.industry = ${choice.industry}) DESC, c.key COLLATE "C" LIMIT 1`,
    );
    if (!company) return null;
    await linkRepresentative(tx, { parkId: ctx.parkId, userId, company });
    return company.id;
  });
}

function scoresInput(ctx: Context, scores: Scores) {
  return Object.entries(scores).map(([code, score]) => {
    const criterionId = ctx.criteria.get(code);
    if (!criterionId) throw new Error(`demo live stage: no criterion ${code}`);
    return { criterionId, score, comment: '' };
  });
}

/** Takes one expert's assignment as far as the plan says, from wherever it stands. */
async function advanceAssignment(ctx: Context, assignment: { id: string; status: string }, plan: ExpertStep) {
  if (assignment.status !== 'assigned' || plan.step === 'untouched') return;
  const actor = ctx.actor(plan.expert);
  const [declared] = await ctx.db.select({ id: conflictDeclarations.id }).from(conflictDeclarations).where(eq(conflictDeclarations.assignmentId, assignment.id));
  if (!declared) {
    await declareConflict(ctx.db, {
      actor,
      input: { assignmentId: assignment.id, hasConflict: plan.step === 'conflict', reason: plan.step === 'conflict' ? plan.reason : '' },
    });
  }
  if (plan.step === 'conflict') return;
  if (plan.step === 'draft') {
    const [draft] = await ctx.db.select({ id: reviews.id }).from(reviews).where(eq(reviews.assignmentId, assignment.id));
    if (!draft) await saveReviewDraft(ctx.db, { actor, input: { assignmentId: assignment.id, scores: scoresInput(ctx, plan.scores), recommendation: null, comment: plan.comment } });
    return;
  }
  await submitReview(ctx.db, { actor, input: { assignmentId: assignment.id, scores: scoresInput(ctx, plan.scores), recommendation: plan.recommendation, comment: plan.comment } });
}

/**
 * Takes a live application as far as its plan says: drafted with its business plan, submitted,
 * accepted for expert review, experts assigned round by round and each as far as planned.
 */
async function advanceApplication(ctx: Context, companyId: string, plan: LiveApplication): Promise<string> {
  const { db, today } = ctx;
  const rep = ctx.actor(plan.representative);
  const manager = ctx.actor(MANAGER);
  let [app] = await db
    .select({ id: applications.id, status: applications.status })
    .from(applications)
    .where(and(eq(applications.companyId, companyId), eq(applications.title, plan.title)));
  if (!app) {
    const year = Number(today.slice(0, 4));
    const { applicationId } = await saveDraft(db, {
      actor: rep,
      input: {
        parkId: ctx.parkId,
        companyId,
        title: plan.title,
        description: plan.description,
        industry: plan.industry,
        wantsPremises: plan.premisesAreaM2 !== null,
        premisesAreaM2: plan.premisesAreaM2,
        wantsTaxIncentives: plan.wantsTaxIncentives,
        services: plan.services,
        plan: plan.plan.map(([investmentRub, capitalInvestmentRub, newJobs, incomeRub], i) => ({ year: year + i, investmentRub, capitalInvestmentRub, newJobs, incomeRub })),
      },
    });
    app = { id: applicationId, status: 'draft' };
  }
  if (app.status === 'draft') {
    const [document] = await db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.applicationId, app.id), eq(attachments.kind, 'business_plan')));
    if (!document) {
      const bytes = businessPlanPdf([
        `Business plan: ${plan.titleEn}`,
        `Kuzbass Technopark application, ${addDays(today, -plan.submittedDaysAgo)}`,
        'Summary, market, team, three-year plan of investment, jobs and income.',
        'A demo document generated by the Technopark demo data.',
      ]);
      await uploadAttachment(db, { actor: rep, applicationId: app.id, kind: 'business_plan', fileName: 'business-plan.pdf', bytes });
    }
    await submitApplication(db, { actor: rep, applicationId: app.id, today: addDays(today, -plan.submittedDaysAgo) });
    app.status = 'submitted';
  }
  if (plan.screenedDaysAgo === null) return app.id;
  if (app.status === 'submitted') {
    await screenApplication(db, { actor: manager, input: { applicationId: app.id, outcome: 'accepted' }, today: addDays(today, -plan.screenedDaysAgo) });
    app.status = 'in_review';
  }
  if (app.status !== 'in_review') return app.id;
  for (const round of plan.rounds) {
    const assigned = async () =>
      new Map(
        (await db.select({ id: expertAssignments.id, expertId: expertAssignments.expertId, status: expertAssignments.status }).from(expertAssignments).where(eq(expertAssignments.applicationId, app.id))).map(
          (a) => [a.expertId, a],
        ),
      );
    let current = await assigned();
    const missing = round.experts.map((e) => ctx.userId(e.expert)).filter((id) => !current.has(id));
    if (missing.length) {
      await assignExperts(db, { actor: manager, input: { applicationId: app.id, expertIds: missing, dueOn: addDays(today, round.dueInDays) } });
      current = await assigned();
    }
    for (const step of round.experts) await advanceAssignment(ctx, current.get(ctx.userId(step.expert))!, step);
  }
  return app.id;
}

/**
 * The meeting whose agenda holds the application; else an empty one of the park on that day (left
 * by an interrupted run); else a new one with the next number.
 */
type MeetingDetails = { startsAt: string; place: string; videoLink?: string; votingDeadline?: string };

/** Where the Kuzbass council meets. */
const COUNCIL_ROOM = 'Кемерово, Советский пр., 63, конференц-зал';

async function meetingFor(ctx: Context, applicationId: string, heldOn: string, details: MeetingDetails): Promise<string> {
  const manager = ctx.actor(MANAGER);
  const [onAgenda] = await ctx.db.select({ id: meetingItems.meetingId }).from(meetingItems).where(eq(meetingItems.applicationId, applicationId));
  if (onAgenda) return onAgenda.id;
  let [meeting] = await ctx.db
    .select({ id: councilMeetings.id })
    .from(councilMeetings)
    .where(
      and(
        eq(councilMeetings.parkId, ctx.parkId),
        eq(councilMeetings.heldOn, heldOn),
        eq(councilMeetings.status, 'planned'),
        notExists(ctx.db.select({ id: meetingItems.id }).from(meetingItems).where(eq(meetingItems.meetingId, councilMeetings.id))),
      ),
    );
  if (!meeting) {
    const number = await nextMeetingNumber(ctx.db, { actor: manager, parkId: ctx.parkId });
    meeting = await createMeeting(ctx.db, { actor: manager, input: { parkId: ctx.parkId, number, heldOn, ...details } });
  }
  await addAgendaItem(ctx.db, { actor: manager, input: { meetingId: meeting.id, applicationId } });
  return meeting.id;
}

/**
 * The live stage of the demo in the park (Kuzbass), before the demo applicant is linked to its
 * company: five applications of other Kuzbass companies, each by its own representative, at every
 * step of the council's work, and two council meetings, one held a few days ago and one planned.
 */
export async function seedLiveCouncil(db: Db, { parkId }: { parkId: string }): Promise<void> {
  const ctx = await context(db, parkId);
  const companies = new Map<string, string>();
  for (const [email, choice] of Object.entries(COMPANIES)) {
    const companyId = await representedCompany(ctx, email, choice);
    if (companyId) companies.set(email, companyId);
  }
  const advance = (plan: LiveApplication) => {
    const companyId = companies.get(plan.representative);
    return companyId ? advanceApplication(ctx, companyId, plan) : Promise.resolve(null);
  };
  const manager = ctx.actor(MANAGER);

  // The meeting held a few days ago: four of the five members present (a quorum of three), the reclamation project approved.
  // createMeeting takes any date, and a decision is dated by its meeting.
  const approved = await advance(RECLAMATION);
  if (approved) {
    const meetingId = await meetingFor(ctx, approved, addDays(ctx.today, HELD_MEETING_DAYS), { startsAt: '14:00', place: COUNCIL_ROOM });
    const [app] = await db.select({ status: applications.status }).from(applications).where(eq(applications.id, approved));
    if (app.status === 'in_review') {
      const [recorded] = await db.select({ userId: meetingAttendance.userId }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId)).limit(1);
      if (!recorded) {
        const present = [EXPERT.volkov, EXPERT.lebedeva, EXPERT.novikov, EXPERT.smirnov].map((email) => ctx.userId(email));
        await setAttendance(db, { actor: manager, input: { meetingId, userIds: present } });
      }
      // The members present vote themselves: three for, one abstaining; the manager then closes the item.
      const votes = [[EXPERT.volkov, 'for'], [EXPERT.lebedeva, 'for'], [EXPERT.novikov, 'for'], [EXPERT.smirnov, 'abstain']] as const;
      for (const [email, vote] of votes) await castVote(db, { actor: ctx.actor(email), input: { meetingId, applicationId: approved, vote } });
      await recordDecision(db, {
        actor: manager,
        input: {
          meetingId,
          applicationId: approved,
          decision: 'approved',
          reason: 'Поддержать проект; до заключения соглашения о резидентстве согласовать с надзорными органами порядок приёмки рекультивированных участков.',
        },
      });
    }
    // The manager approved its minutes: the meeting is locked, and the applicant's record links to the extract.
    if ((await getMinutes(db, { actor: manager, meetingId })).state === 'draft') await approveMinutes(db, { actor: manager, input: { meetingId } });
  }

  // The next meeting, a week ahead: the digital-twin project, reviewed by three experts, is on its agenda.
  const reviewed = await advance(QUARRY);
  if (reviewed) {
    const [app] = await db.select({ status: applications.status }).from(applications).where(eq(applications.id, reviewed));
    // Members may vote remotely until the evening before.
    if (app.status === 'in_review')
      await meetingFor(ctx, reviewed, addDays(ctx.today, PLANNED_MEETING_DAYS), {
        startsAt: '15:00',
        place: COUNCIL_ROOM,
        videoLink: 'https://telemost.yandex.ru/j/kuzbass-council-demo',
        votingDeadline: `${addDays(ctx.today, PLANNED_MEETING_DAYS - 1)}T18:00`,
      });
  }

  await advance(SAFETY);
  await advance(GAS_ANALYSER);
  await advance(CONVEYORS);
}

/**
 * The demo applicant's own live application, for the company it has just been linked to: submitted,
 * accepted for expert review, two experts assigned, and a conversation with the manager about it.
 */
export async function seedApplicantApplication(db: Db, { parkId, applicantId }: { parkId: string; applicantId: string }): Promise<void> {
  const [link] = await db.select({ companyId: companyMembers.companyId }).from(companyMembers).where(eq(companyMembers.userId, applicantId)).limit(1);
  if (!link) return;
  const ctx = await context(db, parkId);
  const applicationId = await advanceApplication(ctx, link.companyId, SORBENTS);
  await seedApplicantConversation(ctx, applicationId);
}

/**
 * The demo applicant's question about its application, with a draft letter attached, and the manager's
 * answer: the conversation kept with the application. The answer is the demo seed's last write.
 */
async function seedApplicantConversation(ctx: Context, applicationId: string): Promise<void> {
  const { db } = ctx;
  const said = await db.select({ side: threadMessages.side }).from(threadMessages).where(eq(threadMessages.applicationId, applicationId));
  const subject = { subject: 'application' as const, subjectId: applicationId };
  if (!said.some((m) => m.side === 'company')) {
    const letter = businessPlanPdf(['Letter of intent (draft)', 'A second buyer intends to test 20 tonnes of sorbent in its water treatment.', 'A demo document generated by the Technopark demo data.']);
    await postThreadMessage(db, {
      actor: ctx.actor(APPLICANT),
      input: { ...subject, body: 'Добрый день! Второй потребитель готов подписать письмо о намерениях испытать 20 тонн сорбента. Можно ли приложить его до заседания совета? Проект письма — во вложении.' },
      files: [{ fileName: 'письмо-о-намерениях.pdf', bytes: letter }],
    });
  }
  if (!said.some((m) => m.side === 'staff')) {
    await postThreadMessage(db, {
      actor: ctx.actor(MANAGER),
      input: { ...subject, body: 'Да, пришлите подписанное письмо ответом в этой переписке — мы включим его в материалы к заседанию совета.' },
    });
  }
}
