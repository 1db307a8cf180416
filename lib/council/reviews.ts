import 'server-only';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { applications, conflictDeclarations, expertAssignments, parks, reviewCriteria, reviews, reviewScores, users } from '@/db/schema';
import type { AssignmentStatus, ReviewStatus } from '@/db/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertActingUser, parksWhere } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { accessApplication, applicationAccess, type ApplicationAccess, type ApplicationTarget } from '@/lib/applications/access';
import { readApplication, type ApplicationDto } from '@/lib/applications/applications';
import { parkToday } from '@/lib/parks/clock';
import { AppError, invalidTransition, notFound } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { managersOf } from '@/lib/notifications/recipients';
import { parseInput } from '@/lib/validation/parse';
import { conflictSchema, reviewSchema, type ConflictInput, type Recommendation, type ReviewInput } from '@/lib/validation/council';
import { activeCriteria, type CriterionDto } from './rubric';

type AssignmentRow = {
  id: string;
  applicationId: string;
  expertId: string;
  status: AssignmentStatus;
  dueOn: string;
  parkId: string;
  parkSlug: string;
  applicationStatus: string;
  title: string;
};

/** The acting expert's own assignment in a park they review for; anyone else's: not found. */
async function myAssignment(tx: DbOrTx, actor: Actor, assignmentId: string, options: { lock?: boolean } = {}): Promise<AssignmentRow> {
  assertActingUser(actor, 'review.submit', 'assignment');
  const reviewParks = parksWhere(actor, 'review.submit');
  const query = tx
    .select({
      id: expertAssignments.id,
      applicationId: expertAssignments.applicationId,
      expertId: expertAssignments.expertId,
      status: expertAssignments.status,
      dueOn: expertAssignments.dueOn,
      parkId: applications.parkId,
      parkSlug: parks.slug,
      applicationStatus: applications.status,
      title: applications.title,
    })
    .from(expertAssignments)
    .innerJoin(applications, eq(applications.id, expertAssignments.applicationId))
    .innerJoin(parks, eq(parks.id, applications.parkId))
    .where(and(eq(expertAssignments.id, assignmentId), eq(expertAssignments.expertId, actor.userId), reviewParks === 'all' ? undefined : inArray(applications.parkId, reviewParks)));
  // Locked with its application, the application first as everywhere else (a council decision locks
  // the application, then counts the conflicts declared and closes the open assignments): nothing is
  // declared or scored once the application is decided, and the two never wait on each other.
  const [row] = options.lock ? await query.for('update', { of: [applications] }) : await query;
  if (!row) throw notFound('assignment');
  if (!options.lock) return row;
  // Read again under its own lock: the join above may have waited on the application and seen the assignment as it was.
  const [locked] = await tx.select({ status: expertAssignments.status }).from(expertAssignments).where(eq(expertAssignments.id, row.id)).for('update');
  return { ...row, status: locked.status };
}

export type ScoreDto = { criterionId: string; score: number | null; comment: string };
export type ReviewDto = {
  status: ReviewStatus;
  recommendation: Recommendation | null;
  comment: string;
  scores: ScoreDto[];
  submittedAt: Date | null;
  updatedAt: Date;
};
export type OtherReviewDto = { expertName: string; recommendation: Recommendation | null; comment: string; scores: ScoreDto[]; submittedAt: Date | null; total: string | null };

export type ReviewContext = {
  assignment: { id: string; parkId: string; title: string; status: AssignmentRow['status']; dueOn: string; overdue: boolean };
  declaration: { hasConflict: boolean; reason: string | null; declaredAt: Date } | null;
  /** Present while the expert may read it: not after a conflict or a withdrawal. */
  application: ApplicationDto | null;
  criteria: CriterionDto[];
  review: ReviewDto | null;
  /** Other experts' submitted reviews: empty until the expert's own review is submitted. */
  others: OtherReviewDto[];
  /** The application can still be reviewed (it is under expert review). */
  open: boolean;
};

async function loadReview(db: DbOrTx, assignmentId: string): Promise<ReviewDto | null> {
  const [review] = await db
    .select({ id: reviews.id, status: reviews.status, recommendation: reviews.recommendation, comment: reviews.comment, submittedAt: reviews.submittedAt, updatedAt: reviews.updatedAt })
    .from(reviews)
    .where(eq(reviews.assignmentId, assignmentId));
  if (!review) return null;
  const scores = await db
    .select({ criterionId: reviewScores.criterionId, score: reviewScores.score, comment: reviewScores.comment })
    .from(reviewScores)
    .where(eq(reviewScores.reviewId, review.id));
  return { ...review, comment: review.comment ?? '', scores: scores.map((s) => ({ ...s, comment: s.comment ?? '' })) };
}

