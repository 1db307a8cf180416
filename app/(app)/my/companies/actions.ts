'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { addRepresentative, createCompany, updateCompany } from '@/lib/companies/companies';
import { addRepresentativeSchema, companySchema, updateCompanySchema } from '@/lib/validation/companies';

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

export async function addRepresentativeAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(addRepresentativeSchema, input, async (data, actor) => {
    await addRepresentative(await getDb(), { actor, input: data });
    revalidatePath(`/my/companies/${data.companyId}`);
    return null;
  });
}
