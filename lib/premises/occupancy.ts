import 'server-only';
import { sortNatural } from '@/lib/natural-order';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { parks } from '@/db/schema';
import type { ParkType, PremisesKind } from '@/db/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import { pct, toKopecks } from '@/lib/reports/money';

export type UnitState = 'leased' | 'free' | 'unavailable';

export type OccupancyUnit = {
  id: string;
  name: string;
  kind: PremisesKind;
  areaM2: string;
  availableFrom: string | null;
  availableTo: string | null;
  state: UnitState;
  tenant: { companyId: string; companyName: string; manufacturing: boolean; leaseId: string; leaseStartOn: string; leaseEndOn: string | null; rateRubPerM2Month: string | null; marketRateRubPerM2Month: string | null } | null;
};

export type OccupancyBuilding = { id: string; name: string; availableM2: string; leasedM2: string; usePct: number; units: OccupancyUnit[] };

export type Occupancy = {
  at: string;
  parkType: ParkType;
  /** Area of the units available on the day. */
  availableM2: string;
  /** Of that, the area under a lease in force on the day. */
  leasedM2: string;
  /** leased ÷ available, percent, one decimal. */
  usePct: number;
  /** Leased area held by residents that are manufacturing enterprises. */
  manufacturingLeasedM2: string;
  /** manufacturing ÷ leased, percent, one decimal (0 when nothing is leased). */
  manufacturingSharePct: number;
  /** The industrial park's rule: at least half of the leased area goes to manufacturing residents. */
  manufacturingRule: { applies: boolean; met: boolean | null };
  buildings: OccupancyBuilding[];
};

type UnitRow = {
  buildingId: string;
  buildingName: string;
  id: string | null;
  name: string;
  kind: OccupancyUnit['kind'];
  areaM2: string;
  availableFrom: string | null;
  availableTo: string | null;
  state: UnitState;
  leaseId: string | null;
  leaseStartOn: string | null;
  leaseEndOn: string | null;
  rateRubPerM2Month: string | null;
  marketRateRubPerM2Month: string | null;
  companyId: string | null;
  companyName: string | null;
  manufacturing: boolean | null;
  buildingAvailableM2: string;
  buildingLeasedM2: string;
  availableM2: string;
  leasedM2: string;
  manufacturingLeasedM2: string;
};

/** numeric text ("0", "120.5", "5610.50") with two decimals. */
const decimal2 = (v: string) => {
  const [whole, fraction = ''] = v.split('.');
  return `${whole}.${fraction.padEnd(2, '0').slice(0, 2)}`;
};

/**
 * The park's premises on a day, as docs/reports.md ("Summary definitions") defines area in use: the units
 * available on the day, and of them those under a lease in force on the day (dates inclusive). Each unit is leased, free or unavailable.
 */
