'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { setMyTimeZone } from '@/lib/users/users';
import { myTimeZoneSchema } from '@/lib/validation/time-zones';

export async function setMyTimeZoneAction(input: unknown): Promise<ActionResult<{ timeZone: string | null }>> {
  return runAction(myTimeZoneSchema, input, async (data, actor) => {
    const result = await setMyTimeZone(await getDb(), { actor, input: data });
    revalidatePath('/', 'layout');
    return result;
  });
}
