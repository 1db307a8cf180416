'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { createCompany, updateCompany } from '@/lib/companies/companies';
import { addRepresentative, answerInvitation } from '@/lib/companies/invitations';
import { addRepresentativeSchema, answerInvitationSchema, companySchema, updateCompanySchema } from '@/lib/validation/companies';

export async function createCompanyAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(companySchema, input, async (data, actor) => {
    const company = await createCompany(await getDb(), { actor, input: data });
    revalidatePath('/my');
    return company;
  });
}

export async function updateCompanyAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(updateCompanySchema, input, async (data, actor) => {
    await updateCompany(await getDb(), { actor, input: data });
    revalidatePath('/my/companies');
    return null;
  });
}

/** Invites an e-mail to represent the company; the answer never says whether it has an account. */
export async function addRepresentativeAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  return runAction(addRepresentativeSchema, input, async (data, actor) => {
    await addRepresentative(await getDb(), { actor, input: data });
    revalidatePath(`/my/companies/${data.companyId}`);
    return { email: data.email };
  });
}

export async function answerInvitationAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(answerInvitationSchema, input, async (data, actor) => {
    await answerInvitation(await getDb(), { actor, invitationId: data.invitationId, accept: data.accept });
    revalidatePath('/my/companies');
    return null;
  });
}
