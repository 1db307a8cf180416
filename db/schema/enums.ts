import { pgEnum } from 'drizzle-orm/pg-core';

export const parkType = pgEnum('park_type', ['industrial', 'high_tech', 'mixed']);
/** Global kind of account: applicants and admins are global; staff get per-park roles through memberships. */
export const userKind = pgEnum('user_kind', ['applicant', 'staff', 'admin']);
export const parkRole = pgEnum('park_role', ['manager', 'expert', 'analyst']);
export const premisesKind = pgEnum('premises_kind', [
  'office',
  'laboratory',
  'production',
  'coworking',
  'incubator',
  'other',
]);
export const smeCategory = pgEnum('sme_category', ['micro', 'small', 'medium', 'none']);
export const applicationStatus = pgEnum('application_status', [
  'draft',
  'submitted',
  'in_review',
  'returned',
  'rejected',
  'approved',
]);
export const screeningOutcome = pgEnum('screening_outcome', ['accepted', 'returned', 'rejected']);
export const councilDecisionKind = pgEnum('council_decision_kind', ['approved', 'rejected', 'revision']);
export const attachmentKind = pgEnum('attachment_kind', ['business_plan', 'presentation', 'other']);
export const assignmentStatus = pgEnum('assignment_status', ['assigned', 'conflict', 'reviewed', 'withdrawn']);
export const reviewStatus = pgEnum('review_status', ['draft', 'submitted']);
export const recommendation = pgEnum('recommendation', ['approve', 'reject', 'revise']);
export const meetingStatus = pgEnum('meeting_status', ['planned', 'held']);
export const placement = pgEnum('placement', ['on_site', 'extraterritorial']);
export const exitReason = pgEnum('exit_reason', ['term_ended', 'graduated', 'terminated', 'left']);
export const incentiveKind = pgEnum('incentive_kind', ['profit_tax', 'property_tax', 'land_tax', 'other']);
export const incentiveStatus = pgEnum('incentive_status', ['active', 'revoked']);
export const kpiStatus = pgEnum('kpi_status', ['draft', 'submitted', 'accepted', 'returned']);
export const fundingSource = pgEnum('funding_source', ['federal', 'regional', 'municipal', 'extrabudgetary']);
export const indicatorDirection = pgEnum('indicator_direction', ['higher', 'lower']);
export const indicatorValueKind = pgEnum('indicator_value_kind', ['actual', 'target']);
