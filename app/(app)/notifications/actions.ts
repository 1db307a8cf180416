'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { markNotificationsRead } from '@/lib/notifications/notifications';

const schema = z.strictObject({ ids: z.array(z.uuid()).max(200).optional() });

export async function markReadAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(schema, input, async (data, actor) => {
    await markNotificationsRead(await getDb(), { actor, ids: data.ids });
    revalidatePath('/', 'layout');
    return null;
  });
}
