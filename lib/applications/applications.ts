import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { dataDir } from '@/db/config';
import { queryRows } from '@/db/rows';
import { applicationPlanYears, applications, applicationVersions, attachments, companies, companyMembers, parks } from '@/db/schema';
import type { AttachmentKind } from '@/db/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { actingUser, assertActingUser } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { representsCompany } from '@/lib/companies/companies';
import { parkToday } from '@/lib/parks/clock';
import { AppError, invalidTransition } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { managersOf } from '@/lib/notifications/recipients';
import { parseInput } from '@/lib/validation/parse';
import { saveDraftSchema, submitApplicationSchema, type ApplicationStatus, type SaveDraftInput, type Service } from '@/lib/validation/applications';
import { missingForSubmit } from '@/lib/validation/application-completeness';
import { accessApplication, applicationAccess, type ApplicationAccess } from './access';
import type { ApplicationAnswers, ApplicationSnapshot } from './diff';
import { closuresOf, type ClosureDto } from './closure';
import { moveApplication, refusal } from './transition';
import { inTransaction } from '@/lib/transaction';

export type PlanYearDto = { year: number; investmentRub: string; capitalInvestmentRub: string; newJobs: number; incomeRub: string };
export type AttachmentDto = {
  id: string;
  kind: AttachmentKind;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: Date;
  /** Part of a submitted version: kept, so earlier versions keep their documents. */
  submitted: boolean;
};

export type ApplicationDto = ApplicationAnswers & {
  id: string;
  parkId: string;
  parkSlug: string;
  parkName: string;
  companyId: string;
  companyName: string;
  companyInn: string | null;
  /** The company's own industry: what read-only views show when the application names none. */
  companyIndustry: string | null;
  status: ApplicationStatus;
  services: Service[];
  plan: PlanYearDto[];
  attachments: AttachmentDto[];
  version: number;
  submittedOn: string | null;
  lastSubmittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The manager's or the council's words when the application was last returned for revision. */
  returnComment: { comment: string; at: Date; source: 'screening' | 'council' } | null;
  /** What still blocks submission (field → message key); empty when complete. */
  missing: Record<string, string>;
  /** Why the park closed it, by whom and when; null unless its status is `closed`. */
  closure: ClosureDto | null;
  /** A residency was made from it (an approval only). */
  admitted: boolean;
};

export type ParkOptionDto = { id: string; slug: string; name: string; region: string };

const EDITABLE: ApplicationStatus[] = ['draft', 'returned'];
const MAX_PLAN_YEARS = 15;

/** The parks an applicant may apply to: every park still operating. */
export async function listParksOpenForApplications(db: DbOrTx): Promise<ParkOptionDto[]> {
  return db.select({ id: parks.id, slug: parks.slug, name: parks.name, region: parks.region }).from(parks).where(isNull(parks.closedOn)).orderBy(asc(parks.name));
}

