/*
 * The value lists the forms offer as choices, for client code: the validation modules re-export the
 * same lists beside their zod schemas, and importing them from there would ship zod with the page.
 */
export { ATTACHMENT_KINDS, COUNCIL_DECISIONS, EXIT_REASONS, FUNDING_SOURCES, INCENTIVE_KINDS, PLACEMENTS, PREMISES_KINDS, RECOMMENDATIONS, SERVICE_KINDS, SERVICE_UNITS, SERVICES, SME_CATEGORIES, VOTES } from '@/db/schema/values';
export { BOOKING_SLOT_MINUTES, WEEKDAYS } from '@/db/schema/values';
export type { AttachmentKind, Vote } from '@/db/schema/values';

/** Scores are whole numbers on this fixed scale (the database CHECK says the same). */
export const SCORE_MIN = 0;
export const SCORE_MAX = 10;
