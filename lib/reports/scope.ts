import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { authorizePark, getParkBySlug, type ParkDto } from '@/lib/parks/parks';
import { parseInput } from '@/lib/validation/parse';
import { parkPeriodSchema, periodSchema, type ParkPeriodInput } from '@/lib/validation/reports';

/** The first and the last day of the whole years FROM..TO. */
export function periodDays(from: number, to: number): { firstDay: string; lastDay: string } {
  const pad = (year: number) => String(year).padStart(4, '0');
  return { firstDay: `${pad(from)}-01-01`, lastDay: `${pad(to)}-12-31` };
}

declare const issued: unique symbol;

/**
 * The park whose reports the actor may read (`report.read`), with the period's whole years and days,
 * made by parkScope. A page resolves it once and hands it to every report it shows, so the park is read
 * once per request, not once per report; each report checks it again in memory (reportScope).
 */
export type ReportScope = {
  readonly actor: Actor;
  readonly park: ParkDto;
  readonly from: number;
  readonly to: number;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly [issued]: true;
};

/** A park's report for a period: the park by slug, or a scope the caller already holds. */
export type PeriodArgs = ({ actor: Actor } & ParkPeriodInput) | { scope: ReportScope };

/** The park by slug, or the park this request already read (getParkBySlug), and a period. */
export type ScopeInput = ({ actor: Actor } & ParkPeriodInput) | { actor: Actor; park: ParkDto; from: unknown; to: unknown };

/** The park the actor may read reports of (NOT_FOUND otherwise), and the period's whole years and days. */
export async function parkScope(db: DbOrTx, input: ScopeInput): Promise<ReportScope> {
  const { actor } = input;
  let park: ParkDto;
  let period: { from: number; to: number };
  if ('park' in input) {
    period = parseInput(periodSchema, { from: input.from, to: input.to });
    park = authorizePark(actor, input.park, 'report.read');
  } else {
    const { parkSlug, ...rest } = parseInput(parkPeriodSchema, { parkSlug: input.parkSlug, from: input.from, to: input.to });
    period = rest;
    park = await getParkBySlug(db, { actor, slug: parkSlug, action: 'report.read' });
  }
  return Object.freeze({ actor, park, ...period, ...periodDays(period.from, period.to) }) as ReportScope;
}

/**
 * The scope a report runs in: the one the caller holds, checked again in memory (the period and
 * `report.read` on its park, no query), or one made now from the park's slug.
 */
export async function reportScope(db: DbOrTx, args: PeriodArgs): Promise<ReportScope> {
  if (!('scope' in args)) return parkScope(db, args);
  const { actor, park, from, to } = args.scope;
  return parkScope(db, { actor, park, from, to });
}
