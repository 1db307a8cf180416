'use server';

import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { admitResident, exitResident } from '@/lib/residents/residents';
import { admitResidentSchema, exitResidentSchema } from '@/lib/validation/residents';

/** The park travels as an argument beside the form; the domain function checks the actor's rights in it. */
export async function admitResidentAction(parkId: string, input: unknown): Promise<ActionResult<{ companyId: string }>> {
  return runAction(admitResidentSchema, input, async (data, actor) => {
    const residency = await admitResident(await getDb(), { actor, parkId, input: data });
    return { companyId: residency.companyId };
  });
}

export async function exitResidentAction(parkId: string, input: unknown): Promise<ActionResult<{ endedLeases: number; endedIncentives: number }>> {
  return runAction(exitResidentSchema, input, async (data, actor) => {
    const result = await exitResident(await getDb(), { actor, parkId, input: data });
    return { endedLeases: result.endedLeases + result.cancelledLeases, endedIncentives: result.endedIncentives };
  });
}