/** Everything the scoring page needs for the expert's own assignment. */
export async function getReviewContext(db: DbOrTx, { actor, assignmentId, today: day }: { actor: Actor; assignmentId: string; today?: string }): Promise<ReviewContext> {
  const a = await myAssignment(db, actor, assignmentId);
  const today = day ?? (await parkToday(db, a.parkId));
  const [declaration] = await db
    .select({ hasConflict: conflictDeclarations.hasConflict, reason: conflictDeclarations.reason, declaredAt: conflictDeclarations.declaredAt })
    .from(conflictDeclarations)
    .where(eq(conflictDeclarations.assignmentId, a.id));
  const readable = a.status === 'assigned' || a.status === 'reviewed';
  const review = readable ? await loadReview(db, a.id) : null;
  let others: OtherReviewDto[] = [];
  if (review?.status === 'submitted') {
    const rows = await db
      .select({ assignmentId: expertAssignments.id, expertName: users.name })
      .from(expertAssignments)
      .innerJoin(users, eq(users.id, expertAssignments.expertId))
      .innerJoin(reviews, and(eq(reviews.assignmentId, expertAssignments.id), eq(reviews.status, 'submitted')))
      .where(and(eq(expertAssignments.applicationId, a.applicationId), ne(expertAssignments.id, a.id)))
      .orderBy(asc(users.name));
    const totals = await expertTotals(db, a.applicationId, a.parkId);
    others = await Promise.all(
      rows.map(async (r) => {
        const other = (await loadReview(db, r.assignmentId))!;
        return { expertName: r.expertName, recommendation: other.recommendation, comment: other.comment, scores: other.scores, submittedAt: other.submittedAt, total: totals.get(r.assignmentId) ?? null };
      }),
    );
  }
  return {
    assignment: { id: a.id, parkId: a.parkId, title: a.title, status: a.status, dueOn: a.dueOn, overdue: a.status === 'assigned' && a.dueOn < today },
    declaration: declaration ?? null,
    application: readable ? await readApplication(db, await accessApplication(db, { actor, applicationId: a.applicationId, as: ['expert', 'staff'] })) : null,
    criteria: readable ? await activeCriteria(db, a.parkId) : [],
    review,
    others,
    open: a.applicationStatus === 'in_review',
  };
}

/**
 * The expert's declaration, made once before scoring: no conflict, or a conflict with its reason.
 * A conflict takes the application off the expert's list and tells the park's managers.
 */
export async function declareConflict(db: Db, { actor, input }: { actor: Actor; input: ConflictInput }): Promise<void> {
  const data = parseInput(conflictSchema, input);
  await db.transaction(async (tx) => {
    const a = await myAssignment(tx, actor, data.assignmentId, { lock: true });
    if (a.status !== 'assigned') throw invalidTransition('assignment', a.status);
    if (a.applicationStatus !== 'in_review') throw invalidTransition('application', a.applicationStatus);
    const inserted = await tx
      .insert(conflictDeclarations)
      .values({ assignmentId: a.id, hasConflict: data.hasConflict, reason: data.hasConflict ? data.reason : null })
      .onConflictDoNothing()
      .returning({ id: conflictDeclarations.id });
    if (!inserted.length) throw new AppError('CONFLICT', 'the declaration has already been made', { key: 'alreadyDeclared' });
    if (data.hasConflict) {
      await tx.update(expertAssignments).set({ status: 'conflict' }).where(and(eq(expertAssignments.id, a.id), eq(expertAssignments.status, 'assigned')));
      await tx.delete(reviews).where(eq(reviews.assignmentId, a.id));
    }
    await writeAudit(tx, {
      actor,
      parkId: a.parkId,
      action: data.hasConflict ? 'assignment.declareConflict' : 'assignment.declareNoConflict',
      entity: 'assignment',
      entityId: a.id,
      before: { status: a.status },
      after: { status: data.hasConflict ? 'conflict' : 'assigned', reason: data.hasConflict ? data.reason : null },
    });
    if (data.hasConflict) {
      await notify(tx, {
        userIds: await managersOf(tx, a.parkId),
        parkId: a.parkId,
        kind: 'conflictDeclared',
        params: { title: a.title, expert: actor.type === 'user' ? actor.name : '' },
        href: `/p/${a.parkSlug}/applications/${a.applicationId}`,
      });
      await notifyIfReviewsComplete(tx, a.applicationId);
    }
  });
}

