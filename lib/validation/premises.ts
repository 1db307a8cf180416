import { z } from 'zod';
import { PREMISES_KINDS } from '@/db/schema/values';
import { areaField, moneyField } from './amounts';
import { dateSchema, endNotBeforeStart, optionalDateSchema } from './periods';

export { PREMISES_KINDS };

const nameSchema = z.string().trim().min(1, 'required').max(200, 'tooLong');

export const buildingSchema = z.strictObject({ name: nameSchema });
export const updateBuildingSchema = z.strictObject({ buildingId: z.uuid(), name: nameSchema });

const unitFields = {
  name: nameSchema,
  kind: z.enum(PREMISES_KINDS),
  areaM2: areaField({ empty: 'required' }),
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

/** The monthly rent per m² at signing: the resident's and the market's, both or neither (what the rent support is worth). */
const leaseRates = {
  rateRubPerM2Month: moneyField({ empty: 'null' }),
  marketRateRubPerM2Month: moneyField({ empty: 'null' }),
};

function ratesTogether(value: { rateRubPerM2Month?: string | null; marketRateRubPerM2Month?: string | null }, ctx: z.RefinementCtx) {
  const rate = value.rateRubPerM2Month ?? null;
  const market = value.marketRateRubPerM2Month ?? null;
  if (rate !== null && market === null) ctx.addIssue({ code: 'custom', path: ['marketRateRubPerM2Month'], message: 'leaseRatesTogether' });
  if (rate === null && market !== null) ctx.addIssue({ code: 'custom', path: ['rateRubPerM2Month'], message: 'leaseRatesTogether' });
}

export const createLeaseSchema = z
  .strictObject({
    residencyId: z.uuid(),
    premisesId: z.uuid(),
    startOn: dateSchema,
    endOn: optionalDateSchema,
    ...leaseRates,
  })
  .superRefine(endNotBeforeStart('startOn', 'endOn'))
  .superRefine(ratesTogether);

/** Sets (or clears, with both empty) a lease's rates at signing. */
export const setLeaseRatesSchema = z.strictObject({ leaseId: z.uuid(), ...leaseRates }).superRefine(ratesTogether);

export const endLeaseSchema = z.strictObject({ leaseId: z.uuid(), endOn: dateSchema });

export type BuildingInput = z.input<typeof buildingSchema>;
export type CreateUnitInput = z.input<typeof createUnitSchema>;
export type UpdateUnitInput = z.input<typeof updateUnitSchema>;
export type CreateLeaseInput = z.input<typeof createLeaseSchema>;
export type SetLeaseRatesInput = z.input<typeof setLeaseRatesSchema>;
