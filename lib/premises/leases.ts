import 'server-only';
import { sortNatural } from '@/lib/natural-order';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { leases, premises, residencies } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { notFound, refusal } from '@/lib/errors';
import type { RowOf } from '@/lib/sql';
import { inTransaction, lockParkRow } from '@/lib/transaction';
import { parseInput } from '@/lib/validation/parse';
import { createLeaseSchema, endLeaseSchema, setLeaseRatesSchema, type CreateLeaseInput, type SetLeaseRatesInput } from '@/lib/validation/premises';

const leaseColumns = {
  id: leases.id,
  residencyId: leases.residencyId,
  companyId: leases.companyId,
  premisesId: leases.premisesId,
  startOn: leases.startOn,
  endOn: leases.endOn,
  rateRubPerM2Month: leases.rateRubPerM2Month,
  marketRateRubPerM2Month: leases.marketRateRubPerM2Month,
};

export type LeaseDto = RowOf<typeof leaseColumns>;

/**
 * Leases a unit to a resident for a period. The database decides what may not be: two leases of one unit
 * overlapping (leases_no_overlap, so of two simultaneous requests for the same days one wins), a lease
 * outside the unit's availability or the residency, a lease of an extraterritorial residency (check_lease).
 * Another park's residency or unit is "not found".
 */
export async function createLease(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: CreateLeaseInput }): Promise<LeaseDto> {
  assertCan(actor, 'lease.manage', parkId);
  const data = parseInput(createLeaseSchema, input);
  return inTransaction(db, async (tx) => {
    // Shared lock: an exit of this residency waits for the lease, and the lease sees the exit if it came first.
    const [residency] = await tx
      .select({ id: residencies.id, companyId: residencies.companyId })
      .from(residencies)
      .where(and(eq(residencies.id, data.residencyId), eq(residencies.parkId, parkId)))
      .for('share');
    if (!residency) throw notFound('residency');
    const [unit] = await tx
      .select({ id: premises.id })
      .from(premises)
      .where(and(eq(premises.id, data.premisesId), eq(premises.parkId, parkId)));
    if (!unit) throw notFound('premises');
    const [lease] = await tx
      .insert(leases)
      .values({
        parkId,
        residencyId: residency.id,
        companyId: residency.companyId,
        premisesId: unit.id,
        startOn: data.startOn,
        endOn: data.endOn,
        rateRubPerM2Month: data.rateRubPerM2Month,
        marketRateRubPerM2Month: data.marketRateRubPerM2Month,
      })
      .returning(leaseColumns);
    await writeAudit(tx, { actor, parkId, action: 'lease.create', entity: 'lease', entityId: lease.id, after: lease });
    return lease;
  });
}

/** Ends a lease on `endOn` (its last day), earlier than it would have; the lease stays as history. */
export async function endLease(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: unknown }): Promise<LeaseDto> {
  assertCan(actor, 'lease.manage', parkId);
  const data = parseInput(endLeaseSchema, input);
  return inTransaction(db, async (tx) => {
    const before = await lockParkRow(tx, leases, leaseColumns, { id: data.leaseId, parkId }, 'lease');
    if (data.endOn < before.startOn)
      throw refusal('VALIDATION', 'leaseEndBeforeStart', `endOn: ${data.endOn} is before the lease's start ${before.startOn}`, 'endOn');
    if (before.endOn !== null && before.endOn <= data.endOn)
      throw refusal('INVALID_TRANSITION', 'leaseAlreadyEnds', `lease ${before.id} already ends on ${before.endOn}`, 'endOn');
    const [after] = await tx
      .update(leases)
      .set({ endOn: data.endOn })
      .where(and(eq(leases.id, before.id), sql`(${leases.endOn} IS NULL OR ${leases.endOn} > ${data.endOn}::date)`))
      .returning(leaseColumns);
    await writeAudit(tx, { actor, parkId, action: 'lease.end', entity: 'lease', entityId: before.id, before, after });
    return after;
  });
}

/**
 * Records (or corrects) a lease's monthly rates per m² at signing, the resident's and the market's, both
 * or neither: the park summary's rent support is worked out from them.
 */
export async function setLeaseRates(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: SetLeaseRatesInput }): Promise<LeaseDto> {
  assertCan(actor, 'lease.manage', parkId);
  const data = parseInput(setLeaseRatesSchema, input);
  return inTransaction(db, async (tx) => {
    const before = await lockParkRow(tx, leases, leaseColumns, { id: data.leaseId, parkId }, 'lease');
    const [after] = await tx
      .update(leases)
      .set({ rateRubPerM2Month: data.rateRubPerM2Month, marketRateRubPerM2Month: data.marketRateRubPerM2Month })
      .where(eq(leases.id, before.id))
      .returning(leaseColumns);
    await writeAudit(tx, {
      actor,
      parkId,
      action: 'lease.setRates',
      entity: 'lease',
      entityId: before.id,
      before: { rateRubPerM2Month: before.rateRubPerM2Month, marketRateRubPerM2Month: before.marketRateRubPerM2Month },
      after: { rateRubPerM2Month: after.rateRubPerM2Month, marketRateRubPerM2Month: after.marketRateRubPerM2Month },
    });
    return after;
  });
}

