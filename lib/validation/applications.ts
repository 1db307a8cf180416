import { z } from 'zod';
import { APPLICATION_STATUSES, ATTACHMENT_KINDS, CLOSURE_OUTCOMES, SCREENING_OUTCOMES, SERVICES } from '@/db/schema/values';
import { areaField, capexWithinInvestment, moneyField } from './amounts';
import { wholeNumber } from './numbers';
import { pageCursorSchema } from './paging';
import { dateSchema } from './periods';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, MAX_COVER_NOTE, MAX_DESCRIPTION, MAX_INDUSTRY, MAX_TITLE } from './application-limits';

export { APPLICATION_STATUSES, ATTACHMENT_KINDS, CLOSURE_OUTCOMES, SCREENING_OUTCOMES, SERVICES };
export { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, MAX_COVER_NOTE, MAX_DESCRIPTION, MAX_INDUSTRY, MAX_TITLE };
export type { ApplicationStatus, AttachmentKind, ClosureOutcome, Service } from '@/db/schema/values';


/** A plan's amounts: a row not yet filled in is zero, so a draft saves as typed. */
const moneySchema = moneyField({ empty: 'zero' });

/** New jobs: a count, so "−3" is told it must be 0 or more, not that it is no whole number. */
const jobsSchema = wholeNumber(0, 1_000_000, 'invalidCount', 0);

export const planYearSchema = z
  .strictObject({
    year: wholeNumber(2000, 2100, 'invalidYear', Number.NaN),
    investmentRub: moneySchema,
    capitalInvestmentRub: moneySchema,
    newJobs: jobsSchema,
    incomeRub: moneySchema,
  })
  .superRefine(capexWithinInvestment);

/**
 * The application as the form holds it, saved as a draft on every pause in typing. Everything may
 * still be empty; what is typed must already be well-formed so that nothing typed is lost or refused later.
 */
export const applicationDraftSchema = z.strictObject({
  parkId: z.uuid('required'),
  companyId: z.uuid('required'),
  title: z.string().trim().max(MAX_TITLE, 'titleTooLong'),
  description: z.string().trim().max(MAX_DESCRIPTION, 'descriptionTooLong'),
  industry: z.string().trim().max(MAX_INDUSTRY, 'industryTooLong'),
  wantsPremises: z.boolean(),
  premisesAreaM2: areaField({ empty: 'null' }),
  wantsTaxIncentives: z.boolean(),
  services: z.array(z.enum(SERVICES)).max(SERVICES.length),
  plan: z
    .array(planYearSchema)
    .max(15, 'tooMany')
    .refine((rows) => new Set(rows.map((r) => r.year)).size === rows.length, { error: 'duplicateYear' }),
});

export const saveDraftSchema = applicationDraftSchema.extend({ applicationId: z.uuid().nullish() });
export const applicationIdSchema = z.strictObject({ applicationId: z.uuid() });


/** Submitting: the application, and optionally a note to the park (after a return: what was changed). */
export const submitApplicationSchema = applicationIdSchema.extend({
  coverNote: z.string().trim().max(MAX_COVER_NOTE, 'coverNoteTooLong').optional().default(''),
});
export type SubmitApplicationInput = z.input<typeof submitApplicationSchema>;

export const screeningSchema = z
  .strictObject({
    applicationId: z.uuid(),
    outcome: z.enum(SCREENING_OUTCOMES),
    comment: z.string().trim().max(5000, 'tooLong').default(''),
  })
  .refine((s) => s.outcome === 'accepted' || s.comment.length > 0, { error: 'commentRequired', path: ['comment'] });

/** A manager closing an application that goes no further: the outcome and, always, the reason. */
export const closeApplicationSchema = z.strictObject({
  applicationId: z.uuid(),
  outcome: z.enum(CLOSURE_OUTCOMES, { error: 'required' }),
  reason: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
});

export const attachmentKindSchema = z.enum(ATTACHMENT_KINDS);

/** Inbox filters and order, as they travel in the URL's search params. */
export const inboxQuerySchema = z.object({
  status: z.enum(APPLICATION_STATUSES).exclude(['draft']).optional().catch(undefined),
  industry: z.string().trim().max(200).optional().catch(undefined),
  support: z.enum(['premises', 'tax', ...SERVICES]).optional().catch(undefined),
  from: dateSchema.optional().catch(undefined),
  to: dateSchema.optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(['submitted', 'title', 'company', 'status', 'updated']).default('submitted').catch('submitted'),
  dir: z.enum(['asc', 'desc']).default('desc').catch('desc'),
  /** Keyset paging (lib/keyset.ts): the rows after, or before, the row this cursor names. */
  after: pageCursorSchema,
  before: pageCursorSchema,
});

export type ApplicationDraftInput = z.input<typeof applicationDraftSchema>;
export type SaveDraftInput = z.input<typeof saveDraftSchema>;
export type ScreeningInput = z.input<typeof screeningSchema>;
export type CloseApplicationInput = z.input<typeof closeApplicationSchema>;
export type InboxQuery = z.output<typeof inboxQuerySchema>;
