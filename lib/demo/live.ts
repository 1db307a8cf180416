import 'server-only';
import { and, eq, notExists, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { queryRows } from '@/db/rows';
import { applications, attachments, companyMembers, conflictDeclarations, councilMeetings, expertAssignments, meetingAttendance, meetingItems, reviews, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { linkRepresentative } from './link';
import { saveDraft, submitApplication, type ApplicationDto } from '@/lib/applications/applications';
import { uploadAttachment } from '@/lib/applications/attachments';
import { screenApplication } from '@/lib/applications/screening';
import { assignExperts } from '@/lib/council/assignments';
import { addAgendaItem, createMeeting, nextMeetingNumber, recordDecision, setAttendance } from '@/lib/council/meetings';
import { declareConflict, saveReviewDraft, submitReview } from '@/lib/council/reviews';
import { activeCriteria } from '@/lib/council/rubric';
import { addDays, todayIso } from '@/lib/dates';
import { loadActor } from '@/lib/users/users';
import type { DEMO_CRITERIA } from './seed';
import type { Recommendation } from '@/lib/validation/council';

/*
 * The demo's live stage: the expert council at work today. The imported data sets end in 2018 with
 * historic decisions only, so this adds a handful of applications in Kuzbass taken through the same
 * domain functions the pages call, as the demo users (every rule, audit row, notification and the e-mail
 * queued with it is real), dated relative to today. Every step first looks at what is already there, so a run interrupted
 * half-way is completed by the next one without doing anything twice.
 */

const MANAGER = 'manager@technopark.demo';
const APPLICANT = 'applicant@technopark.demo';
const EXPERT = {
  volkov: 'expert@technopark.demo',
  lebedeva: 'expert2@technopark.demo',
  novikov: 'expert3@technopark.demo',
  pavlova: 'expert4@technopark.demo',
  smirnov: 'expert5@technopark.demo',
} as const;

/** Scores by criterion code of the demo rubric, 0–10; null: not scored yet. */
type Scores = Record<(typeof DEMO_CRITERIA)[number]['code'], number | null>;

/** What an assigned expert has done so far. */
type ExpertStep =
  | { expert: string; step: 'untouched' }
  | { expert: string; step: 'conflict'; reason: string }
  | { expert: string; step: 'draft'; scores: Scores; comment: string }
  | { expert: string; step: 'reviewed'; scores: Scores; recommendation: Recommendation; comment: string };

type LiveApplication = Pick<ApplicationDto, 'title' | 'description' | 'industry' | 'wantsPremises' | 'premisesAreaM2' | 'wantsTaxIncentives' | 'services'> & {
  /** The company's representative who drafts and submits it. */
  representative: string;
  /** The business plan's heading (the generated PDF holds Latin text only). */
  titleEn: string;
  /** Investment, of which capital, new jobs, income: this year and the next two. */
  plan: [string, string, number, string][];
  /** The submission and screening dates, in days before today (0: today). */
  submittedDaysAgo: number;
  screenedDaysAgo: number | null;
  /** Assignment rounds, each one call of assignExperts with its due date, in days from today. */
  rounds: { dueInDays: number; experts: ExpertStep[] }[];
};

/** The company a further representative speaks for. */
type CompanyChoice = { kind: 'extraterritorial-resident' | 'refused-before'; industry: string };

/** An extraterritorial resident's new project: one review submitted, the demo expert's still a draft. */
const SAFETY: LiveApplication = {
  representative: 'applicant2@technopark.demo',
  title: 'Система позиционирования горняков в шахте на сверхширокополосной радиосвязи',
  titleEn: 'Ultra-wideband positioning of miners underground',
  description:
    'Сеть сверхширокополосных радиомаяков и носимых меток определяет положение каждого горняка в выработке с точностью до 30 см ' +
    'и передаёт его диспетчеру шахты. При аварии система показывает, кто и где находится, и ведёт к ближайшему выходу. ' +
    'Опытный участок развёрнут на шахте-партнёре; проект доводит оборудование до серийного выпуска и сертификации по взрывозащите.',
  industry: 'промышленная безопасность',
  wantsPremises: false,
  premisesAreaM2: null,
  wantsTaxIncentives: true,
  services: ['legal', 'finance'],
  plan: [
    ['9000000', '3500000', 4, '2000000'],
    ['14000000', '6000000', 7, '18000000'],
    ['6000000', '1500000', 5, '42000000'],
  ],
  submittedDaysAgo: 0,
  screenedDaysAgo: 0,
  rounds: [
    {
      dueInDays: 12,
      experts: [
        {
          expert: EXPERT.volkov,
          step: 'draft',
          scores: { novelty: 8, market: 7, team: null, feasibility: null, regional_impact: null },
          comment: 'Технология сильная; команду и сроки сертификации ещё нужно проверить.',
        },
        {
          expert: EXPERT.smirnov,
          step: 'reviewed',
          scores: { novelty: 8, market: 8, team: 7, feasibility: 6, regional_impact: 8 },
          recommendation: 'approve',
          comment: 'Востребовано угольными компаниями региона; риск — сроки сертификации взрывозащиты.',
        },
      ],
    },
  ],
};

/** Reviewed by three experts and on the agenda of the next meeting. */
const QUARRY: LiveApplication = {
  representative: 'applicant3@technopark.demo',
  title: 'Цифровой двойник карьера для планирования буровзрывных работ',
  titleEn: 'A digital twin of an open-pit mine for drill-and-blast planning',
  description:
    'Модель карьера строится по данным аэрофотосъёмки с беспилотника и журналам бурения и обновляется каждую смену. ' +
    'По ней рассчитываются сетка скважин и масса заряда, чтобы снизить выход негабарита и расход взрывчатых веществ. ' +
    'Пилотное внедрение согласовано с разрезом в Кемеровском округе; расчёт экономического эффекта приложен к бизнес-плану.',
  industry: 'горное дело',
  wantsPremises: true,
  premisesAreaM2: '90',
  wantsTaxIncentives: false,
  services: ['consulting', 'patent'],
  plan: [
    ['6500000', '1200000', 6, '3000000'],
    ['8000000', '1500000', 8, '15000000'],
    ['5000000', '800000', 4, '32000000'],
  ],
  submittedDaysAgo: 0,
  screenedDaysAgo: 0,
  rounds: [
    {
      dueInDays: 5,
      experts: [
        {
          expert: EXPERT.volkov,
          step: 'reviewed',
          scores: { novelty: 7, market: 6, team: 8, feasibility: 7, regional_impact: 6 },
          recommendation: 'approve',
          comment: 'Проработанный проект с понятным пилотом; рынок ограничен разрезами региона.',
        },
        {
          expert: EXPERT.lebedeva,
          step: 'reviewed',
          scores: { novelty: 6, market: 6, team: 7, feasibility: 5, regional_impact: 7 },
          recommendation: 'revise',
          comment: 'Экономический эффект посчитан на одном разрезе; нужен расчёт хотя бы для двух.',
        },
        {
          expert: EXPERT.pavlova,
          step: 'reviewed',
          scores: { novelty: 8, market: 7, team: 7, feasibility: 6, regional_impact: 8 },
          recommendation: 'approve',
          comment: 'Сильная команда геофизиков; снижение расхода ВВ заметно для отрасли.',
        },
      ],
    },
  ],
};

/** Approved at the meeting held a few days ago; the manager can now admit its company. */
const RECLAMATION: LiveApplication = {
  representative: 'applicant4@technopark.demo',
  title: 'Биологическая рекультивация отвалов с применением гуминовых препаратов из бурого угля',
  titleEn: 'Biological reclamation of mine dumps with humic preparations from brown coal',
  description:
    'Гуминовые препараты из окисленного бурого угля вносятся в породу отвалов вместе с семенами трав и ускоряют образование почвы. ' +
    'Полевые испытания на двух отвалах показали втрое больше проективного покрытия за первый сезон. ' +
    'Проект — линия производства препарата мощностью 600 тонн в год и служба сопровождения рекультивации.',
  industry: 'экология и рекультивация',
  wantsPremises: true,
  premisesAreaM2: '240',
  wantsTaxIncentives: true,
  services: ['consulting', 'accounting'],
  plan: [
    ['21000000', '16000000', 9, '4000000'],
    ['12000000', '7000000', 11, '26000000'],
    ['4000000', '1000000', 6, '48000000'],
  ],
  submittedDaysAgo: 24,
  screenedDaysAgo: 20,
  rounds: [
    {
      // A due date cannot be in the past when experts are assigned, so it is today's even though the meeting was earlier.
      dueInDays: 0,
      experts: [
        {
          expert: EXPERT.lebedeva,
          step: 'reviewed',
          scores: { novelty: 8, market: 7, team: 8, feasibility: 7, regional_impact: 8 },
          recommendation: 'approve',
          comment: 'Результаты полевых испытаний убедительны; спрос со стороны угольных компаний обеспечен их обязательствами по рекультивации.',
        },
        {
          expert: EXPERT.novikov,
          step: 'reviewed',
          scores: { novelty: 7, market: 8, team: 7, feasibility: 7, regional_impact: 6 },
          recommendation: 'approve',
          comment: 'Рекомендую; стоит заранее согласовать с надзором порядок приёмки рекультивированных участков.',
        },
        {
          expert: EXPERT.smirnov,
          step: 'reviewed',
          scores: { novelty: 9, market: 7, team: 8, feasibility: 8, regional_impact: 7 },
          recommendation: 'approve',
          comment: 'Редкое сочетание углехимии и экологии; команда имеет опыт производства.',
        },
      ],
    },
  ],
};

/** One expert declared a conflict of interest; the manager assigned another in their place. */
const GAS_ANALYSER: LiveApplication = {
  representative: 'applicant5@technopark.demo',
  title: 'Портативный газоанализатор метана и угарного газа с передачей данных по LoRaWAN',
  titleEn: 'A portable methane and carbon monoxide analyser reporting over LoRaWAN',
  description:
    'Носимый газоанализатор измеряет метан, угарный газ и кислород и каждые десять секунд передаёт показания в систему ' +
    'аэрогазового контроля шахты по сети LoRaWAN без прокладки кабеля. Опытная партия из 50 приборов готова к испытаниям; ' +
    'проект — сертификация и организация серийной сборки в Кемерове.',
  industry: 'приборостроение',
  wantsPremises: true,
  premisesAreaM2: '120',
  wantsTaxIncentives: true,
  services: ['patent', 'finance'],
  plan: [
    ['11000000', '5000000', 5, '6000000'],
    ['9000000', '3000000', 8, '21000000'],
    ['5000000', '1000000', 4, '35000000'],
  ],
  submittedDaysAgo: 0,
  screenedDaysAgo: 0,
  rounds: [
    {
      dueInDays: 14,
      experts: [
        { expert: EXPERT.novikov, step: 'untouched' },
        { expert: EXPERT.pavlova, step: 'conflict', reason: 'В прошлом году консультировала компанию по подготовке этого проекта.' },
      ],
    },
    { dueInDays: 14, experts: [{ expert: EXPERT.smirnov, step: 'untouched' }] },
  ],
};

/** Just submitted: waits for the manager's screening. */
const CONVEYORS: LiveApplication = {
  representative: 'applicant6@technopark.demo',
  title: 'Платформа предиктивного обслуживания конвейеров обогатительных фабрик',
  titleEn: 'Predictive maintenance of conveyors at coal preparation plants',
  description:
    'Датчики вибрации и температуры на роликоопорах и приводах конвейеров передают данные на платформу, которая по моделям ' +
    'износа заранее планирует замену узлов. Цель — сократить внеплановые остановки фабрик вдвое. ' +
    'Прототип работает на одной фабрике; компания просит поддержку для выхода на предприятия региона.',
  industry: 'информационные технологии',
  wantsPremises: false,
  premisesAreaM2: null,
  wantsTaxIncentives: true,
  services: ['consulting', 'legal', 'finance'],
  plan: [
    ['4000000', '900000', 5, '1500000'],
    ['6000000', '1200000', 7, '9000000'],
    ['3000000', '500000', 3, '17000000'],
  ],
  submittedDaysAgo: 0,
  screenedDaysAgo: null,
  rounds: [],
};

/** The demo applicant's own: accepted for expert review, two experts assigned, nothing reviewed yet. */
const SORBENTS: Omit<LiveApplication, 'representative'> = {
  title: 'Опытная установка получения углеродных сорбентов из угольного шлама',
  titleEn: 'A pilot plant for carbon sorbents from coal slurry',
  description:
    'Угольный шлам обогатительных фабрик, который сейчас уходит в отстойники, перерабатывается парогазовой активацией ' +
    'в углеродные сорбенты для очистки шахтных и промышленных вод. Лабораторная технология отработана; ' +
    'проект — опытная установка на 300 тонн сорбента в год на площадке технопарка, испытания у двух потребителей ' +
    'и подготовка к промышленному выпуску.',
  industry: 'углехимия',
  wantsPremises: true,
  premisesAreaM2: '180',
  wantsTaxIncentives: true,
  services: ['consulting', 'patent'],
  plan: [
    ['18000000', '12000000', 6, '0'],
    ['25000000', '15000000', 9, '20000000'],
    ['10000000', '4000000', 5, '60000000'],
  ],
  submittedDaysAgo: 0,
  screenedDaysAgo: 0,
  rounds: [
    {
      dueInDays: 10,
      experts: [
        { expert: EXPERT.volkov, step: 'untouched' },
        { expert: EXPERT.lebedeva, step: 'untouched' },
      ],
    },
  ],
};

/** The further representatives' companies, by representative. */
const COMPANIES: Record<string, CompanyChoice> = {
  [SAFETY.representative]: { kind: 'extraterritorial-resident', industry: SAFETY.industry },
  [QUARRY.representative]: { kind: 'refused-before', industry: QUARRY.industry },
  [RECLAMATION.representative]: { kind: 'refused-before', industry: RECLAMATION.industry },
  [GAS_ANALYSER.representative]: { kind: 'refused-before', industry: GAS_ANALYSER.industry },
  [CONVEYORS.representative]: { kind: 'refused-before', industry: CONVEYORS.industry },
};

/** The held meeting's date and the planned one's, in days from today. */
const HELD_MEETING_DAYS = -3;
const PLANNED_MEETING_DAYS = 7;


/** A small but complete one-page PDF (catalogue, page, font, text, cross-reference table), so the document opens. */
export function businessPlanPdf(lines: string[]): Uint8Array {
  const escape = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
  const text = ['BT', '/F1 16 Tf', '56 780 Td', `(${escape(lines[0] ?? '')}) Tj`, '/F1 11 Tf', ...lines.slice(1).flatMap((line) => ['0 -22 Td', `(${escape(line)}) Tj`]), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

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
    today: todayIso(),
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
async function advanceApplication(ctx: Context, companyId: string, representative: string, plan: Omit<LiveApplication, 'representative'>): Promise<string> {
  const { db, today } = ctx;
  const rep = ctx.actor(representative);
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
        wantsPremises: plan.wantsPremises,
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
async function meetingFor(ctx: Context, applicationId: string, heldOn: string): Promise<string> {
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
    meeting = await createMeeting(ctx.db, { actor: manager, input: { parkId: ctx.parkId, number, heldOn } });
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
    return companyId ? advanceApplication(ctx, companyId, plan.representative, plan) : Promise.resolve(null);
  };
  const manager = ctx.actor(MANAGER);

  // The meeting held a few days ago: four of the five members present (a quorum of three), the reclamation project approved.
  // createMeeting takes any date, and a decision is dated by its meeting.
  const approved = await advance(RECLAMATION);
  if (approved) {
    const meetingId = await meetingFor(ctx, approved, addDays(ctx.today, HELD_MEETING_DAYS));
    const [app] = await db.select({ status: applications.status }).from(applications).where(eq(applications.id, approved));
    if (app.status === 'in_review') {
      const [recorded] = await db.select({ userId: meetingAttendance.userId }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId)).limit(1);
      if (!recorded) {
        const present = [EXPERT.volkov, EXPERT.lebedeva, EXPERT.novikov, EXPERT.smirnov].map((email) => ctx.userId(email));
        await setAttendance(db, { actor: manager, input: { meetingId, userIds: present } });
      }
      await recordDecision(db, {
        actor: manager,
        input: {
          meetingId,
          applicationId: approved,
          votesFor: 3,
          votesAgainst: 0,
          votesAbstain: 1,
          decision: 'approved',
          reason: 'Поддержать проект; до заключения соглашения о резидентстве согласовать с надзорными органами порядок приёмки рекультивированных участков.',
        },
      });
    }
  }

  // The next meeting, a week ahead: the digital-twin project, reviewed by three experts, is on its agenda.
  const reviewed = await advance(QUARRY);
  if (reviewed) {
    const [app] = await db.select({ status: applications.status }).from(applications).where(eq(applications.id, reviewed));
    if (app.status === 'in_review') await meetingFor(ctx, reviewed, addDays(ctx.today, PLANNED_MEETING_DAYS));
  }

  await advance(SAFETY);
  await advance(GAS_ANALYSER);
  await advance(CONVEYORS);
}

/**
 * The demo applicant's own live application, for the company it has just been linked to: submitted,
 * accepted for expert review, two experts assigned. Its assignment is the demo seed's last write.
 */
export async function seedApplicantApplication(db: Db, { parkId, applicantId }: { parkId: string; applicantId: string }): Promise<void> {
  const [link] = await db.select({ companyId: companyMembers.companyId }).from(companyMembers).where(eq(companyMembers.userId, applicantId)).limit(1);
  if (!link) return;
  await advanceApplication(await context(db, parkId), link.companyId, APPLICANT, SORBENTS);
}
