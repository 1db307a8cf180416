import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { area, createdAt, id, moment, money, ownedBy, requires, updatedAt } from './columns';
import { byUser, parkId, submittedVersion } from './owners';
import { applicationStatus, attachmentKind, closureOutcome, screeningOutcome } from './enums';
import { companies } from './companies';

export const applications = pgTable(
  'applications',
  {
    id: id(),
    parkId: parkId(),
    companyId: requires('company_id', () => companies.id),
    key: text('key'),
    status: applicationStatus('status').notNull().default('draft'),
    title: text('title').notNull(),
    description: text('description'),
    industry: text('industry'),
    /** Support asked for. */
    wantsPremises: boolean('wants_premises').notNull().default(false),
    premisesAreaM2: area('premises_area_m2'),
    wantsTaxIncentives: boolean('wants_tax_incentives').notNull().default(false),
    /** Services asked for: consulting, legal, accounting, patent, finance. */
    services: text('services').array().notNull().default(sql`'{}'::text[]`),
    /** The first submission counts as the request for support; later resubmissions do not move it. */
    submittedOn: date('submitted_on'),
    lastSubmittedAt: moment('last_submitted_at'),
    version: integer('version').notNull().default(0),
    createdBy: byUser('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('applications_park_key').on(t.parkId, t.key),
    index('applications_park_submitted').on(t.parkId, t.submittedOn),
    index('applications_park_status').on(t.parkId, t.status),
    index('applications_company').on(t.companyId),
    // The inbox (lib/applications/inbox.ts): its title sort; its search (a trigram index answers
    // ILIKE '%q%'; the park's companies are read by skipping through (park, company)); and its industry
    // filter's options, read by skipping through the two partial indexes.
    index('applications_park_title').on(t.parkId, t.title),
    index('applications_title_trgm').using('gin', t.title.op('gin_trgm_ops')),
    index('applications_park_company').on(t.parkId, t.companyId),
    index('applications_park_industry').on(t.parkId, t.industry).where(sql`${t.status} <> 'draft' AND ${t.industry} IS NOT NULL`),
    index('applications_park_company_no_industry').on(t.parkId, t.companyId).where(sql`${t.status} <> 'draft' AND ${t.industry} IS NULL`),
    check('applications_area_positive', sql`${t.premisesAreaM2} IS NULL OR ${t.premisesAreaM2} > 0`),
    check('applications_submitted_unless_draft', sql`${t.status} = 'draft' OR ${t.submittedOn} IS NOT NULL`),
  ],
);

/** The project plan, one row per year. */
export const applicationPlanYears = pgTable(
  'application_plan_years',
  {
    id: id(),
    applicationId: ownedBy('application_id', () => applications.id),
    year: integer('year').notNull(),
    investmentRub: money('investment_rub').notNull().default('0'),
    capitalInvestmentRub: money('capital_investment_rub').notNull().default('0'),
    newJobs: integer('new_jobs').notNull().default(0),
    incomeRub: money('income_rub').notNull().default('0'),
  },
  (t) => [
    unique('application_plan_years_app_year').on(t.applicationId, t.year),
    check('plan_capex_le_investment', sql`${t.capitalInvestmentRub} <= ${t.investmentRub}`),
    check(
      'plan_nonneg',
      sql`${t.investmentRub} >= 0 AND ${t.capitalInvestmentRub} >= 0 AND ${t.incomeRub} >= 0 AND ${t.newJobs} >= 0`,
    ),
  ],
);

/** Every submitted version of an application, as it was submitted. */
export const applicationVersions = pgTable(
  'application_versions',
  {
    id: id(),
    applicationId: ownedBy('application_id', () => applications.id),
    ...submittedVersion(),
    /** What the applicant wrote to the park with this submission (what they changed after a return); shown in the history. */
    coverNote: text('cover_note'),
  },
  (t) => [
    unique('application_versions_app_version').on(t.applicationId, t.version),
    check('application_versions_cover_note_length', sql`char_length(${t.coverNote}) <= 5000`),
  ],
);

export const screeningDecisions = pgTable(
  'screening_decisions',
  {
    id: id(),
    applicationId: ownedBy('application_id', () => applications.id),
    outcome: screeningOutcome('outcome').notNull(),
    decidedOn: date('decided_on').notNull(),
    comment: text('comment'),
    decidedBy: byUser('decided_by'),
    createdAt: createdAt(),
  },
  (t) => [index('screening_decisions_app').on(t.applicationId)],
);

/**
 * Why an application was closed (status `closed`), by whom and when: one per application. The status it
 * was closed from is kept, so a closed approval is still known as one; the council's and screening
 * decisions stay as they were, and the reports, which count those, do not change.
 */
export const applicationClosures = pgTable(
  'application_closures',
  {
    applicationId: ownedBy('application_id', () => applications.id).primaryKey(),
    outcome: closureOutcome('outcome').notNull(),
    reason: text('reason').notNull(),
    statusBefore: applicationStatus('status_before').notNull(),
    closedBy: byUser('closed_by'),
    closedAt: moment('closed_at').notNull().defaultNow(),
  },
  (t) => [
    check('application_closures_reason', sql`length(btrim(${t.reason})) > 0`),
    // Only an approval can end as "not admitted"; a draft is the applicant's to discard, not to close.
    check('application_closures_not_admitted_approved', sql`${t.outcome} <> 'not_admitted' OR ${t.statusBefore} = 'approved'`),
    check('application_closures_from_live', sql`${t.statusBefore} IN ('submitted', 'in_review', 'returned', 'approved')`),
  ],
);

export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    applicationId: ownedBy('application_id', () => applications.id),
    kind: attachmentKind('kind').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** Path relative to the attachments folder, never inside the web root. */
    storagePath: text('storage_path').notNull(),
    uploadedBy: byUser('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_app').on(t.applicationId), check('attachments_size_positive', sql`${t.sizeBytes} > 0`)],
);

export type Application = typeof applications.$inferSelect;
export type NewApplication = typeof applications.$inferInsert;
export type ApplicationPlanYear = typeof applicationPlanYears.$inferSelect;
export type ScreeningDecision = typeof screeningDecisions.$inferSelect;
export type ApplicationClosure = typeof applicationClosures.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
