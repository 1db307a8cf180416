'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { createApiToken, revokeApiToken } from '@/lib/api-tokens/tokens';
import { runAction, type ActionResult } from '@/app/_server/action';
import { createApiTokenSchema, revokeApiTokenSchema } from '@/lib/validation/api-tokens';

/** Creates a read-only token for the park; its plaintext is in this answer only, to be shown once. */
export async function createApiTokenAction(input: unknown): Promise<ActionResult<{ name: string; token: string }>> {
  return runAction(createApiTokenSchema, input, async (data, actor) => {
    const created = await createApiToken(await getDb(), { actor, ...data });
    revalidatePath(`/p/${data.parkSlug}/reports/api-tokens`);
    return { name: created.name, token: created.token };
  });
}

export async function revokeApiTokenAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(revokeApiTokenSchema, input, async (data, actor) => {
    await revokeApiToken(await getDb(), { actor, parkSlug: data.parkSlug, tokenId: data.tokenId });
    revalidatePath(`/p/${data.parkSlug}/reports/api-tokens`);
    return null;
  });
}
