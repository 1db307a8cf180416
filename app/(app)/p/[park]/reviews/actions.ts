'use server';

import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { declareConflict, saveReviewDraft, submitReview } from '@/lib/council/reviews';
import { conflictSchema, reviewSchema } from '@/lib/validation/council';

export async function declareConflictAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(conflictSchema, input, async (data, actor) => {
    await declareConflict(await getDb(), { actor, input: data });
    return null;
  });
}

export async function saveReviewDraftAction(input: unknown): Promise<ActionResult<{ savedAt: string }>> {
  return runAction(reviewSchema, input, async (data, actor) => {
    const { savedAt } = await saveReviewDraft(await getDb(), { actor, input: data });
    return { savedAt: savedAt.toISOString() };
  });
}

export async function submitReviewAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(reviewSchema, input, async (data, actor) => {
    await submitReview(await getDb(), { actor, input: data });
    return null;
  });
}
