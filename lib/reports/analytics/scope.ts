import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { pct, toKopecks } from '../money';

/*
 * The analytics behind the summary page and the analysts' comparison (docs/reports.md, "Analytics").
 * Same rules as the summary: only accepted annual KPI reports count, dates are inclusive, every sum
 * is taken in SQL scoped by park_id, money and areas travel as exact decimal strings, percentages
 * are rounded half away from zero to one decimal and ratios to two.
 */

/** An exact sum of money or area, as a decimal string with two decimals (0 when there is none). */
export const money = (expr: SQL) => sql`round(coalesce(${expr}, 0), 2)::text`;
/** part ÷ whole of two decimal strings, percent. */
export const share = (part: string, whole: string) => pct(toKopecks(part), toKopecks(whole));

/** Premises `p` available on the day. */
export function availableOn(day: SQL) {
  return sql`(p.available_from IS NULL OR p.available_from <= ${day}) AND (p.available_to IS NULL OR p.available_to >= ${day})`;
}
