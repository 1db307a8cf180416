import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';

export type ParkDashboard = {
  awaitingScreening: number;
  inReview: number;
  approvedNotAdmitted: number;
  residentsNow: number;
  residentsOnSite: number;
  residentsSme: number;
  totalAreaM2: string;
  leasedAreaM2: string;
  incentivesExpiring: number;
  kpiAwaitingReview: number;
};

/** The manager's home figures for one park, as of `today`. */
export async function getParkDashboard(db: DbOrTx, { actor, parkId, today }: { actor: Actor; parkId: string; today: string }): Promise<ParkDashboard> {
  assertCan(actor, 'application.readPark', parkId);
  const [row] = await queryRows<Record<string, string | number>>(
    db,
    sql`
    WITH active AS (
      SELECT DISTINCT ON (r.company_id) r.company_id, r.placement, c.sme_category
      FROM residencies r JOIN companies c ON c.id = r.company_id
      WHERE r.park_id = ${parkId} AND r.start_on <= ${today}::date AND (r.end_on IS NULL OR r.end_on >= ${today}::date)
      ORDER BY r.company_id, (r.placement = 'on_site') DESC
    )
    SELECT
      (SELECT count(*) FROM applications WHERE park_id = ${parkId} AND status = 'submitted')::int AS "awaitingScreening",
      (SELECT count(*) FROM applications WHERE park_id = ${parkId} AND status = 'in_review')::int AS "inReview",
      (SELECT count(*) FROM applications a WHERE a.park_id = ${parkId} AND a.status = 'approved'
         AND NOT EXISTS (SELECT 1 FROM residencies r WHERE r.application_id = a.id)
         AND EXISTS (SELECT 1 FROM council_decisions d WHERE d.application_id = a.id AND d.decision = 'approved'
                     AND d.decided_on > ${today}::date - 365))::int AS "approvedNotAdmitted",
      (SELECT count(*) FROM active)::int AS "residentsNow",
      (SELECT count(*) FROM active WHERE placement = 'on_site')::int AS "residentsOnSite",
      (SELECT count(*) FROM active WHERE sme_category <> 'none')::int AS "residentsSme",
      (SELECT coalesce(sum(area_m2), 0) FROM premises WHERE park_id = ${parkId}
         AND (available_from IS NULL OR available_from <= ${today}::date) AND (available_to IS NULL OR available_to >= ${today}::date))::text AS "totalAreaM2",
      (SELECT coalesce(sum(p.area_m2), 0) FROM leases l JOIN premises p ON p.id = l.premises_id WHERE l.park_id = ${parkId}
         AND l.start_on <= ${today}::date AND (l.end_on IS NULL OR l.end_on >= ${today}::date))::text AS "leasedAreaM2",
      (SELECT count(*) FROM tax_incentives WHERE park_id = ${parkId} AND status = 'active' AND valid_to IS NOT NULL
         AND valid_to >= ${today}::date AND valid_to <= ${today}::date + 90)::int AS "incentivesExpiring",
      (SELECT count(*) FROM kpi_reports WHERE park_id = ${parkId} AND status = 'submitted')::int AS "kpiAwaitingReview"
  `,
  );
  return {
    awaitingScreening: Number(row.awaitingScreening),
    inReview: Number(row.inReview),
    approvedNotAdmitted: Number(row.approvedNotAdmitted),
    residentsNow: Number(row.residentsNow),
    residentsOnSite: Number(row.residentsOnSite),
    residentsSme: Number(row.residentsSme),
    totalAreaM2: String(row.totalAreaM2),
    leasedAreaM2: String(row.leasedAreaM2),
    incentivesExpiring: Number(row.incentivesExpiring),
    kpiAwaitingReview: Number(row.kpiAwaitingReview),
  };
}
