import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { ParkDto } from '@/lib/parks/parks';
import { toKopecks } from '../money';
import type { DecimalString, ReportPeriod } from '../types';
import { availableOn, money, share } from './scope';
import { reportScope, type PeriodArgs } from '../scope';

// A park's area over time, for the summary page; lib/premises/occupancy.ts is the state of every
// unit on one day, for the premises page.

export interface AreaUse {
  totalM2: DecimalString;
  leasedM2: DecimalString;
  usePct: number;
}

export interface OccupancyMonth extends AreaUse {
  /** YYYY-MM */
  month: string;
  /** The month's last day, on which the figures are taken. */
  day: string;
  /** Leased area held by manufacturing residents. */
  manufacturingM2: DecimalString;
  /** manufacturingM2 ÷ leasedM2, percent; 0 without leased area. */
  manufacturingSharePct: number;
}

export interface OccupancyHistory {
  period: ReportPeriod;
  parkType: ParkDto['type'];
  months: OccupancyMonth[];
  /** On the period's last day, per building and per kind of premises. */
  byBuilding: (AreaUse & { key: string; name: string })[];
  byKind: (AreaUse & { kind: string })[];
  /**
   * The industrial park rule: at least half of the leased area held by manufacturing residents,
   * on the period's last day. `applies` is true for industrial parks only.
   */
  manufacturingRule: { applies: boolean; leasedM2: DecimalString; manufacturingM2: DecimalString; sharePct: number; met: boolean };
}

type MonthRow = { day: string; total: string; leased: string; manufacturing: string };
type GroupRow = { building_key: string | null; building_name: string | null; kind: string | null; total: string; leased: string };

/** The premises available and leased on one day, with the lessee's manufacturing flag. */
function premisesOn(parkId: string, day: SQL) {
  return sql`
    premises p
    LEFT JOIN LATERAL (
      SELECT l.company_id FROM leases l
      WHERE l.premises_id = p.id AND l.park_id = ${parkId} AND l.start_on <= ${day} AND (l.end_on IS NULL OR l.end_on >= ${day})
      LIMIT 1
    ) l ON true
    LEFT JOIN companies c ON c.id = l.company_id`;
}

/**
 * The area available, leased and leased to manufacturing residents on the last day of each of the
 * `months` months from `firstDay`, as one sweep over the park's premises and leases: every unit's
 * availability and every lease (within its unit's availability) is a span of days that adds its area
 * from its first day and takes it away the day after its last; a running sum over these changes, read
 * at each month's end, is the area on that day. Its cost follows the number of units and leases, not
 * months × units. Leases of one unit never overlap (leases_no_overlap), so a unit counts once a day.
 * The month count is a literal (a checked integer), so the planner knows the series' size: estimated
 * at the default 1,000 rows it made the statement look costly enough to JIT-compile on every call.
 */
export function monthEndsStatement(parkId: string, firstDay: string, lastDay: string, months: number): SQL {
  if (!Number.isSafeInteger(months) || months < 1) throw new Error(`months must be a positive integer, not ${months}`);
  const last = sql`${lastDay}::date`;
  return sql`
    WITH
    spans AS (
      SELECT p.available_from AS lo, p.available_to AS hi, p.area_m2 AS total, 0::numeric AS leased, 0::numeric AS manufacturing
      FROM premises p
      WHERE p.park_id = ${parkId}
      UNION ALL
      SELECT greatest(l.start_on, p.available_from), least(l.end_on, p.available_to),
             0, p.area_m2, CASE WHEN c.manufacturing THEN p.area_m2 ELSE 0 END
      FROM leases l
      JOIN premises p ON p.id = l.premises_id AND p.park_id = ${parkId}
      JOIN companies c ON c.id = l.company_id
      WHERE l.park_id = ${parkId}
    ),
    changes AS (
      SELECT coalesce(lo, '-infinity'::date) AS day, total, leased, manufacturing, false AS month_end
      FROM spans WHERE (lo IS NULL OR hi IS NULL OR lo <= hi) AND (lo IS NULL OR lo <= ${last})
      UNION ALL
      SELECT hi + 1, -total, -leased, -manufacturing, false
      FROM spans WHERE hi IS NOT NULL AND (lo IS NULL OR lo <= hi) AND hi < ${last}
      UNION ALL
      SELECT (${firstDay}::date + make_interval(months => g.i) - interval '1 day')::date, 0, 0, 0, true
      FROM generate_series(1, ${sql.raw(String(months))}) AS g(i)
    ),
    running AS (
      -- The default frame takes in every change of the same day (its peers), so a month's end sees them all.
      SELECT day, month_end, sum(total) OVER w AS total, sum(leased) OVER w AS leased, sum(manufacturing) OVER w AS manufacturing
      FROM changes
      WINDOW w AS (ORDER BY day)
    )
    SELECT day::text AS day, ${money(sql`total`)} AS total, ${money(sql`leased`)} AS leased, ${money(sql`manufacturing`)} AS manufacturing
    FROM running
    WHERE month_end
    ORDER BY day`;
}

/** Area in use on the last day of every month of the period, and by building and kind on the period's last day. */
export async function getOccupancyHistory(db: DbOrTx, args: PeriodArgs): Promise<OccupancyHistory> {
  const { park, from, to, firstDay, lastDay } = await reportScope(db, args);
  const last = sql`${lastDay}::date`;
  // Independent statements: sent at once.
  const [months, groups] = await Promise.all([
    queryRows<MonthRow>(db, monthEndsStatement(park.id, firstDay, lastDay, (to - from + 1) * 12)),
    queryRows<GroupRow>(
      db,
      sql`
      SELECT b.key AS building_key, b.name AS building_name, p.kind::text AS kind,
             ${money(sql`sum(p.area_m2)`)} AS total,
             ${money(sql`sum(p.area_m2) FILTER (WHERE l.company_id IS NOT NULL)`)} AS leased
      FROM ${premisesOn(park.id, last)}
      JOIN buildings b ON b.id = p.building_id
      WHERE p.park_id = ${park.id} AND ${availableOn(last)}
      GROUP BY GROUPING SETS ((b.key, b.name), (p.kind))
      ORDER BY b.key NULLS LAST, p.kind NULLS LAST`,
    ),
  ]);
  const use = (total: string, leased: string): AreaUse => ({ totalM2: total, leasedM2: leased, usePct: share(leased, total) });
  const monthly = months.map((m) => ({
    month: m.day.slice(0, 7),
    day: m.day,
    ...use(m.total, m.leased),
    manufacturingM2: m.manufacturing,
    manufacturingSharePct: share(m.manufacturing, m.leased),
  }));
  const end = monthly.at(-1)!;
  return {
    period: { from, to },
    parkType: park.type,
    months: monthly,
    byBuilding: groups.filter((g) => g.building_key !== null).map((g) => ({ key: g.building_key!, name: g.building_name!, ...use(g.total, g.leased) })),
    byKind: groups.filter((g) => g.kind !== null).map((g) => ({ kind: g.kind!, ...use(g.total, g.leased) })),
    manufacturingRule: {
      applies: park.type === 'industrial',
      leasedM2: end.leasedM2,
      manufacturingM2: end.manufacturingM2,
      sharePct: end.manufacturingSharePct,
      met: toKopecks(end.manufacturingM2) * 2n >= toKopecks(end.leasedM2),
    },
  };
}
