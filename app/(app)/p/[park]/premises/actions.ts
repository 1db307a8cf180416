'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/app/_server/action';
import { createLease, endLease, setLeaseRates } from '@/lib/premises/leases';
import { createBuilding, createUnit, deleteBuilding, renameBuilding, retireUnit, updateUnit } from '@/lib/premises/premises';
import {
  buildingSchema,
  createLeaseSchema,
  createUnitSchema,
  endLeaseSchema,
  retireUnitSchema,
  setLeaseRatesSchema,
  updateBuildingSchema,
  updateUnitSchema,
} from '@/lib/validation/premises';

/* The park travels as an argument beside each form; every domain function checks the actor's rights in it. */

export async function createBuildingAction(parkId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(buildingSchema, input, async (data, actor) => ({ id: (await createBuilding(await getDb(), { actor, parkId, input: data })).id }));
}

export async function renameBuildingAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(updateBuildingSchema, input, async (data, actor) => {
    await renameBuilding(await getDb(), { actor, parkId, input: data });
    return null;
  });
}

export async function deleteBuildingAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(z.strictObject({ buildingId: z.uuid() }), input, async (data, actor) => {
    await deleteBuilding(await getDb(), { actor, parkId, buildingId: data.buildingId });
    return null;
  });
}

export async function createUnitAction(parkId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(createUnitSchema, input, async (data, actor) => ({ id: (await createUnit(await getDb(), { actor, parkId, input: data })).id }));
}

export async function updateUnitAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(updateUnitSchema, input, async (data, actor) => {
    await updateUnit(await getDb(), { actor, parkId, input: data });
    return null;
  });
}

export async function retireUnitAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(retireUnitSchema, input, async (data, actor) => {
    await retireUnit(await getDb(), { actor, parkId, input: data });
    return null;
  });
}

export async function createLeaseAction(parkId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(createLeaseSchema, input, async (data, actor) => ({ id: (await createLease(await getDb(), { actor, parkId, input: data })).id }));
}

export async function endLeaseAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(endLeaseSchema, input, async (data, actor) => {
    await endLease(await getDb(), { actor, parkId, input: data });
    return null;
  });
}

export async function setLeaseRatesAction(parkId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(setLeaseRatesSchema, input, async (data, actor) => {
    await setLeaseRates(await getDb(), { actor, parkId, input: data });
    return null;
  });
}
