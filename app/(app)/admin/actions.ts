'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { createPark, setParkTimeZone } from '@/lib/parks/parks';
import { createUser, setMemberships, setUserDisabled } from '@/lib/users/users';
import { createParkSchema, parkTimeZoneSchema } from '@/lib/validation/parks';
import { createUserSchema, roleAssignmentSchema } from '@/lib/validation/users';

export async function createParkAction(input: unknown): Promise<ActionResult<{ slug: string }>> {
  return runAction(createParkSchema, input, async (data, actor) => {
    const park = await createPark(await getDb(), { actor, input: data });
    revalidatePath('/admin/parks');
    return { slug: park.slug };
  });
}

export async function setParkTimeZoneAction(input: unknown): Promise<ActionResult<{ timeZone: string }>> {
  return runAction(parkTimeZoneSchema, input, async (data, actor) => {
    const park = await setParkTimeZone(await getDb(), { actor, input: data });
    revalidatePath('/admin/parks');
    return { timeZone: park.timeZone };
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

const rolesSchema = z.strictObject({ userId: z.uuid(), assignments: z.array(roleAssignmentSchema).max(200) });

export async function setRolesAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(rolesSchema, input, async (data, actor) => {
    await setMemberships(await getDb(), { actor, userId: data.userId, assignments: data.assignments });
    revalidatePath('/admin/users');
    return null;
  });
}