async function loadDto(db: DbOrTx, applicationId: string): Promise<ApplicationDto | null> {
  const [a] = await db
    .select({
      id: applications.id,
      parkId: applications.parkId,
      parkSlug: parks.slug,
      parkName: parks.name,
      companyId: applications.companyId,
      companyName: companies.name,
      companyInn: companies.inn,
      companyIndustry: companies.industry,
      status: applications.status,
      title: applications.title,
      description: applications.description,
      industry: applications.industry,
      wantsPremises: applications.wantsPremises,
      premisesAreaM2: applications.premisesAreaM2,
      wantsTaxIncentives: applications.wantsTaxIncentives,
      services: applications.services,
      version: applications.version,
      submittedOn: applications.submittedOn,
      lastSubmittedAt: applications.lastSubmittedAt,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(parks, eq(parks.id, applications.parkId))
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(eq(applications.id, applicationId));
  if (!a) return null;
  const plan = await db
    .select({
      year: applicationPlanYears.year,
      investmentRub: applicationPlanYears.investmentRub,
      capitalInvestmentRub: applicationPlanYears.capitalInvestmentRub,
      newJobs: applicationPlanYears.newJobs,
      incomeRub: applicationPlanYears.incomeRub,
    })
    .from(applicationPlanYears)
    .where(eq(applicationPlanYears.applicationId, applicationId))
    .orderBy(asc(applicationPlanYears.year));
  const files = await db
    .select({
      id: attachments.id,
      kind: attachments.kind,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      sizeBytes: attachments.sizeBytes,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.applicationId, applicationId))
    .orderBy(asc(attachments.createdAt));
  const submittedBefore = a.lastSubmittedAt ? a.lastSubmittedAt.getTime() : -Infinity;
  const attachmentDtos = files.map((f) => ({ ...f, submitted: f.createdAt.getTime() <= submittedBefore }));
  let returnComment: ApplicationDto['returnComment'] = null;
  if (a.status === 'returned') {
    const [r] = await queryRows<{ comment: string | null; at: Date | string; source: 'screening' | 'council' }>(
      db,
      sql`SELECT * FROM (
            SELECT comment, created_at AS at, 'screening' AS source FROM screening_decisions WHERE application_id = ${applicationId} AND outcome = 'returned'
            UNION ALL
            SELECT reason AS comment, created_at AS at, 'council' AS source FROM council_decisions WHERE application_id = ${applicationId} AND decision = 'revision'
          ) d ORDER BY at DESC LIMIT 1`,
    );
    if (r) returnComment = { comment: r.comment ?? '', at: new Date(r.at), source: r.source };
  }
  const dto: ApplicationDto = {
    ...a,
    description: a.description ?? '',
    industry: a.industry ?? '',
    services: a.services as Service[],
    plan,
    attachments: attachmentDtos,
    returnComment,
    missing: {},
    closure: a.status === 'closed' ? ((await closuresOf(db, [a.id])).get(a.id) ?? null) : null,
    admitted: a.status === 'approved' && (await queryRows(db, sql`SELECT 1 FROM residencies WHERE application_id = ${a.id} LIMIT 1`)).length > 0,
  };
  dto.missing = missingForSubmit(dto);
  return dto;
}

/** The application, for whoever lib/applications/access.ts let see it: its applicants, its park's staff, its experts. */
export async function readApplication(db: DbOrTx, access: ApplicationAccess): Promise<ApplicationDto> {
  const { application } = await applicationAccess(db, { access });
  return (await loadDto(db, application.id))!;
}

/** The applicant's own application; another company's looks missing. */
export async function getMyApplication(db: DbOrTx, { actor, applicationId }: { actor: Actor; applicationId: string }): Promise<ApplicationDto> {
  return readApplication(db, await accessApplication(db, { actor, applicationId, as: ['applicant'] }));
}

/** A park's application for its staff; drafts are the applicant's own until submitted. */
export async function getParkApplication(db: DbOrTx, { actor, parkId, applicationId }: { actor: Actor; parkId: string; applicationId: string }): Promise<ApplicationDto> {
  return readApplication(db, await accessApplication(db, { actor, parkId, applicationId, permission: 'application.readPark' }));
}

export type MyApplicationRow = {
  id: string;
  companyId: string;
  title: string;
  parkName: string;
  companyName: string;
  status: ApplicationStatus;
  submittedOn: string | null;
  updatedAt: Date;
};

export async function listMyApplications(db: DbOrTx, { actor }: { actor: Actor }): Promise<MyApplicationRow[]> {
  const applicant = actingUser(actor, 'application.readOwn');
  if (!applicant) return [];
  return db
    .select({
      id: applications.id,
      companyId: applications.companyId,
      title: applications.title,
      parkName: parks.name,
      companyName: companies.name,
      status: applications.status,
      submittedOn: applications.submittedOn,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(companyMembers, and(eq(companyMembers.companyId, applications.companyId), eq(companyMembers.userId, applicant.userId)))
    .innerJoin(parks, eq(parks.id, applications.parkId))
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .orderBy(desc(applications.updatedAt));
}

async function assertParkOpen(tx: DbOrTx, parkId: string) {
  const [park] = await tx.select({ id: parks.id }).from(parks).where(and(eq(parks.id, parkId), isNull(parks.closedOn)));
  if (!park) throw new AppError('NOT_FOUND', 'park not found', { key: 'notFound', params: { what: 'park' }, fieldErrors: { parkId: ['notFound'] } });
}

/**
 * Saves the form as it is: creates the draft on the first save, then updates it. Only the company's
 * representatives, and only while the application is a draft or returned for revision; the park and
 * the company are fixed once it has been submitted.
 */
export async function saveDraft(db: Db, { actor, input }: { actor: Actor; input: SaveDraftInput }): Promise<{ applicationId: string; savedAt: Date }> {
  assertActingUser(actor, 'application.create');
  const { applicationId, plan, ...fields } = parseInput(saveDraftSchema, input);
  const values = {
    title: fields.title,
    description: fields.description,
    industry: fields.industry || null,
    wantsPremises: fields.wantsPremises,
    premisesAreaM2: fields.wantsPremises ? fields.premisesAreaM2 : null,
    wantsTaxIncentives: fields.wantsTaxIncentives,
    services: [...new Set(fields.services)],
  };
  return inTransaction(db, async (tx) => {
    if (!(await representsCompany(tx, actor.userId, fields.companyId)))
      throw new AppError('NOT_FOUND', 'company not found', { key: 'notFound', params: { what: 'company' }, fieldErrors: { companyId: ['notFound'] } });
    let id = applicationId ?? null;
    const now = new Date();
    if (!id) {
      await assertParkOpen(tx, fields.parkId);
      const [created] = await tx
        .insert(applications)
        .values({ ...values, parkId: fields.parkId, companyId: fields.companyId, createdBy: actor.userId })
        .returning({ id: applications.id });
      id = created.id;
      await writeAudit(tx, { actor, parkId: fields.parkId, action: 'application.createDraft', entity: 'application', entityId: id, after: { title: values.title, companyId: fields.companyId } });
    } else {
      const access = await accessApplication(tx, { actor, applicationId: id, as: ['applicant'], lock: true });
      const current = access.application;
      if (!EDITABLE.includes(current.status)) throw await refusal(tx, access);
      const moving = current.parkId !== fields.parkId || current.companyId !== fields.companyId;
      if (moving && current.status !== 'draft')
        throw new AppError('VALIDATION', 'the park and the company cannot change after submission', { key: 'fixedAfterSubmit' });
      if (current.parkId !== fields.parkId) await assertParkOpen(tx, fields.parkId);
      await tx
        .update(applications)
        .set({ ...values, parkId: fields.parkId, companyId: fields.companyId, updatedAt: now })
        .where(and(eq(applications.id, id), inArray(applications.status, EDITABLE)));
      await tx.delete(applicationPlanYears).where(eq(applicationPlanYears.applicationId, id));
    }
    if (plan.length) {
      await tx.insert(applicationPlanYears).values(
        plan.slice(0, MAX_PLAN_YEARS).map((p) => ({
          applicationId: id,
          year: p.year,
          investmentRub: p.investmentRub,
          capitalInvestmentRub: p.capitalInvestmentRub,
          newJobs: p.newJobs,
          incomeRub: p.incomeRub,
        })),
      );
    }
    return { applicationId: id, savedAt: now };
  });
}

function snapshotOf(a: ApplicationDto): ApplicationSnapshot {
  return {
    title: a.title,
    description: a.description,
    industry: a.industry,
    wantsPremises: a.wantsPremises,
    premisesAreaM2: a.premisesAreaM2,
    wantsTaxIncentives: a.wantsTaxIncentives,
    services: [...a.services].sort(),
    plan: a.plan,
    attachments: a.attachments.map((f) => ({ id: f.id, kind: f.kind, fileName: f.fileName, sizeBytes: f.sizeBytes })),
  };
}

/**
 * Submits a draft, or resubmits an application returned for revision. The whole application is
 * checked on the server; what is missing comes back as one VALIDATION error listing every field.
 * Each submission is kept as a numbered version, with the applicant's cover note if they wrote one
 * (after a return: what they changed), which the history shows and the managers' notice quotes.
 * The submitter gets a receipt: the application, the park, the day and what happens next.
 */
export async function submitApplication(
  db: Db,
  { actor, applicationId, coverNote, today }: { actor: Actor; applicationId: string; coverNote?: string; today?: string },
): Promise<{ version: number }> {
  assertActingUser(actor, 'application.create');
  const input = parseInput(submitApplicationSchema, { applicationId, coverNote });
  return db.transaction(async (tx) => {
    const access = await accessApplication(tx, { actor, applicationId: input.applicationId, as: ['applicant'], lock: true });
    const dto = await readApplication(tx, access);
    if (!EDITABLE.includes(dto.status)) throw await refusal(tx, access);
    const missing = missingForSubmit(dto);
    const fields = Object.keys(missing);
    if (fields.length)
      throw new AppError('VALIDATION', `the application is incomplete: ${fields.join(', ')}`, {
        key: 'applicationIncomplete',
        params: { count: fields.length },
        fieldErrors: Object.fromEntries(Object.entries(missing).map(([k, v]) => [k, [v]])),
      });
    const receivedOn = today ?? (await parkToday(tx, dto.parkId));
    const moved = await moveApplication(tx, {
      access,
      from: EDITABLE,
      to: 'submitted',
      set: { version: sql`${applications.version} + 1`, submittedOn: dto.submittedOn ?? receivedOn, lastSubmittedAt: sql`now()` },
    });
    if (!moved) throw await refusal(tx, access);
    const note = input.coverNote || null;
    await tx.insert(applicationVersions).values({ applicationId, version: moved.version, snapshot: snapshotOf(dto), submittedBy: actor.userId, coverNote: note });
    const resubmitted = dto.status !== 'draft';
    await writeAudit(tx, {
      actor,
      parkId: dto.parkId,
      action: resubmitted ? 'application.resubmit' : 'application.submit',
      entity: 'application',
      entityId: applicationId,
      before: { status: dto.status, version: dto.version },
      after: { status: 'submitted', version: moved.version, ...(note ? { coverNote: note } : {}) },
    });
    await notify(tx, {
      userIds: await managersOf(tx, dto.parkId),
      parkId: dto.parkId,
      kind: resubmitted ? 'applicationResubmitted' : 'applicationSubmitted',
      params: { title: dto.title, company: dto.companyName },
      href: `/p/${dto.parkSlug}/applications/${applicationId}`,
      note,
    });
    // The receipt carries the day the park received this version (its own clock), not the first submission's.
    await notify(tx, {
      userIds: [actor.userId],
      parkId: dto.parkId,
      kind: 'applicationReceived',
      params: { title: dto.title, park: dto.parkName, version: moved.version, on: receivedOn },
      href: `/my/applications/${applicationId}`,
    });
    return { version: moved.version };
  });
}

/** Deletes a draft that was never submitted, with its documents; a submitted application is kept for good. */
export async function deleteDraft(db: Db, { actor, applicationId }: { actor: Actor; applicationId: string }): Promise<void> {
  assertActingUser(actor, 'application.create', 'application');
  await db.transaction(async (tx) => {
    const { application: app } = await accessApplication(tx, { actor, applicationId, as: ['applicant'], lock: true });
    if (app.status !== 'draft' || app.version > 0) throw invalidTransition('application', app.status);
    await tx.delete(applications).where(and(eq(applications.id, applicationId), eq(applications.status, 'draft')));
    await writeAudit(tx, { actor, parkId: app.parkId, action: 'application.deleteDraft', entity: 'application', entityId: applicationId, before: { status: 'draft', title: app.title } });
  });
  await fs.promises.rm(path.join(dataDir(), 'attachments', applicationId), { recursive: true, force: true });
}
