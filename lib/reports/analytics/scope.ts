import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { getParkBySlug, type ParkDto } from '@/lib/parks/parks';
import { parseInput } from '@/lib/validation/parse';
import { parkPeriodSchema, type ParkPeriodInput } from '@/lib/validation/reports';
import { pct, toKopecks } from '../money';
import { periodDays } from '../summary';

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

export type PeriodArgs = { actor: Actor } & ParkPeriodInput;

export type Scope = { park: ParkDto; from: number; to: number; firstDay: string; lastDay: string };

/** The park the actor may read reports of (NOT_FOUND otherwise), and the period's whole years and days. */
export async function parkScope(db: DbOrTx, { actor, ...input }: PeriodArgs): Promise<Scope> {
  const { parkSlug, from, to } = parseInput(parkPeriodSchema, input);
  const park = await getParkBySlug(db, { actor, slug: parkSlug, action: 'report.read' });
  return { park, from, to, ...periodDays(from, to) };
}
