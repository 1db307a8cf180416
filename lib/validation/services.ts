import { z } from 'zod';
import { SERVICE_KINDS, SERVICE_REQUEST_STATUSES, SERVICE_UNITS } from '@/db/schema/values';
import { toKopecks } from '@/lib/reports/money';
import { moneyField, readDecimal } from './amounts';
import { optionalTextSchema } from './periods';

export { SERVICE_KINDS, SERVICE_REQUEST_STATUSES, SERVICE_UNITS };

/** Free text a form may leave out altogether: absent, empty or blank means none. */
const leaveOutText = (max: number) => optionalTextSchema(max).optional().transform((v) => v ?? null);

/** numeric(12, 2): ten digits before the point. */
const QUANTITY_INTEGER_DIGITS = 10;

/**
 * A quantity of a service's units (hours, days, items) as a person types it, or as a number: above
 * zero, at most two decimals. Out comes `"1.50"`; it accepts its own output.
 */
export const quantityField = () =>
  z.union([z.string(), z.number()], { error: 'quantityPositive' }).transform((raw, ctx) => {
    const read = readDecimal(raw, { integerDigits: QUANTITY_INTEGER_DIGITS });
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', message: read.refusal === 'required' ? 'required' : read.refusal === 'negative' ? 'quantityPositive' : 'invalidDecimal' });
      return z.NEVER;
    }
    if (toKopecks(read.value) <= 0n) {
      ctx.addIssue({ code: 'custom', message: 'quantityPositive' });
      return z.NEVER;
    }
    return read.value;
  });

const nameSchema = z.string().trim().min(1, 'required').max(200, 'tooLong');

const serviceFields = {
  name: nameSchema,
  kind: z.enum(SERVICE_KINDS),
  unit: z.enum(SERVICE_UNITS),
  marketPriceRub: moneyField({ empty: 'required' }),
  residentPriceRub: moneyField({ empty: 'required' }),
};

/** The resident's price is the park's favour: never above the market's. Compared exactly, in kopecks. */
function residentNotAboveMarket(value: { marketPriceRub: string; residentPriceRub: string }, ctx: z.RefinementCtx) {
  if (typeof value.marketPriceRub !== 'string' || typeof value.residentPriceRub !== 'string') return;
  if (toKopecks(value.residentPriceRub) > toKopecks(value.marketPriceRub))
    ctx.addIssue({ code: 'custom', path: ['residentPriceRub'], message: 'residentPriceAboveMarket' });
}

export const createServiceSchema = z.strictObject(serviceFields).superRefine(residentNotAboveMarket);

/** A changed price applies to requests made from now on; the requests already made keep theirs. */
export const updateServiceSchema = z.strictObject({ serviceId: z.uuid(), ...serviceFields }).superRefine(residentNotAboveMarket);

export const serviceIdSchema = z.strictObject({ serviceId: z.uuid() });

export const createServiceRequestSchema = z.strictObject({
  companyId: z.uuid(),
  serviceId: z.uuid(),
  quantity: quantityField(),
  description: leaveOutText(4000),
});

export const requestIdSchema = z.strictObject({ requestId: z.uuid() });

export const assignServiceRequestSchema = z.strictObject({ requestId: z.uuid(), assigneeId: z.uuid() });

/** Delivered: how many units were delivered (may differ from what was asked). */
export const deliverServiceRequestSchema = z.strictObject({ requestId: z.uuid(), quantity: quantityField() });

export const cancelServiceRequestSchema = z.strictObject({ requestId: z.uuid(), reason: leaveOutText(2000) });

export const refuseServiceRequestSchema = z.strictObject({
  requestId: z.uuid(),
  reason: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
});

/** The staff's list of a park's requests: by status, or only the overdue ones. */
export const serviceRequestFilterSchema = z
  .strictObject({
    status: z.enum(SERVICE_REQUEST_STATUSES).optional(),
    overdue: z.boolean().optional(),
  })
  .default({});

export type CreateServiceInput = z.input<typeof createServiceSchema>;
export type UpdateServiceInput = z.input<typeof updateServiceSchema>;
export type CreateServiceRequestInput = z.input<typeof createServiceRequestSchema>;
export type ServiceRequestFilter = z.input<typeof serviceRequestFilterSchema>;