export async function getOccupancy(db: DbOrTx, { actor, parkId, at }: { actor: Actor; parkId: string; at: string }): Promise<Occupancy> {
  assertCan(actor, 'premises.manage', parkId);
  const [park] = await db.select({ type: parks.type }).from(parks).where(eq(parks.id, parkId));
  if (!park) throw notFound('park');
  const rows = await queryRows<UnitRow>(
    db,
    sql`
    WITH u AS (
      SELECT b.id AS "buildingId", b.name AS "buildingName", p.id, p.name, p.kind::text AS kind, p.area_m2 AS area,
             p.available_from::text AS "availableFrom", p.available_to::text AS "availableTo",
             CASE WHEN p.id IS NULL THEN NULL
                  WHEN NOT ((p.available_from IS NULL OR p.available_from <= ${at}::date) AND (p.available_to IS NULL OR p.available_to >= ${at}::date)) THEN 'unavailable'
                  WHEN l.id IS NOT NULL THEN 'leased' ELSE 'free' END AS state,
             l.id AS "leaseId", l.start_on::text AS "leaseStartOn", l.end_on::text AS "leaseEndOn",
             l.rate_rub_per_m2_month::text AS "rateRubPerM2Month", l.market_rate_rub_per_m2_month::text AS "marketRateRubPerM2Month",
             c.id AS "companyId", c.name AS "companyName", c.manufacturing
      FROM buildings b
      LEFT JOIN premises p ON p.building_id = b.id
      LEFT JOIN LATERAL (
        SELECT * FROM leases l WHERE l.premises_id = p.id AND l.start_on <= ${at}::date AND (l.end_on IS NULL OR l.end_on >= ${at}::date)
        ORDER BY l.start_on DESC LIMIT 1
      ) l ON true
      LEFT JOIN companies c ON c.id = l.company_id
      WHERE b.park_id = ${parkId}
    )
    SELECT "buildingId", "buildingName", id, name, kind, area::text AS "areaM2", "availableFrom", "availableTo", state,
           "leaseId", "leaseStartOn", "leaseEndOn", "rateRubPerM2Month", "marketRateRubPerM2Month", "companyId", "companyName", manufacturing,
           coalesce(sum(area) FILTER (WHERE state IN ('leased', 'free')) OVER (PARTITION BY "buildingId"), 0)::text AS "buildingAvailableM2",
           coalesce(sum(area) FILTER (WHERE state = 'leased') OVER (PARTITION BY "buildingId"), 0)::text AS "buildingLeasedM2",
           coalesce(sum(area) FILTER (WHERE state IN ('leased', 'free')) OVER (), 0)::text AS "availableM2",
           coalesce(sum(area) FILTER (WHERE state = 'leased') OVER (), 0)::text AS "leasedM2",
           coalesce(sum(area) FILTER (WHERE state = 'leased' AND manufacturing) OVER (), 0)::text AS "manufacturingLeasedM2"
    FROM u
    ORDER BY "buildingName", "buildingId", name`,
  );

  const buildings = new Map<string, OccupancyBuilding>();
  for (const r of rows) {
    let building = buildings.get(r.buildingId);
    if (!building) {
      const a = toKopecks(r.buildingAvailableM2);
      const l = toKopecks(r.buildingLeasedM2);
      building = { id: r.buildingId, name: r.buildingName, availableM2: r.buildingAvailableM2, leasedM2: r.buildingLeasedM2, usePct: pct(l, a), units: [] };
      buildings.set(r.buildingId, building);
    }
    if (!r.id) continue;
    building.units.push({
      id: r.id,
      name: r.name,
      kind: r.kind,
      areaM2: r.areaM2,
      availableFrom: r.availableFrom,
      availableTo: r.availableTo,
      state: r.state,
      tenant:
        r.leaseId && r.companyId
          ? {
              companyId: r.companyId,
              companyName: r.companyName ?? '',
              manufacturing: Boolean(r.manufacturing),
              leaseId: r.leaseId,
              leaseStartOn: r.leaseStartOn!,
              leaseEndOn: r.leaseEndOn,
              rateRubPerM2Month: r.rateRubPerM2Month,
              marketRateRubPerM2Month: r.marketRateRubPerM2Month,
            }
          : null,
    });
  }
  const totals = rows[0] ?? { availableM2: '0', leasedM2: '0', manufacturingLeasedM2: '0' };
  const available = toKopecks(decimal2(totals.availableM2));
  const leased = toKopecks(decimal2(totals.leasedM2));
  const manufacturing = toKopecks(decimal2(totals.manufacturingLeasedM2));
  const applies = park.type === 'industrial';
  return {
    at,
    parkType: park.type,
    availableM2: decimal2(totals.availableM2),
    leasedM2: decimal2(totals.leasedM2),
    usePct: pct(leased, available),
    manufacturingLeasedM2: decimal2(totals.manufacturingLeasedM2),
    manufacturingSharePct: pct(manufacturing, leased),
    manufacturingRule: { applies, met: applies && leased > 0n ? manufacturing * 2n >= leased : null },
    // Buildings and units in natural order ("cell 2" before "cell 10"), as every list of them is (lib/natural-order.ts).
    buildings: sortNatural([...buildings.values()], (b) => b.name).map((b) => ({ ...b, units: sortNatural(b.units, (u) => u.name), availableM2: decimal2(b.availableM2), leasedM2: decimal2(b.leasedM2) })),
  };
}
