'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { cancelBooking, createBooking } from '@/lib/services/bookings';
import { cancelBookingSchema, createBookingSchema } from '@/lib/validation/bookings';

/** A representative books a slot for their company; the domain function checks the company is theirs and resident, the hours, the grid and overlaps. */
export async function createBookingAction(input: unknown): Promise<ActionResult<{ id: string; serviceRequestId: string }>> {
  return runAction(createBookingSchema, input, async (data, actor) => {
    const booking = await createBooking(await getDb(), { actor, input: data });
    revalidatePath('/my/services', 'layout');
    return { id: booking.id, serviceRequestId: booking.serviceRequestId };
  });
}

/** A representative cancels their company's booking, up to the park's notice. */
export async function cancelMyBookingAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(cancelBookingSchema, input, async (data, actor) => {
    await cancelBooking(await getDb(), { actor, input: data });
    revalidatePath('/my/services', 'layout');
    return null;
  });
}
