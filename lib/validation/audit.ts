import { z } from 'zod';
import { AUDIT_ACTIONS } from '@/lib/audit-actions';
import { pageCursorSchema } from './paging';
import { dateSchema } from './periods';

/** A day of the date range: empty means open. A date that is not one is refused (`invalidDate`), not ignored. */
const dayField = z
  .union([z.literal(''), dateSchema])
  .optional()
  .transform((v) => v || undefined);

const filters = {
  /** Who acted: part of their e-mail or name, or the system's label (`cli`, `seed`, `import`). */
  user: z.string().trim().max(200).optional().catch(undefined),
  park: z.uuid().optional().catch(undefined),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  /** The first and last day (inclusive) on the installation's clock. */
  from: dayField,
  to: dayField,
};

type Range = { from?: string; to?: string };
/** A range that ends before it starts is refused with its reason, so it never reads as "nothing happened". */
const rangeInOrder = (v: Range, ctx: z.RefinementCtx) => {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'fromAfterTo' });
};

/** The audit log's filters, as they travel in the page's and the export's query string. */
export const auditFiltersSchema = z.object(filters).superRefine(rangeInOrder);

/** The audit page's filters and its page (keyset paging, lib/keyset.ts). */
export const auditPageQuerySchema = z.object({ ...filters, after: pageCursorSchema, before: pageCursorSchema }).superRefine(rangeInOrder);

export type AuditFilters = z.output<typeof auditFiltersSchema>;
export type AuditPageQuery = z.output<typeof auditPageQuerySchema>;
