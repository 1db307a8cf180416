/*
 * Every enumerated domain value, once. The database's enum types (./enums.ts), the forms' and the data
 * set's zod enums (lib/validation) and the DTO types are all derived from these lists, so adding a value
 * here is the whole change (plus a migration for the enum type and its labels in the catalogues).
 *
 * Plain `as const` arrays and no imports: client components import this file as well as the schema.
 * The order is the one forms and reports show.
 */

export const PARK_TYPES = ['industrial', 'high_tech', 'mixed'] as const;
export type ParkType = (typeof PARK_TYPES)[number];

/** Global kind of account: applicants and admins are global; staff get per-park roles through memberships. */
export const USER_KINDS = ['applicant', 'staff', 'admin'] as const;
export type UserKind = (typeof USER_KINDS)[number];

export const PARK_ROLES = ['manager', 'expert', 'analyst'] as const;
export type ParkRole = (typeof PARK_ROLES)[number];

export const PREMISES_KINDS = ['office', 'laboratory', 'production', 'coworking', 'incubator', 'other'] as const;
export type PremisesKind = (typeof PREMISES_KINDS)[number];

export const SME_CATEGORIES = ['micro', 'small', 'medium', 'none'] as const;
export type SmeCategory = (typeof SME_CATEGORIES)[number];

/** `closed`: a manager closed it with an outcome (application_closures) before it reached a decision or a residency. */
export const APPLICATION_STATUSES = ['draft', 'submitted', 'in_review', 'returned', 'rejected', 'approved', 'closed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * How a manager closes an application that will go no further: `lapsed` (the applicant stopped
 * answering), `withdrawn` (by the applicant), `not_admitted` (approved by the council, but the company
 * will not be admitted).
 */
export const CLOSURE_OUTCOMES = ['lapsed', 'withdrawn', 'not_admitted'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

/** The support services an application may ask for (stored as text[], not an enum type). */
export const SERVICES = ['consulting', 'legal', 'accounting', 'patent', 'finance'] as const;
export type Service = (typeof SERVICES)[number];

export const ATTACHMENT_KINDS = ['business_plan', 'presentation', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const SCREENING_OUTCOMES = ['accepted', 'returned', 'rejected'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export const COUNCIL_DECISIONS = ['approved', 'rejected', 'revision'] as const;
export type CouncilDecisionKind = (typeof COUNCIL_DECISIONS)[number];

export const ASSIGNMENT_STATUSES = ['assigned', 'conflict', 'reviewed', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const REVIEW_STATUSES = ['draft', 'submitted'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const RECOMMENDATIONS = ['approve', 'reject', 'revise'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;

/** A council member's vote on an agenda item. */
export const VOTES = ['for', 'against', 'abstain'] as const;
export type Vote = (typeof VOTES)[number];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const PLACEMENTS = ['on_site', 'extraterritorial'] as const;
export type Placement = (typeof PLACEMENTS)[number];

export const EXIT_REASONS = ['term_ended', 'graduated', 'terminated', 'left'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const INCENTIVE_KINDS = ['profit_tax', 'property_tax', 'land_tax', 'other'] as const;
export type IncentiveKind = (typeof INCENTIVE_KINDS)[number];

export const INCENTIVE_STATUSES = ['active', 'revoked'] as const;
export type IncentiveStatus = (typeof INCENTIVE_STATUSES)[number];

export const KPI_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

export const FUNDING_SOURCES = ['federal', 'regional', 'municipal', 'extrabudgetary'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const INDICATOR_VALUE_KINDS = ['actual', 'target'] as const;
export type IndicatorValueKind = (typeof INDICATOR_VALUE_KINDS)[number];

/** Who wrote a message in a record's conversation: the park's staff, or the company's representatives. */
export const THREAD_SIDES = ['staff', 'company'] as const;
export type ThreadSide = (typeof THREAD_SIDES)[number];
/** What a park's catalogue service is: the park's functions towards its residents, plus bookable equipment and rooms. */
export const SERVICE_KINDS = ['consulting', 'legal', 'accounting', 'ip', 'finance', 'market_research', 'promotion', 'equipment', 'room', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** The unit a service is priced and delivered in. */
export const SERVICE_UNITS = ['hour', 'day', 'item'] as const;
export type ServiceUnit = (typeof SERVICE_UNITS)[number];

/**
 * A resident's service request: `requested` → `in_progress` → `done` (delivered, with its quantity), or
 * `cancelled` by the requester / `refused` by the park before it is done.
 */
export const SERVICE_REQUEST_STATUSES = ['requested', 'in_progress', 'done', 'cancelled', 'refused'] as const;
export type ServiceRequestStatus = (typeof SERVICE_REQUEST_STATUSES)[number];

/** A booking of a room or equipment: `booked` until it is `cancelled`; whether it has taken place is its request's status. */
export const BOOKING_STATUSES = ['booked', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** The slot grids a bookable resource may have, in minutes: each a whole number of hundredths of an hour (6 minutes is the tenth of an hour equipment time is often metered in). */
export const BOOKING_SLOT_MINUTES = [6, 15, 30, 60] as const;
export type BookingSlotMinutes = (typeof BOOKING_SLOT_MINUTES)[number];

/** ISO weekdays, 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
