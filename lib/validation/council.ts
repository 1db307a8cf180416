import { z } from 'zod';
import { COUNCIL_DECISIONS, RECOMMENDATIONS } from '@/db/schema/values';
import { readDecimal } from './amounts';
import { wholeNumber } from './numbers';
import { dateSchema } from './periods';

export { COUNCIL_DECISIONS, RECOMMENDATIONS };
export type { CouncilDecisionKind, Recommendation } from '@/db/schema/values';
/** Scores are whole numbers on this fixed scale (the database CHECK says the same). */
export const SCORE_MIN = 0;
export const SCORE_MAX = 10;

/** A criterion's weight as typed (like an amount: "1,5" or "1.5"), above zero, up to 9999.99. */
const weightSchema = z.union([z.number(), z.string()], { error: 'invalidWeight' }).transform((raw, ctx) => {
  const read = readDecimal(raw, { integerDigits: 4, pad: false });
  if (read.ok && /[1-9]/.test(read.value)) return read.value;
  ctx.addIssue({ code: 'custom', message: 'invalidWeight' });
  return z.NEVER;
});

export const criterionSchema = z.strictObject({
  id: z.uuid().nullish(),
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'invalidCode'),
  nameEn: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  nameRu: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  weight: weightSchema,
  active: z.boolean(),
});

export const rubricSchema = z.strictObject({
  parkId: z.uuid(),
  criteria: z
    .array(criterionSchema)
    .min(1, 'rubricEmpty')
    .max(20, 'tooMany')
    .refine((c) => new Set(c.map((x) => x.code)).size === c.length, { error: 'duplicateCode' })
    .refine((c) => c.some((x) => x.active), { error: 'rubricEmpty' }),
});

export const assignExpertsSchema = z.strictObject({
  applicationId: z.uuid(),
  expertIds: z.array(z.uuid()).min(1, 'chooseExpert').max(20, 'tooMany'),
  dueOn: dateSchema,
});

export const withdrawAssignmentSchema = z.strictObject({ assignmentId: z.uuid() });

export const conflictSchema = z
  .strictObject({
    assignmentId: z.uuid(),
    // A deliberate choice: nothing is pre-selected in the form, and a missing answer is refused.
    hasConflict: z.boolean({ error: 'chooseDeclaration' }),
    reason: z.string().trim().max(2000, 'tooLong').default(''),
  })
  .refine((c) => !c.hasConflict || c.reason.length > 0, { error: 'reasonRequired', path: ['reason'] });

/** A score as a form sends it: '' (not yet scored), or a whole number on the scale. */
export const scoreSchema = wholeNumber(SCORE_MIN, SCORE_MAX, 'scoreRange', null);

export const reviewSchema = z.strictObject({
  assignmentId: z.uuid(),
  scores: z
    .array(
      z.strictObject({
        criterionId: z.uuid(),
        score: scoreSchema,
        comment: z.string().trim().max(2000, 'tooLong').default(''),
      }),
    )
    .max(20, 'tooMany'),
  recommendation: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(RECOMMENDATIONS).nullable()),
  comment: z.string().trim().max(5000, 'tooLong').default(''),
});

export const createMeetingSchema = z.strictObject({
  parkId: z.uuid(),
  number: wholeNumber(1, 1_000_000, 'invalidInteger', Number.NaN),
  heldOn: dateSchema,
});

export const agendaItemSchema = z.strictObject({ meetingId: z.uuid(), applicationId: z.uuid() });

export const attendanceSchema = z.strictObject({
  meetingId: z.uuid(),
  userIds: z.array(z.uuid()).max(200, 'tooMany'),
});

const votesSchema = wholeNumber(0, 1000, 'invalidVotes', 0);

export const decisionSchema = z
  .strictObject({
    meetingId: z.uuid(),
    applicationId: z.uuid(),
    votesFor: votesSchema,
    votesAgainst: votesSchema,
    votesAbstain: votesSchema,
    decision: z.enum(COUNCIL_DECISIONS),
    reason: z.string().trim().max(5000, 'tooLong').default(''),
  })
  .refine((d) => d.decision === 'approved' || d.reason.length > 0, { error: 'reasonRequired', path: ['reason'] });

export type RubricInput = z.input<typeof rubricSchema>;
export type AssignExpertsInput = z.input<typeof assignExpertsSchema>;
export type ConflictInput = z.input<typeof conflictSchema>;
export type ReviewInput = z.input<typeof reviewSchema>;
export type CreateMeetingInput = z.input<typeof createMeetingSchema>;
export type DecisionInput = z.input<typeof decisionSchema>;