export type LeaseRowDto = {
  id: string;
  companyId: string;
  companyName: string;
  manufacturing: boolean;
  premisesId: string;
  unitName: string;
  buildingName: string;
  areaM2: string;
  startOn: string;
  endOn: string | null;
  /** Monthly rent per m² at signing, the resident's and the market's (both or neither). */
  rateRubPerM2Month: string | null;
  marketRateRubPerM2Month: string | null;
};

/**
 * The park's leases: those in force on `at`, or (with `endingFrom`) those ending within `days` days from
 * that day inclusive, soonest first.
 */
export async function listLeases(
  db: DbOrTx,
  { actor, parkId, at, endingFrom, days = 90 }: { actor: Actor; parkId: string; at?: string; endingFrom?: string; days?: number },
): Promise<LeaseRowDto[]> {
  assertCan(actor, 'lease.manage', parkId);
  const filter = endingFrom
    ? sql`l.end_on IS NOT NULL AND l.end_on >= ${endingFrom}::date AND l.end_on <= ${endingFrom}::date + ${days}::int`
    : at
      ? sql`l.start_on <= ${at}::date AND (l.end_on IS NULL OR l.end_on >= ${at}::date)`
      : sql`true`;
  return queryLeaseRows(db, parkId, filter, sql`${endingFrom ? sql`l.end_on, ` : sql``}b.name, p.name, l.start_on`);
}

/** The park's leases (`l`) that `where` keeps, with their company (`c`), unit (`p`) and building (`b`), in `order`. */
async function queryLeaseRows(db: DbOrTx, parkId: string, where: SQL, order: SQL): Promise<LeaseRowDto[]> {
  const rows = await queryRows<LeaseRowDto>(
    db,
    sql`
    SELECT l.id, l.company_id AS "companyId", c.name AS "companyName", c.manufacturing, p.id AS "premisesId", p.name AS "unitName",
           b.name AS "buildingName", p.area_m2::text AS "areaM2", l.start_on::text AS "startOn", l.end_on::text AS "endOn",
           l.rate_rub_per_m2_month::text AS "rateRubPerM2Month", l.market_rate_rub_per_m2_month::text AS "marketRateRubPerM2Month"
    FROM leases l JOIN companies c ON c.id = l.company_id JOIN premises p ON p.id = l.premises_id JOIN buildings b ON b.id = p.building_id
    WHERE l.park_id = ${parkId} AND ${where}
    ORDER BY ${order}`,
  );
  return rows.map((r) => ({ ...r, manufacturing: Boolean(r.manufacturing) }));
}

export type LeaseOptions = {
  residencies: { id: string; companyId: string; companyName: string; startOn: string; endOn: string | null }[];
  units: { id: string; name: string; buildingName: string; kind: string; areaM2: string; availableFrom: string | null; availableTo: string | null; leasedToday: boolean }[];
};

/** What a new lease may name: on-site residencies not ended by `today`, and units not retired by then. */
export async function listLeaseOptions(db: DbOrTx, { actor, parkId, today }: { actor: Actor; parkId: string; today: string }): Promise<LeaseOptions> {
  assertCan(actor, 'lease.manage', parkId);
  const res = await queryRows<LeaseOptions['residencies'][number]>(
    db,
    sql`
    SELECT r.id, r.company_id AS "companyId", c.name AS "companyName", r.start_on::text AS "startOn", r.end_on::text AS "endOn"
    FROM residencies r JOIN companies c ON c.id = r.company_id
    WHERE r.park_id = ${parkId} AND r.placement = 'on_site' AND r.exit_reason IS NULL AND (r.end_on IS NULL OR r.end_on >= ${today}::date)
    ORDER BY c.name`,
  );
  const units = await queryRows<LeaseOptions['units'][number]>(
    db,
    sql`
    SELECT p.id, p.name, b.name AS "buildingName", p.kind::text AS kind, p.area_m2::text AS "areaM2",
           p.available_from::text AS "availableFrom", p.available_to::text AS "availableTo",
           EXISTS (SELECT 1 FROM leases l WHERE l.premises_id = p.id AND l.start_on <= ${today}::date AND (l.end_on IS NULL OR l.end_on >= ${today}::date)) AS "leasedToday"
    FROM premises p JOIN buildings b ON b.id = p.building_id
    WHERE p.park_id = ${parkId} AND (p.available_to IS NULL OR p.available_to >= ${today}::date)
`,
  );
  const ordered = sortNatural(units, (u) => u.buildingName, (u) => u.name);
  return { residencies: res, units: ordered.map((u) => ({ ...u, leasedToday: Boolean(u.leasedToday) })) };
}

/** The leases of one unit, newest first: its history. */
export async function listUnitLeases(db: DbOrTx, { actor, parkId, unitId }: { actor: Actor; parkId: string; unitId: string }): Promise<LeaseRowDto[]> {
  assertCan(actor, 'lease.manage', parkId);
  return queryLeaseRows(db, parkId, sql`l.premises_id = ${unitId}`, sql`l.start_on DESC`);
}
