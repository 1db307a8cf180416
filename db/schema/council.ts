import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { assignmentStatus, councilDecisionKind, meetingStatus, recommendation, reviewStatus } from './enums';
import { parks } from './parks';
import { users } from './users';

/** The park's rubric. Scores are on a fixed 0–10 scale. */
export const reviewCriteria = pgTable(
  'review_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
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
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => users.id),
    status: assignmentStatus('status').notNull().default('assigned'),
    dueOn: date('due_on').notNull(),
    assignedBy: uuid('assigned_by').references(() => users.id),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('expert_assignments_app_expert').on(t.applicationId, t.expertId),
    index('expert_assignments_expert_status').on(t.expertId, t.status),
  ],
);

export const conflictDeclarations = pgTable('conflict_declarations', {
  id: uuid('id').primaryKey().defaultRandom(),
  assignmentId: uuid('assignment_id')
    .notNull()
    .unique()
    .references(() => expertAssignments.id, { onDelete: 'cascade' }),
  hasConflict: boolean('has_conflict').notNull(),
  reason: text('reason'),
  declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
});

export const reviews = pgTable('reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  assignmentId: uuid('assignment_id')
    .notNull()
    .unique()
    .references(() => expertAssignments.id, { onDelete: 'cascade' }),
  status: reviewStatus('status').notNull().default('draft'),
  recommendation: recommendation('recommendation'),
  comment: text('comment'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const reviewScores = pgTable(
  'review_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => reviewCriteria.id),
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
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    heldOn: date('held_on').notNull(),
    status: meetingStatus('status').notNull().default('planned'),
    /** Council size when attendance was recorded; the quorum is more than half of it. */
    councilSize: integer('council_size'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('council_meetings_park_number').on(t.parkId, t.number), check('council_meetings_number_positive', sql`${t.number} > 0`)],
);

export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => councilMeetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [unique('meeting_attendance_meeting_user').on(t.meetingId, t.userId)],
);

export const meetingItems = pgTable(
  'meeting_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => councilMeetings.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique('meeting_items_meeting_app').on(t.meetingId, t.applicationId)],
);

export const councilDecisions = pgTable(
  'council_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => councilMeetings.id),
    /** Meeting number as recorded in minutes that predate the product (imported data sets). */
    meetingNumber: integer('meeting_number'),
    decision: councilDecisionKind('decision').notNull(),
    decidedOn: date('decided_on').notNull(),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstain: integer('votes_abstain'),
    reason: text('reason'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
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

export type ReviewCriterion = typeof reviewCriteria.$inferSelect;
export type ExpertAssignment = typeof expertAssignments.$inferSelect;
export type Review = typeof reviews.$inferSelect;
export type CouncilMeeting = typeof councilMeetings.$inferSelect;
export type CouncilDecision = typeof councilDecisions.$inferSelect;
