import { z } from 'zod';
import { EXIT_REASONS, PLACEMENTS, SME_CATEGORIES } from '@/db/schema/values';
import { pageCursorSchema } from './paging';
import { dateSchema, endNotBeforeStart, optionalDateSchema, optionalTextSchema } from './periods';

export { EXIT_REASONS, PLACEMENTS, SME_CATEGORIES };

/** Admission of an approved application's company as a resident. */
export const admitResidentSchema = z
  .strictObject({
    applicationId: z.uuid(),
    agreementNumber: z.string().trim().min(1, 'required').max(100, 'tooLong'),
    agreementDate: dateSchema,
    startOn: dateSchema,
    endOn: optionalDateSchema,
    placement: z.enum(PLACEMENTS),
  })
  .superRefine(endNotBeforeStart('startOn', 'endOn'));

export type AdmitResidentInput = z.input<typeof admitResidentSchema>;

/** The end of a residency: its last day (inclusive) and why. */
export const exitResidentSchema = z.strictObject({
  residencyId: z.uuid(),
  endOn: dateSchema,
  reason: z.enum(EXIT_REASONS),
  note: optionalTextSchema(2000),
});

export type ExitResidentInput = z.input<typeof exitResidentSchema>;

export const RESIDENT_SORTS = ['name', 'start', 'end', 'area', 'sme'] as const;

/** The resident directory's filters, as they travel in the page's and the export's query string. */
export const residentFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(['current', 'former', 'all']).optional().catch(undefined),
  placement: z.enum(PLACEMENTS).optional().catch(undefined),
  sme: z.enum(SME_CATEGORIES).optional().catch(undefined),
  industry: z.string().trim().max(200).optional().catch(undefined),
  incentive: z.enum(['yes', 'no']).optional().catch(undefined),
  overdue: z.enum(['yes', 'no']).optional().catch(undefined),
  sort: z.enum(RESIDENT_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
});

/** The directory page's filters and its page: keyset paging (lib/keyset.ts), the rows after or before a cursor. */
export const residentPageQuerySchema = residentFiltersSchema.extend({ after: pageCursorSchema, before: pageCursorSchema });

export type ResidentPageQuery = z.output<typeof residentPageQuerySchema>;

export type ResidentFilters = z.output<typeof residentFiltersSchema>;