/** Checks the scores name the park's active criteria and returns them keyed by criterion. */
async function checkScores(tx: DbOrTx, parkId: string, scores: { criterionId: string; score: number | null; comment: string }[]) {
  const ids = [...new Set(scores.map((s) => s.criterionId))];
  if (ids.length !== scores.length) throw new AppError('VALIDATION', 'a criterion is scored twice', { fieldErrors: { scores: ['duplicateCriterion'] } });
  if (!ids.length) return;
  const found = await tx
    .select({ id: reviewCriteria.id })
    .from(reviewCriteria)
    .where(and(eq(reviewCriteria.parkId, parkId), eq(reviewCriteria.active, true), inArray(reviewCriteria.id, ids)));
  if (found.length !== ids.length) throw new AppError('VALIDATION', 'a score names a criterion that is not in the park’s rubric', { fieldErrors: { scores: ['unknownCriterion'] } });
}

async function writeReview(tx: DbOrTx, a: AssignmentRow, data: ReturnType<typeof reviewSchema.parse>, submit: boolean) {
  const values = {
    recommendation: data.recommendation,
    comment: data.comment || null,
    status: submit ? ('submitted' as const) : ('draft' as const),
    submittedAt: submit ? new Date() : null,
    updatedAt: new Date(),
  };
  const [review] = await tx
    .insert(reviews)
    .values({ assignmentId: a.id, ...values })
    .onConflictDoUpdate({ target: reviews.assignmentId, set: values, setWhere: eq(reviews.status, 'draft') })
    .returning({ id: reviews.id });
  if (!review) throw new AppError('INVALID_TRANSITION', 'the review has already been submitted', { key: 'reviewSubmitted' });
  await tx.delete(reviewScores).where(eq(reviewScores.reviewId, review.id));
  const withScores = data.scores.filter((s) => s.score !== null);
  if (withScores.length)
    await tx.insert(reviewScores).values(withScores.map((s) => ({ reviewId: review.id, criterionId: s.criterionId, score: s.score!, comment: s.comment || null })));
  return review.id;
}

async function prepare(tx: DbOrTx, actor: Actor, assignmentId: string) {
  const a = await myAssignment(tx, actor, assignmentId, { lock: true });
  if (a.status !== 'assigned') throw new AppError('INVALID_TRANSITION', `the assignment is ${a.status}`, { key: a.status === 'reviewed' ? 'reviewSubmitted' : 'invalidTransition', params: { what: 'assignment', from: a.status } });
  if (a.applicationStatus !== 'in_review') throw invalidTransition('application', a.applicationStatus);
  const [declaration] = await tx.select({ hasConflict: conflictDeclarations.hasConflict }).from(conflictDeclarations).where(eq(conflictDeclarations.assignmentId, a.id));
  if (!declaration) throw new AppError('INVALID_TRANSITION', 'declare any conflict of interest before scoring', { key: 'declareFirst' });
  return a;
}

/** Saves the expert's scores as a draft; nobody else sees a draft. */
export async function saveReviewDraft(db: Db, { actor, input }: { actor: Actor; input: ReviewInput }): Promise<{ savedAt: Date }> {
  const data = parseInput(reviewSchema, input);
  return db.transaction(async (tx) => {
    const a = await prepare(tx, actor, data.assignmentId);
    await checkScores(tx, a.parkId, data.scores);
    await writeReview(tx, a, data, false);
    return { savedAt: new Date() };
  });
}

/**
 * Submits the review: every active criterion scored and a recommendation given. Once submitted it
 * no longer changes, and the expert may read the others' submitted reviews.
 */
export async function submitReview(db: Db, { actor, input }: { actor: Actor; input: ReviewInput }): Promise<void> {
  const data = parseInput(reviewSchema, input);
  await db.transaction(async (tx) => {
    const a = await prepare(tx, actor, data.assignmentId);
    await checkScores(tx, a.parkId, data.scores);
    const criteria = await activeCriteria(tx, a.parkId);
    const scored = new Set(data.scores.filter((s) => s.score !== null).map((s) => s.criterionId));
    const fieldErrors: Record<string, string[]> = {};
    criteria.forEach((c, i) => {
      if (!scored.has(c.id!)) fieldErrors[`scores.${i}.score`] = ['scoreRequired'];
    });
    if (!data.recommendation) fieldErrors.recommendation = ['recommendationRequired'];
    if (Object.keys(fieldErrors).length)
      throw new AppError('VALIDATION', `the review is incomplete: ${Object.keys(fieldErrors).join(', ')}`, { key: 'reviewIncomplete', fieldErrors });
    const reviewId = await writeReview(tx, a, data, true);
    const [moved] = await tx
      .update(expertAssignments)
      .set({ status: 'reviewed' })
      .where(and(eq(expertAssignments.id, a.id), eq(expertAssignments.status, 'assigned')))
      .returning({ id: expertAssignments.id });
    if (!moved) throw invalidTransition('assignment', a.status);
    await writeAudit(tx, {
      actor,
      parkId: a.parkId,
      action: 'review.submit',
      entity: 'assignment',
      entityId: a.id,
      before: { status: 'assigned' },
      after: { status: 'reviewed', reviewId, recommendation: data.recommendation, scores: data.scores.map((s) => ({ criterionId: s.criterionId, score: s.score })) },
    });
    await notifyIfReviewsComplete(tx, a.applicationId);
  });
}

