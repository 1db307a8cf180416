'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { createPark, setParkTimeZone } from '@/lib/parks/parks';
import { createUser, setUserDisabled, updateUser } from '@/lib/users/users';
import { createParkSchema, parkTimeZoneSchema } from '@/lib/validation/parks';
import { sendPasswordResetLink } from '@/lib/users/password-reset';
import { resetSecondFactor } from '@/lib/users/second-factor';
import { createUserSchema, updateUserSchema } from '@/lib/validation/users';

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

export async function updateUserAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(updateUserSchema, input, async (data, actor) => {
    await updateUser(await getDb(), { actor, input: data });
    revalidatePath('/admin/users');
    return null;
  });
}

const userSchema = z.strictObject({ userId: z.uuid() });

/** E-mails the person a one-hour reset link; the administrator never sees or sets the password. */
export async function sendPasswordResetAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  return runAction(userSchema, input, async ({ userId }, actor) => sendPasswordResetLink(await getDb(), { actor, userId }));
}

/** Clears the person's second factor (a lost phone): they set it up again at their next sign-in. */
export async function resetSecondFactorAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(userSchema, input, async ({ userId }, actor) => {
    await resetSecondFactor(await getDb(), { actor, userId });
    revalidatePath(`/admin/users/${userId}`);
    return null;
  });
}
