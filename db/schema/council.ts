import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, pgTable, text, time, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, moment, ownedBy, requires, updatedAt } from './columns';
import { byUser, parkId } from './owners';
import { applications } from './applications';
import { assignmentStatus, councilDecisionKind, meetingStatus, recommendation, reviewStatus, vote } from './enums';
import { users } from './users';

/** The park's rubric. Scores are on a fixed 0–10 scale. */
export const reviewCriteria = pgTable(
  'review_criteria',
  {
    id: id(),
    parkId: parkId(),
    code: text('code').notNull(),
    nameEn: text('name_en').notNull(),
    nameRu: text('name_ru').notNull(),
    weight: numeric('weight', { precision: 6, scale: 2 }).notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [unique('review_criteria_park_code').on(t.parkId, t.code), check('review_criteria_weight_positive', sql`${t.weight} > 0`)],
);

export const expertAssignments = pgTable(
  'expert_assignments',
  {
    id: id(),
    applicationId: ownedBy('application_id', () => applications.id),
    expertId: requires('expert_id', () => users.id),
    status: assignmentStatus('status').notNull().default('assigned'),
    dueOn: date('due_on').notNull(),
    assignedBy: byUser('assigned_by'),
    reminderSentAt: moment('reminder_sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('expert_assignments_app_expert').on(t.applicationId, t.expertId),
    index('expert_assignments_expert_status').on(t.expertId, t.status),
  ],
);

export const conflictDeclarations = pgTable('conflict_declarations', {
  id: id(),
  assignmentId: ownedBy('assignment_id', () => expertAssignments.id).unique(),
  hasConflict: boolean('has_conflict').notNull(),
  reason: text('reason'),
  declaredAt: moment('declared_at').notNull().defaultNow(),
});

export const reviews = pgTable('reviews', {
  id: id(),
  assignmentId: ownedBy('assignment_id', () => expertAssignments.id).unique(),
  status: reviewStatus('status').notNull().default('draft'),
  recommendation: recommendation('recommendation'),
  comment: text('comment'),
  submittedAt: moment('submitted_at'),
  updatedAt: updatedAt(),
});

export const reviewScores = pgTable(
  'review_scores',
  {
    id: id(),
    reviewId: ownedBy('review_id', () => reviews.id),
    criterionId: requires('criterion_id', () => reviewCriteria.id),
    score: integer('score').notNull(),
    comment: text('comment'),
  },
  (t) => [
    unique('review_scores_review_criterion').on(t.reviewId, t.criterionId),
    check('review_scores_range', sql`${t.score} BETWEEN 0 AND 10`),
  ],
);

export const councilMeetings = pgTable(
  'council_meetings',
  {
    id: id(),
    parkId: parkId(),
    number: integer('number').notNull(),
    heldOn: date('held_on').notNull(),
    /** The meeting's start on its day, in the park's time zone; none: the day's start. */
    startsAt: time('starts_at'),
    /** Where it meets, and the video link for members who join remotely. */
    place: text('place'),
    videoLink: text('video_link'),
    /** Members may vote remotely until this moment; none: only in the meeting. */
    votingDeadline: moment('voting_deadline'),
    status: meetingStatus('status').notNull().default('planned'),
    /** Council size when attendance was recorded; the quorum is more than half of it. */
    councilSize: integer('council_size'),
    createdBy: byUser('created_by'),
    createdAt: createdAt(),
  },
  (t) => [unique('council_meetings_park_number').on(t.parkId, t.number), check('council_meetings_number_positive', sql`${t.number} > 0`)],
);

export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    id: id(),
    meetingId: ownedBy('meeting_id', () => councilMeetings.id),
    userId: requires('user_id', () => users.id),
  },
  (t) => [unique('meeting_attendance_meeting_user').on(t.meetingId, t.userId)],
);

export const meetingItems = pgTable(
  'meeting_items',
  {
    id: id(),
    meetingId: ownedBy('meeting_id', () => councilMeetings.id),
    applicationId: ownedBy('application_id', () => applications.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique('meeting_items_meeting_app').on(t.meetingId, t.applicationId)],
);

export const councilDecisions = pgTable(
  'council_decisions',
  {
    id: id(),
    parkId: parkId(),
    applicationId: ownedBy('application_id', () => applications.id),
    meetingId: uuid('meeting_id').references(() => councilMeetings.id),
    /** Meeting number as recorded in minutes that predate the product (imported data sets). */
    meetingNumber: integer('meeting_number'),
    decision: councilDecisionKind('decision').notNull(),
    decidedOn: date('decided_on').notNull(),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstain: integer('votes_abstain'),
    /** The votes were counted on paper and typed in, not cast by the members in the product. */
    paperTally: boolean('paper_tally').notNull().default(false),
    reason: text('reason'),
    /** Why the council approved with fewer submitted reviews than the park asks for. */
    reviewsShortReason: text('reviews_short_reason'),
    recordedBy: byUser('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('council_decisions_meeting_app').on(t.meetingId, t.applicationId),
    index('council_decisions_park_decided').on(t.parkId, t.decision, t.decidedOn),
    index('council_decisions_app').on(t.applicationId),
    check(
      'council_decisions_votes_nonneg',
      sql`coalesce(${t.votesFor}, 0) >= 0 AND coalesce(${t.votesAgainst}, 0) >= 0 AND coalesce(${t.votesAbstain}, 0) >= 0`,
    ),
  ],
);

/** A member's vote on an agenda item, cast in the meeting or remotely, changeable until the item is closed. */
export const councilVotes = pgTable(
  'council_votes',
  {
    id: id(),
    meetingId: ownedBy('meeting_id', () => councilMeetings.id),
    applicationId: ownedBy('application_id', () => applications.id),
    memberId: requires('member_id', () => users.id),
    vote: vote('vote').notNull(),
    /** Cast before the meeting through the product rather than in the room. */
    remote: boolean('remote').notNull(),
    castAt: moment('cast_at').notNull().defaultNow(),
  },
  (t) => [unique('council_votes_item_member').on(t.meetingId, t.applicationId, t.memberId)],
);

/** The members' discussion of an application, for the council and the park's staff, never the applicant. */
export const councilComments = pgTable(
  'council_comments',
  {
    id: id(),
    applicationId: ownedBy('application_id', () => applications.id),
    authorId: requires('author_id', () => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('council_comments_application').on(t.applicationId, t.createdAt)],
);

export type ReviewCriterion = typeof reviewCriteria.$inferSelect;
export type ExpertAssignment = typeof expertAssignments.$inferSelect;
export type Review = typeof reviews.$inferSelect;
export type CouncilMeeting = typeof councilMeetings.$inferSelect;
export type CouncilDecision = typeof councilDecisions.$inferSelect;
