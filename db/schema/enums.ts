import { pgEnum } from 'drizzle-orm/pg-core';
import * as values from './values';

// The database's enum types, one per list in ./values.ts (the migrations hold their history).
export const parkType = pgEnum('park_type', values.PARK_TYPES);
export const userKind = pgEnum('user_kind', values.USER_KINDS);
export const parkRole = pgEnum('park_role', values.PARK_ROLES);
export const premisesKind = pgEnum('premises_kind', values.PREMISES_KINDS);
export const smeCategory = pgEnum('sme_category', values.SME_CATEGORIES);
export const applicationStatus = pgEnum('application_status', values.APPLICATION_STATUSES);
export const closureOutcome = pgEnum('closure_outcome', values.CLOSURE_OUTCOMES);
export const screeningOutcome = pgEnum('screening_outcome', values.SCREENING_OUTCOMES);
export const councilDecisionKind = pgEnum('council_decision_kind', values.COUNCIL_DECISIONS);
export const attachmentKind = pgEnum('attachment_kind', values.ATTACHMENT_KINDS);
export const assignmentStatus = pgEnum('assignment_status', values.ASSIGNMENT_STATUSES);
export const reviewStatus = pgEnum('review_status', values.REVIEW_STATUSES);
export const recommendation = pgEnum('recommendation', values.RECOMMENDATIONS);
export const meetingStatus = pgEnum('meeting_status', values.MEETING_STATUSES);
export const vote = pgEnum('vote', values.VOTES);
export const placement = pgEnum('placement', values.PLACEMENTS);
export const exitReason = pgEnum('exit_reason', values.EXIT_REASONS);
export const incentiveKind = pgEnum('incentive_kind', values.INCENTIVE_KINDS);
export const incentiveStatus = pgEnum('incentive_status', values.INCENTIVE_STATUSES);
export const kpiStatus = pgEnum('kpi_status', values.KPI_STATUSES);
export const fundingSource = pgEnum('funding_source', values.FUNDING_SOURCES);
export const indicatorDirection = pgEnum('indicator_direction', values.INDICATOR_DIRECTIONS);
export const indicatorValueKind = pgEnum('indicator_value_kind', values.INDICATOR_VALUE_KINDS);
export const threadSide = pgEnum('thread_side', values.THREAD_SIDES);
