'use server';

import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { recordDecision } from '@/lib/council/decisions';
import { addAgendaItem, cancelMeeting, createMeeting, removeAgendaItem, setAttendance, updateMeetingDetails } from '@/lib/council/meetings';
import { agendaItemSchema, attendanceSchema, cancelMeetingSchema, createMeetingSchema, decisionSchema, meetingDetailsSchema } from '@/lib/validation/council';

export async function createMeetingAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(createMeetingSchema, input, async (data, actor) => createMeeting(await getDb(), { actor, input: data }));
}

export async function addAgendaItemAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(agendaItemSchema, input, async (data, actor) => {
    await addAgendaItem(await getDb(), { actor, input: data });
    return null;
  });
}

export async function removeAgendaItemAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(agendaItemSchema, input, async (data, actor) => {
    await removeAgendaItem(await getDb(), { actor, input: data });
    return null;
  });
}

export async function setAttendanceAction(input: unknown): Promise<ActionResult<{ present: number; councilSize: number; quorum: boolean }>> {
  return runAction(attendanceSchema, input, async (data, actor) => setAttendance(await getDb(), { actor, input: data }));
}

export async function recordDecisionAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  return runAction(decisionSchema, input, async (data, actor) => recordDecision(await getDb(), { actor, input: data }));
}

export async function updateMeetingDetailsAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(meetingDetailsSchema, input, async (data, actor) => {
    await updateMeetingDetails(await getDb(), { actor, input: data });
    return null;
  });
}

export async function cancelMeetingAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(cancelMeetingSchema, input, async (data, actor) => {
    await cancelMeeting(await getDb(), { actor, input: data });
    return null;
  });
}