/** Tells the park's managers once every assigned expert has reviewed (or stood down with a conflict). */
async function notifyIfReviewsComplete(tx: DbOrTx, applicationId: string): Promise<void> {
  const [row] = await queryRows<{ open: number; done: number; title: string; park_id: string; slug: string }>(
    tx,
    sql`SELECT count(*) FILTER (WHERE ea.status = 'assigned')::int AS open,
               count(*) FILTER (WHERE ea.status = 'reviewed')::int AS done,
               a.title, a.park_id, p.slug
        FROM applications a JOIN parks p ON p.id = a.park_id
        LEFT JOIN expert_assignments ea ON ea.application_id = a.id
        WHERE a.id = ${applicationId}
        GROUP BY a.title, a.park_id, p.slug`,
  );
  if (!row || Number(row.open) > 0 || Number(row.done) === 0) return;
  await notify(tx, {
    userIds: await managersOf(tx, row.park_id),
    parkId: row.park_id,
    kind: 'reviewsComplete',
    params: { title: row.title, count: Number(row.done) },
    href: `/p/${row.slug}/applications/${applicationId}`,
  });
}

/** Each expert's weighted total (Σ weight × score ÷ Σ weight over the criteria they scored), by assignment. */
async function expertTotals(db: DbOrTx, applicationId: string, parkId: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ assignment_id: string; total: string }>(
    db,
    sql`SELECT ea.id AS assignment_id, round(sum(rc.weight * rs.score) / sum(rc.weight), 2)::text AS total
        FROM expert_assignments ea
        JOIN reviews r ON r.assignment_id = ea.id AND r.status = 'submitted'
        JOIN review_scores rs ON rs.review_id = r.id
        JOIN review_criteria rc ON rc.id = rs.criterion_id AND rc.park_id = ${parkId}
        WHERE ea.application_id = ${applicationId}
        GROUP BY ea.id`,
  );
  return new Map(rows.map((r) => [r.assignment_id, r.total]));
}

/** A criterion's scores diverge when its highest and lowest differ by this much or more (on the 0–10 scale). */
export const DIVERGENT_SPREAD = 4;
/** A score is far from the others when at least three experts scored the criterion and it lies this far or further from their median. */
export const OUTLIER_GAP = 4;

/** Is `score` far from the others, given all the experts' scores on its criterion (`score` among them)? */
export function isOutlier(score: number, all: number[]): boolean {
  if (all.length < 3) return false;
  const sorted = [...all].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.abs(score - median) >= OUTLIER_GAP;
}

export type ReviewSummary = {
  reviews: number;
  /** Per criterion: mean of the experts' scores, and the spread (highest − lowest); divergent at DIVERGENT_SPREAD or more. */
  criteria: { criterionId: string; code: string; nameEn: string; nameRu: string; weight: string; mean: string | null; min: number | null; max: number | null; spread: number | null; n: number; divergent: boolean }[];
  /** Σ weight × criterion mean ÷ Σ weight, over criteria with scores; spread of the experts' weighted totals. */
  overall: { weightedMean: string | null; minTotal: string | null; maxTotal: string | null; spread: string | null };
  /** Each submitted review; a score far from the other experts' on its criterion is flagged `outlier`. */
  experts: { assignmentId: string; expertName: string; recommendation: Recommendation | null; comment: string; total: string | null; submittedAt: Date | null; scores: (ScoreDto & { outlier: boolean })[] }[];
  recommendations: Record<Recommendation, number>;
};

/** The aggregated scores of an application's submitted reviews, for its park's staff. */
export async function getReviewSummary(db: DbOrTx, target: ApplicationTarget): Promise<ReviewSummary> {
  return reviewSummaryOf(db, await applicationAccess(db, target, { permission: 'application.readPark' }));
}

