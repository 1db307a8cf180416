import { z } from 'zod';
import { INCENTIVE_KINDS, INCENTIVE_STATUSES } from '@/db/schema/values';
import { dateSchema, endNotBeforeStart, optionalDateSchema, optionalTextSchema } from './periods';

export { INCENTIVE_KINDS };

/** A regional tax-incentive grant to a current resident. */
export const grantIncentiveSchema = z
  .strictObject({
    residencyId: z.uuid(),
    kind: z.enum(INCENTIVE_KINDS),
    legalBasis: z.string().trim().min(1, 'required').max(500, 'tooLong'),
    decisionNumber: z.string().trim().min(1, 'required').max(100, 'tooLong'),
    grantedOn: dateSchema,
    validFrom: dateSchema,
    validTo: optionalDateSchema,
    conditions: optionalTextSchema(2000),
  })
  .superRefine(endNotBeforeStart('validFrom', 'validTo'));

export const revokeIncentiveSchema = z.strictObject({
  incentiveId: z.uuid(),
  revokedOn: dateSchema,
  reason: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
});

export const incentiveFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  // A grant's stored status, or one the filter derives: expired (past validTo) or all.
  status: z.enum([...INCENTIVE_STATUSES, 'expired', 'all']).optional().catch(undefined),
  kind: z.enum(INCENTIVE_KINDS).optional().catch(undefined),
  expiring: z.enum(['1']).optional().catch(undefined),
});

export type GrantIncentiveInput = z.input<typeof grantIncentiveSchema>;
export type RevokeIncentiveInput = z.input<typeof revokeIncentiveSchema>;
export type IncentiveFilters = z.output<typeof incentiveFiltersSchema>;
