import type { z } from 'zod';
import type { applicationDraftSchema, AttachmentKind } from '@/lib/validation/applications';

export type DraftValues = z.input<typeof applicationDraftSchema>;
export type FormAttachment = { id: string; kind: AttachmentKind; fileName: string; sizeBytes: number; submitted: boolean };

export const STEPS = ['company', 'project', 'support', 'plan', 'documents', 'review'] as const;

/**
 * Which step holds each field (a form field, or an item the checklist names), so a missing item or
 * a refused field links to where it is filled in. `plan.2.newJobs` is on the step of `plan`.
 */
export const STEP_OF: Record<string, number> = {
  companyId: 0,
  parkId: 0,
  title: 1,
  description: 1,
  industry: 1,
  support: 2,
  wantsPremises: 2,
  premisesAreaM2: 2,
  wantsTaxIncentives: 2,
  services: 2,
  plan: 3,
  attachments: 4,
};

export const stepOfField = (path: string): number => STEP_OF[path.split('.')[0]] ?? 0;

/** The form's fields on each step, validated before the wizard moves on. */
export const STEP_FIELDS: (keyof DraftValues)[][] = [['companyId', 'parkId'], ['title', 'description', 'industry'], ['wantsPremises', 'premisesAreaM2', 'wantsTaxIncentives', 'services'], ['plan'], [], []];

/** The message key (under `applications.*`) naming each form field, as its label does. */
export const FIELD_LABEL: Record<string, string> = {
  companyId: 'company',
  parkId: 'park',
  title: 'projectTitle',
  description: 'description',
  industry: 'industry',
  wantsPremises: 'wantsPremises',
  premisesAreaM2: 'premisesArea',
  wantsTaxIncentives: 'wantsTax',
  services: 'services',
  plan: 'steps.plan',
};

/** The plan table's columns and the key of each one's label. */
export const PLAN_COLUMNS = { year: 'plan.year', investmentRub: 'plan.investment', capitalInvestmentRub: 'plan.capex', newJobs: 'plan.jobs', incomeRub: 'plan.income' } as const;

/** The form's address for a draft (or a new one) on a step, so a reload lands where the applicant was. */
export const draftUrl = (id: string | null, step: number) => `${id ? `/my/applications/${id}` : '/my/applications/new'}?step=${step + 1}`;
