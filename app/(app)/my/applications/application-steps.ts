import type { z } from 'zod';
import type { applicationDraftSchema, AttachmentKind } from '@/lib/validation/applications';

export type DraftValues = z.input<typeof applicationDraftSchema>;
export type FormAttachment = { id: string; kind: AttachmentKind; fileName: string; sizeBytes: number; submitted: boolean };

export const STEPS = ['company', 'project', 'support', 'plan', 'documents', 'review'] as const;

/** Which step holds each field, so a missing item links to where it is filled in. */
export const STEP_OF: Record<string, number> = { title: 1, description: 1, industry: 1, support: 2, premisesAreaM2: 2, plan: 3, attachments: 4 };

/** The form's address for a draft (or a new one) on a step, so a reload lands where the applicant was. */
export const draftUrl = (id: string | null, step: number) => `${id ? `/my/applications/${id}` : '/my/applications/new'}?step=${step + 1}`;
