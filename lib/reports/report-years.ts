import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, parksWhere } from '@/lib/auth/permissions';
import { authorizePark, getParkBySlug, type ParkDto } from '@/lib/parks/parks';

/**
 * The first and the last year in which the park has records a report counts, and the last year with
 * an accepted annual KPI report (up to which the residents' results are known); null without records.
 */
export type ReportYears = { first: number; last: number; lastReported: number | null } | null;

/**
 * The span of years the park's reports have something to say about: submitted applications,
 * residencies (their start), accepted annual KPI reports and budget funding. The report pages offer
 * it as a period to pick, so a park whose records end years ago (the Kuzbass demo ends in 2016)
 * is one click from its figures. Needs `report.read` in the park.
 */
export async function getReportYears(
  db: DbOrTx,
  args: { actor: Actor; parkSlug: string } | { actor: Actor; /** The park this request already read (getParkBySlug). */ park: ParkDto },
): Promise<ReportYears> {
  const park =
    'park' in args
      ? authorizePark(args.actor, args.park, 'report.read')
      : await getParkBySlug(db, { actor: args.actor, slug: String(args.parkSlug ?? ''), action: 'report.read' });
  return yearsOf(db, sql`= ${park.id}`);
}

/** The same span over all the parks the actor may compare (`report.compare`), for the comparison's period picker. */
export async function getComparisonYears(db: DbOrTx, { actor }: { actor: Actor }): Promise<ReportYears> {
  assertCan(actor, 'report.compare');
  const allowed = parksWhere(actor, 'report.compare');
  if (allowed === 'all') return yearsOf(db, sql`IS NOT NULL`);
  if (allowed.length === 0) return null;
  return yearsOf(db, sql`IN (${sql.join(allowed.map((id) => sql`${id}::uuid`), sql`, `)})`);
}

/** `parkIs` completes `park_id …`: one park (`= $1`), a list, or every park. */
async function yearsOf(db: DbOrTx, parkIs: SQL): Promise<ReportYears> {
  const [row] = await queryRows<{ first: number | null; last: number | null; last_reported: number | null }>(
    db,
    sql`
    SELECT min(year)::int AS first, max(year)::int AS last, max(year) FILTER (WHERE reported)::int AS last_reported FROM (
      SELECT extract(year FROM submitted_on)::int AS year, false AS reported FROM applications
      WHERE park_id ${parkIs} AND status <> 'draft' AND submitted_on IS NOT NULL
      UNION ALL
      SELECT extract(year FROM start_on)::int, false FROM residencies WHERE park_id ${parkIs}
      UNION ALL
      SELECT year, true FROM kpi_reports WHERE park_id ${parkIs} AND status = 'accepted' AND quarter IS NULL
      UNION ALL
      SELECT year, false FROM budget_funding WHERE park_id ${parkIs}
    ) y`,
  );
  if (!row || row.first === null || row.last === null) return null;
  return { first: Number(row.first), last: Number(row.last), lastReported: row.last_reported === null ? null : Number(row.last_reported) };
}
