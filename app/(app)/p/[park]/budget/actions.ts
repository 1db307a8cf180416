'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { createBudgetEntry, deleteBudgetEntry, updateBudgetEntry } from '@/lib/budget/budget';
import { budgetEntrySchema, deleteBudgetEntrySchema, updateBudgetEntrySchema } from '@/lib/validation/kpi';

export async function createBudgetEntryAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(budgetEntrySchema, input, async (data, actor) => {
    const entry = await createBudgetEntry(await getDb(), { actor, input: data });
    revalidatePath('/p/[park]/budget', 'page');
    return { id: entry.id };
  });
}

export async function updateBudgetEntryAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(updateBudgetEntrySchema, input, async (data, actor) => {
    const entry = await updateBudgetEntry(await getDb(), { actor, input: data });
    revalidatePath('/p/[park]/budget', 'page');
    return { id: entry.id };
  });
}

export async function deleteBudgetEntryAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(deleteBudgetEntrySchema, input, async (data, actor) => {
    await deleteBudgetEntry(await getDb(), { actor, input: data });
    revalidatePath('/p/[park]/budget', 'page');
    return null;
  });
}
