import { z } from 'zod';
import { dateSchema, endNotBeforeStart, optionalDateSchema } from './periods';

export const PREMISES_KINDS = ['office', 'laboratory', 'production', 'coworking', 'incubator', 'other'] as const;

const nameSchema = z.string().trim().min(1, 'required').max(200, 'tooLong');

/** An area in m² as typed: up to ten digits and two decimals, more than zero. */
export const areaInputSchema = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim().replace(',', '.'))
  .pipe(z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, 'invalidDecimal'))
  .refine((v) => Number(v) > 0, 'areaPositive');

export const buildingSchema = z.strictObject({ name: nameSchema });
export const updateBuildingSchema = z.strictObject({ buildingId: z.uuid(), name: nameSchema });

const unitFields = {
  name: nameSchema,
  kind: z.enum(PREMISES_KINDS),
  areaM2: areaInputSchema,
  availableFrom: optionalDateSchema,
  availableTo: optionalDateSchema,
};

export const createUnitSchema = z
  .strictObject({ buildingId: z.uuid(), ...unitFields })
  .superRefine(endNotBeforeStart('availableFrom', 'availableTo'));

export const updateUnitSchema = z
  .strictObject({ unitId: z.uuid(), ...unitFields })
  .superRefine(endNotBeforeStart('availableFrom', 'availableTo'));

/** Retiring a unit: its last available day. The unit and its leases stay. */
export const retireUnitSchema = z.strictObject({ unitId: z.uuid(), availableTo: dateSchema });

export const createLeaseSchema = z
  .strictObject({
    residencyId: z.uuid(),
    premisesId: z.uuid(),
    startOn: dateSchema,
    endOn: optionalDateSchema,
  })
  .superRefine(endNotBeforeStart('startOn', 'endOn'));

export const endLeaseSchema = z.strictObject({ leaseId: z.uuid(), endOn: dateSchema });

export type BuildingInput = z.input<typeof buildingSchema>;
export type CreateUnitInput = z.input<typeof createUnitSchema>;
export type UpdateUnitInput = z.input<typeof updateUnitSchema>;
export type CreateLeaseInput = z.input<typeof createLeaseSchema>;
