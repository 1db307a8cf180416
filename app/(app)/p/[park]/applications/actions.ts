'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { closeApplication } from '@/lib/applications/closure';
import { screenApplication } from '@/lib/applications/screening';
import { runAction, type ActionResult } from '@/app/_server/action';
import { assignExperts, withdrawAssignment } from '@/lib/council/assignments';
import { closeApplicationSchema, screeningSchema } from '@/lib/validation/applications';
import { assignExpertsSchema, withdrawAssignmentSchema } from '@/lib/validation/council';

export async function screenApplicationAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  return runAction(screeningSchema, input, async (data, actor) => {
    const result = await screenApplication(await getDb(), { actor, input: data });
    revalidatePath('/p/[park]/applications', 'page');
    return result;
  });
}

export async function assignExpertsAction(input: unknown): Promise<ActionResult<{ assignmentIds: string[] }>> {
  return runAction(assignExpertsSchema, input, async (data, actor) => assignExperts(await getDb(), { actor, input: data }));
}

export async function withdrawAssignmentAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(withdrawAssignmentSchema, input, async (data, actor) => {
    await withdrawAssignment(await getDb(), { actor, input: data });
    return null;
  });
}

export async function closeApplicationAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  return runAction(closeApplicationSchema, input, async (data, actor) => {
    const result = await closeApplication(await getDb(), { actor, input: data });
    revalidatePath('/p/[park]/applications', 'page');
    revalidatePath('/p/[park]/residents/admit', 'page');
    return result;
  });
}
