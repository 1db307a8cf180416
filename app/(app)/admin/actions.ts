'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { createPark } from '@/lib/parks/parks';
import { createUser, setUserDisabled, updateUser } from '@/lib/users/users';
import { createParkSchema } from '@/lib/validation/parks';
import { createUserSchema, updateUserSchema } from '@/lib/validation/users';

export async function createParkAction(input: unknown): Promise<ActionResult<{ slug: string }>> {
  return runAction(createParkSchema, input, async (data, actor) => {
    const park = await createPark(await getDb(), { actor, input: data });
    revalidatePath('/admin/parks');
    return { slug: park.slug };
  });
}

export async function createUserAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(createUserSchema, input, async (data, actor) => {
    const user = await createUser(await getDb(), { actor, input: data });
    revalidatePath('/admin/users');
    return { id: user.id };
  });
}

const disableSchema = z.strictObject({ userId: z.uuid(), disabled: z.boolean() });

export async function setUserDisabledAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(disableSchema, input, async (data, actor) => {
    await setUserDisabled(await getDb(), { actor, ...data });
    revalidatePath('/admin/users');
    return null;
  });
}

export async function updateUserAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(updateUserSchema, input, async (data, actor) => {
    await updateUser(await getDb(), { actor, input: data });
    revalidatePath('/admin/users');
    return null;
  });
}
