import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { parks, reviewCriteria } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { inTransaction } from '@/lib/transaction';
import { parseInput } from '@/lib/validation/parse';
import { councilRulesSchema, rubricSchema, type CouncilRulesInput, type RubricInput } from '@/lib/validation/council';

export type CriterionDto = { id: string | null; code: string; nameEn: string; nameRu: string; weight: string; position: number; active: boolean };

/** The rubric a park starts with; weights sum to 100 so each reads as a share. */
export const DEFAULT_CRITERIA: Omit<CriterionDto, 'id'>[] = [
  { code: 'novelty', nameEn: 'Novelty', nameRu: 'Новизна', weight: '25.00', position: 1, active: true },
  { code: 'market', nameEn: 'Market potential', nameRu: 'Рыночный потенциал', weight: '20.00', position: 2, active: true },
  { code: 'team', nameEn: 'Team', nameRu: 'Команда', weight: '15.00', position: 3, active: true },
  { code: 'feasibility', nameEn: 'Feasibility', nameRu: 'Реализуемость', weight: '20.00', position: 4, active: true },
  { code: 'regional_impact', nameEn: 'Regional impact: jobs and investment', nameRu: 'Влияние на регион: рабочие места и инвестиции', weight: '20.00', position: 5, active: true },
];

const columns = {
  id: reviewCriteria.id,
  code: reviewCriteria.code,
  nameEn: reviewCriteria.nameEn,
  nameRu: reviewCriteria.nameRu,
  weight: reviewCriteria.weight,
  position: reviewCriteria.position,
  active: reviewCriteria.active,
};

/** Gives a park without a rubric the default one, so experts always have criteria to score. */
export async function ensureRubric(tx: DbOrTx, parkId: string): Promise<void> {
  const [any] = await tx.select({ id: reviewCriteria.id }).from(reviewCriteria).where(eq(reviewCriteria.parkId, parkId)).limit(1);
  if (any) return;
  await tx
    .insert(reviewCriteria)
    .values(DEFAULT_CRITERIA.map((c) => ({ ...c, parkId })))
    .onConflictDoNothing();
}

/** The active criteria, in order: what an expert scores. */
export async function activeCriteria(db: DbOrTx, parkId: string): Promise<CriterionDto[]> {
  return db
    .select(columns)
    .from(reviewCriteria)
    .where(and(eq(reviewCriteria.parkId, parkId), eq(reviewCriteria.active, true)))
    .orderBy(asc(reviewCriteria.position), asc(reviewCriteria.code));
}

/** The park's rubric for its managers; a park that has none is shown the defaults (saved on first save). */
export async function getRubric(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<{ criteria: CriterionDto[]; saved: boolean }> {
  assertCan(actor, 'rubric.manage', parkId);
  const rows = await db.select(columns).from(reviewCriteria).where(eq(reviewCriteria.parkId, parkId)).orderBy(asc(reviewCriteria.position), asc(reviewCriteria.code));
  if (rows.length) return { criteria: rows, saved: true };
  return { criteria: DEFAULT_CRITERIA.map((c) => ({ ...c, id: null })), saved: false };
}

/**
 * Saves the rubric as listed: criteria matched by code are updated, new codes added, and criteria
 * left out are deactivated (their scores stay, so past reviews still add up).
 */
export async function saveRubric(db: Db, { actor, input }: { actor: Actor; input: RubricInput }): Promise<void> {
  const { parkId, criteria } = parseInput(rubricSchema, input);
  assertCan(actor, 'rubric.manage', parkId);
  await inTransaction(db, async (tx) => {
    const before = await tx.select(columns).from(reviewCriteria).where(eq(reviewCriteria.parkId, parkId)).for('update');
    const listed = new Set(criteria.map((c) => c.code));
    for (const [index, c] of criteria.entries()) {
      const values = { nameEn: c.nameEn, nameRu: c.nameRu, weight: c.weight, position: index + 1, active: c.active };
      await tx
        .insert(reviewCriteria)
        .values({ parkId, code: c.code, ...values })
        .onConflictDoUpdate({ target: [reviewCriteria.parkId, reviewCriteria.code], set: values });
    }
    let position = criteria.length;
    for (const old of before) {
      if (!listed.has(old.code)) await tx.update(reviewCriteria).set({ active: false, position: ++position }).where(eq(reviewCriteria.id, old.id));
    }
    const after = await tx.select(columns).from(reviewCriteria).where(eq(reviewCriteria.parkId, parkId)).orderBy(asc(reviewCriteria.position));
    await writeAudit(tx, { actor, parkId, action: 'rubric.save', entity: 'rubric', entityId: parkId, before, after });
  });
}

/** The park's council rules: how many submitted expert reviews an approval needs without a stated reason. */
export async function getCouncilRules(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<{ minReviews: number }> {
  assertCan(actor, 'rubric.manage', parkId);
  const [row] = await db.select({ minReviews: parks.minReviewsForApproval }).from(parks).where(eq(parks.id, parkId));
  return { minReviews: row?.minReviews ?? 2 };
}

export async function saveCouncilRules(db: Db, { actor, input }: { actor: Actor; input: CouncilRulesInput }): Promise<void> {
  const { parkId, minReviews } = parseInput(councilRulesSchema, input);
  assertCan(actor, 'rubric.manage', parkId);
  await inTransaction(db, async (tx) => {
    const [before] = await tx.select({ minReviews: parks.minReviewsForApproval }).from(parks).where(eq(parks.id, parkId)).for('update');
    await tx.update(parks).set({ minReviewsForApproval: minReviews }).where(eq(parks.id, parkId));
    await writeAudit(tx, { actor, parkId, action: 'park.councilRules', entity: 'park', entityId: parkId, before, after: { minReviews } });
  });
}
