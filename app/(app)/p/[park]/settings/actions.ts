'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { saveCouncilRules, saveRubric } from '@/lib/council/rubric';
import { councilRulesSchema, rubricSchema } from '@/lib/validation/council';
import { setParkServiceTargetDays } from '@/lib/parks/parks';
import { parkServiceTargetSchema } from '@/lib/validation/parks';

export async function saveRubricAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(rubricSchema, input, async (data, actor) => {
    await saveRubric(await getDb(), { actor, input: data });
    revalidatePath('/p/[park]/settings', 'page');
    return null;
  });
}

export async function saveCouncilRulesAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(councilRulesSchema, input, async (data, actor) => {
    await saveCouncilRules(await getDb(), { actor, input: data });
    return null;
  });
}

export async function saveServiceTargetAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(parkServiceTargetSchema, input, async (data, actor) => {
    await setParkServiceTargetDays(await getDb(), { actor, input: data });
    return null;
  });
}
