'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { cancelBooking, createResource, setBookingNotice, updateResource } from '@/lib/services/bookings';
import { bookingNoticeSchema, cancelBookingSchema, createResourceSchema, updateResourceSchema } from '@/lib/validation/bookings';

/* The park travels as an argument beside each form; every domain function checks the actor's rights in it. */

const refresh = () => revalidatePath('/p/[park]/services', 'layout');

export async function createResourceAction(parkId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(createResourceSchema, input, async (data, actor) => {
    const resource = await createResource(await getDb(), { actor, parkId, input: data });
    refresh();
    return { id: resource.id };
  });
}

export async function updateResourceAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(updateResourceSchema, input, async (data, actor) => {
    await updateResource(await getDb(), { actor, parkId, input: data });
    refresh();
    return null;
  });
}

export async function setBookingNoticeAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(bookingNoticeSchema, input, async (data, actor) => {
    await setBookingNotice(await getDb(), { actor, parkId, input: data });
    refresh();
    return null;
  });
}

/** The park cancels a booking that has not started (a room out of order); the company is told. */
export async function cancelBookingByParkAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(cancelBookingSchema, input, async (data, actor) => {
    await cancelBooking(await getDb(), { actor, input: data });
    refresh();
    return null;
  });
}
