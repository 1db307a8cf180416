import { z } from 'zod';
import { COUNCIL_DECISIONS, RECOMMENDATIONS, VOTES } from '@/db/schema/values';
import { isRealDate } from '@/lib/dates';
import { readDecimal } from './amounts';
import { SCORE_MAX, SCORE_MIN } from './choices';
import { wholeNumber } from './numbers';
import { dateSchema, optionalTextSchema } from './periods';

export { COUNCIL_DECISIONS, RECOMMENDATIONS, SCORE_MAX, SCORE_MIN, VOTES };
export type { CouncilDecisionKind, Recommendation, Vote } from '@/db/schema/values';

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

/** The park's council rules (the database CHECK keeps the same range). */
export const councilRulesSchema = z.strictObject({ parkId: z.uuid(), minReviews: wholeNumber(0, 20, 'minReviewsRange', Number.NaN) });

export const assignExpertsSchema = z.strictObject({
  applicationId: z.uuid(),
  expertIds: z.array(z.uuid()).min(1, 'chooseExpert').max(20, 'tooMany'),
  dueOn: dateSchema,
  /** The manager saw the likely conflicts of interest the product found and assigns anyway. */
  acknowledgeConflicts: z.boolean().default(false),
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

/** A time of day `HH:MM` as a form's time field sends it; empty means none. */
const optionalTimeSchema = z
  .union([z.literal(''), z.null(), z.undefined(), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalidTime')])
  .transform((v) => v || null);

/** A local date and time `YYYY-MM-DDTHH:MM` (the park's clock) as a datetime field sends it; empty means none. */
const optionalLocalMomentSchema = z
  .union([z.literal(''), z.null(), z.undefined(), z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'invalidDateTime')])
  .transform((v) => v || null)
  .refine((v) => v === null || isRealDate(v.slice(0, 10)), { error: 'invalidDateTime' });

/** A link members open to join by video: http(s) only. */
const videoLinkSchema = optionalTextSchema(2000).refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), { error: 'invalidLink' });

const meetingDetails = {
  startsAt: optionalTimeSchema.optional(),
  place: optionalTextSchema(500).optional(),
  videoLink: videoLinkSchema.optional(),
  votingDeadline: optionalLocalMomentSchema.optional(),
};

export const createMeetingSchema = z.strictObject({
  parkId: z.uuid(),
  number: wholeNumber(1, 1_000_000, 'invalidInteger', Number.NaN),
  heldOn: dateSchema,
  ...meetingDetails,
});

export const meetingDetailsSchema = z.strictObject({ meetingId: z.uuid(), heldOn: dateSchema, ...meetingDetails });

export const cancelMeetingSchema = z.strictObject({ meetingId: z.uuid(), reason: z.string().trim().min(1, 'reasonRequired').max(2000, 'tooLong') });

export const voteSchema = z.strictObject({ meetingId: z.uuid(), applicationId: z.uuid(), vote: z.enum(VOTES, { error: 'chooseVote' }) });

export const councilCommentSchema = z.strictObject({ applicationId: z.uuid(), body: z.string().trim().min(1, 'required').max(5000, 'tooLong') });

export const agendaItemSchema = z.strictObject({ meetingId: z.uuid(), applicationId: z.uuid() });

export const attendanceSchema = z.strictObject({
  meetingId: z.uuid(),
  userIds: z.array(z.uuid()).max(200, 'tooMany'),
});

/** A typed vote count (a paper tally); none counts as 0. */
const votesSchema = wholeNumber(0, 1000, 'invalidVotes', 0).optional().transform((v) => v ?? 0);

export const decisionSchema = z
  .strictObject({
    meetingId: z.uuid(),
    applicationId: z.uuid(),
    votesFor: votesSchema,
    votesAgainst: votesSchema,
    votesAbstain: votesSchema,
    decision: z.enum(COUNCIL_DECISIONS),
    reason: z.string().trim().max(5000, 'tooLong').default(''),
    /** The votes were counted on paper and are typed in; otherwise the members' own votes are counted. */
    paperTally: z.boolean().default(false),
    /** Why the council approves with fewer submitted reviews than the park asks for. */
    reviewsShortReason: z.string().trim().max(2000, 'tooLong').default(''),
  })
  .refine((d) => d.decision === 'approved' || d.reason.length > 0, { error: 'reasonRequired', path: ['reason'] });

export type RubricInput = z.input<typeof rubricSchema>;
export type CouncilRulesInput = z.input<typeof councilRulesSchema>;
export type AssignExpertsInput = z.input<typeof assignExpertsSchema>;
export type ConflictInput = z.input<typeof conflictSchema>;
export type ReviewInput = z.input<typeof reviewSchema>;
export type CreateMeetingInput = z.input<typeof createMeetingSchema>;
export type DecisionInput = z.input<typeof decisionSchema>;
export type MeetingDetailsInput = z.input<typeof meetingDetailsSchema>;
export type VoteInput = z.input<typeof voteSchema>;
export type CancelMeetingInput = z.input<typeof cancelMeetingSchema>;
export type CouncilCommentInput = z.input<typeof councilCommentSchema>;