/** The summary for an access already granted (lib/applications/access.ts makes one; a made-up one is refused). */
export async function reviewSummaryOf(db: DbOrTx, access: ApplicationAccess): Promise<ReviewSummary> {
  const { id: applicationId, parkId } = (await applicationAccess(db, { access })).application;
  const criteria = await queryRows<{ id: string; code: string; name_en: string; name_ru: string; weight: string; active: boolean; mean: string | null; min: number | null; max: number | null; n: number }>(
    db,
    sql`SELECT rc.id, rc.code, rc.name_en, rc.name_ru, rc.weight::text AS weight, rc.active,
               round(avg(s.score), 2)::text AS mean, min(s.score) AS min, max(s.score) AS max, count(s.score)::int AS n
        FROM review_criteria rc
        LEFT JOIN (
          SELECT rs.criterion_id, rs.score FROM review_scores rs
          JOIN reviews r ON r.id = rs.review_id AND r.status = 'submitted'
          JOIN expert_assignments ea ON ea.id = r.assignment_id AND ea.application_id = ${applicationId}
        ) s ON s.criterion_id = rc.id
        WHERE rc.park_id = ${parkId}
        GROUP BY rc.id
        HAVING rc.active OR count(s.score) > 0
        ORDER BY rc.position, rc.code`,
  );
  const [overall] = await queryRows<{ weighted: string | null; min_total: string | null; max_total: string | null; spread: string | null }>(
    db,
    sql`WITH scores AS (
          SELECT r.assignment_id, rs.criterion_id, rs.score, rc.weight FROM review_scores rs
          JOIN reviews r ON r.id = rs.review_id AND r.status = 'submitted'
          JOIN expert_assignments ea ON ea.id = r.assignment_id AND ea.application_id = ${applicationId}
          JOIN review_criteria rc ON rc.id = rs.criterion_id AND rc.park_id = ${parkId}
        ),
        by_criterion AS (SELECT criterion_id, max(weight) AS weight, avg(score) AS mean FROM scores GROUP BY criterion_id),
        by_expert AS (SELECT assignment_id, sum(weight * score) / sum(weight) AS total FROM scores GROUP BY assignment_id)
        SELECT (SELECT round(sum(weight * mean) / nullif(sum(weight), 0), 2)::text FROM by_criterion) AS weighted,
               (SELECT round(min(total), 2)::text FROM by_expert) AS min_total,
               (SELECT round(max(total), 2)::text FROM by_expert) AS max_total,
               (SELECT round(max(total) - min(total), 2)::text FROM by_expert) AS spread`,
  );
  const totals = await expertTotals(db, applicationId, parkId);
  const expertRows = await db
    .select({ assignmentId: expertAssignments.id, expertName: users.name })
    .from(expertAssignments)
    .innerJoin(users, eq(users.id, expertAssignments.expertId))
    .innerJoin(reviews, and(eq(reviews.assignmentId, expertAssignments.id), eq(reviews.status, 'submitted')))
    .where(eq(expertAssignments.applicationId, applicationId))
    .orderBy(asc(users.name));
  const experts = await Promise.all(
    expertRows.map(async (e) => {
      const r = (await loadReview(db, e.assignmentId))!;
      return { assignmentId: e.assignmentId, expertName: e.expertName, recommendation: r.recommendation, comment: r.comment, total: totals.get(e.assignmentId) ?? null, submittedAt: r.submittedAt, scores: r.scores };
    }),
  );
  const scored = (criterionId: string) => experts.flatMap((e) => e.scores.filter((x) => x.criterionId === criterionId && x.score !== null).map((x) => x.score!));
  const flagged = experts.map((e) => ({ ...e, scores: e.scores.map((x) => ({ ...x, outlier: x.score !== null && isOutlier(x.score, scored(x.criterionId)) })) }));
  const recommendations: Record<Recommendation, number> = { approve: 0, reject: 0, revise: 0 };
  for (const e of experts) if (e.recommendation) recommendations[e.recommendation]++;
  return {
    reviews: experts.length,
    criteria: criteria.map((c) => ({
      criterionId: c.id,
      code: c.code,
      nameEn: c.name_en,
      nameRu: c.name_ru,
      weight: c.weight,
      mean: c.mean,
      min: c.min === null ? null : Number(c.min),
      max: c.max === null ? null : Number(c.max),
      spread: c.min === null || c.max === null ? null : Number(c.max) - Number(c.min),
      n: Number(c.n),
      divergent: c.min !== null && c.max !== null && Number(c.max) - Number(c.min) >= DIVERGENT_SPREAD,
    })),
    overall: { weightedMean: overall?.weighted ?? null, minTotal: overall?.min_total ?? null, maxTotal: overall?.max_total ?? null, spread: overall?.spread ?? null },
    experts: flagged,
    recommendations,
  };
}

