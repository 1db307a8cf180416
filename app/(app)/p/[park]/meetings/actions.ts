'use server';

import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { addCouncilComment } from '@/lib/council/member-meetings';
import { castVote } from '@/lib/council/votes';
import { councilCommentSchema, voteSchema } from '@/lib/validation/council';

export async function castVoteAction(input: unknown): Promise<ActionResult<{ remote: boolean }>> {
  return runAction(voteSchema, input, async (data, actor) => castVote(await getDb(), { actor, input: data }));
}

export async function addCouncilCommentAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(councilCommentSchema, input, async (data, actor) => addCouncilComment(await getDb(), { actor, input: data }));
}
