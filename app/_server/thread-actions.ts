'use server';

import { getDb } from '@/db/client';
import { postThreadMessage } from '@/lib/threads/threads';
import { threadMessageFormSchema } from '@/lib/validation/threads';
import { runAction, type ActionResult } from './action';

/**
 * Posts a message with its documents (multipart: subject, subjectId, body, files). lib/threads checks
 * who may write, each document and the allowance; the form then refreshes the page.
 */
export async function postThreadMessageAction(form: FormData): Promise<ActionResult<{ id: string }>> {
  const input = {
    subject: form.get('subject'),
    subjectId: form.get('subjectId'),
    body: form.get('body'),
    files: form.getAll('files').filter((f): f is File => f instanceof File),
  };
  return runAction(threadMessageFormSchema, input, async ({ files, ...message }, actor) => {
    const uploaded = await Promise.all(files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    return postThreadMessage(await getDb(), { actor, input: message, files: uploaded });
  });
}
