'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { saveKpiDraft, submitKpiReport } from '@/lib/kpi/filing';
import { kpiReportInputSchema } from '@/lib/validation/kpi';

export async function saveKpiDraftAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(kpiReportInputSchema, input, async (data, actor) => {
    const { id } = await saveKpiDraft(await getDb(), { actor, input: data });
    revalidatePath('/my/kpi', 'layout');
    return { id };
  });
}

export async function submitKpiReportAction(input: unknown): Promise<ActionResult<{ id: string; version: number }>> {
  return runAction(kpiReportInputSchema, input, async (data, actor) => {
    const { id, version } = await submitKpiReport(await getDb(), { actor, input: data });
    revalidatePath('/my/kpi', 'layout');
    return { id, version };
  });
}
