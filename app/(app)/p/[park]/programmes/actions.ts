'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { addIndicator, createProgramme, saveIndicatorValues, type SaveValuesResult } from '@/lib/programmes/programmes';
import { addIndicatorSchema, createProgrammeSchema, saveIndicatorValuesSchema } from '@/lib/validation/kpi';

export async function createProgrammeAction(input: unknown): Promise<ActionResult<{ key: string }>> {
  return runAction(createProgrammeSchema, input, async (data, actor) => {
    const programme = await createProgramme(await getDb(), { actor, input: data });
    revalidatePath('/p/[park]/programmes', 'layout');
    return { key: programme.key };
  });
}

export async function addIndicatorAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(addIndicatorSchema, input, async (data, actor) => {
    const indicator = await addIndicator(await getDb(), { actor, input: data });
    revalidatePath('/p/[park]/programmes', 'layout');
    return indicator;
  });
}

export async function saveIndicatorValuesAction(input: unknown): Promise<ActionResult<SaveValuesResult>> {
  return runAction(saveIndicatorValuesSchema, input, async (data, actor) => {
    const result = await saveIndicatorValues(await getDb(), { actor, input: data });
    revalidatePath('/p/[park]/programmes', 'layout');
    return result;
  });
}
