import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { Dataset, DatasetLease, DatasetPremises } from '@/lib/validation/dataset';
import { datasetError } from './import-sync';

// A lease belongs to its company's on-site residency in force on its first day and lies within its
// unit's availability. The database enforces both at commit; they are checked here first, so that a
// refusal names the record of the file rather than a constraint.

type Stay = { id: string; key: string | null; placement: string; startOn: string; endOn: string | null };

/** The park's residencies, by company id. */
export type Stays = Map<string, Stay[]>;

/** Read after the residencies are written; residencies of a company never overlap. */
export async function residenciesByCompany(tx: Tx, parkId: string): Promise<Stays> {
  const rows = await queryRows<Stay & { companyId: string }>(
    tx,
    sql`SELECT id::text AS id, key, company_id::text AS "companyId", placement::text AS placement,
          start_on::text AS "startOn", end_on::text AS "endOn"
        FROM residencies WHERE park_id = ${parkId}`,
  );
  const map = new Map<string, Stay[]>();
  for (const { companyId, ...stay } of rows) {
    const list = map.get(companyId) ?? [];
    list.push(stay);
    map.set(companyId, list);
  }
  return map;
}

const covers = (start: string, end: string | null, day: string) => start <= day && (end === null || day <= end);

/** The company's residency in force on `day`, of either placement (a tax incentive's). */
export function residencyOn(stays: Stays, companyId: string, day: string): string | null {
  return stays.get(companyId)?.find((s) => covers(s.startOn, s.endOn, day))?.id ?? null;
}

/** Each lease's residency id, in the order of `data.leases`; refuses a lease outside its unit's availability or residency. */
export function leaseResidencies(stays: Stays, data: Dataset, companyId: (key: string) => string): string[] {
  const premisesByKey = new Map(data.premises.map((p) => [p.key, p]));
  return data.leases.map((lease, index) => {
    checkAvailability(premisesByKey.get(lease.premises)!, lease, index);
    return residencyFor(stays, companyId(lease.company), lease, index);
  });
}

/**
 * Only residents request services: the company holds a residency (either placement) in the park on
 * each request's `requestedOn`. The database refuses it otherwise (check_service_request).
 */
export function assertRequestsByResidents(stays: Stays, data: Dataset, companyId: (key: string) => string): void {
  data.serviceRequests.forEach((request, index) => {
    if (residencyOn(stays, companyId(request.company), request.requestedOn) === null) {
      throw datasetError(`serviceRequests[${index}].requestedOn: company "${request.company}" holds no residency in the park on ${request.requestedOn}`);
    }
  });
}

/** The on-site residency in force on the lease's first day; the lease must also end within it. */
function residencyFor(stays: Stays, companyId: string, lease: DatasetLease, index: number): string {
  const all = stays.get(companyId) ?? [];
  const covering = all.filter((s) => covers(s.startOn, s.endOn, lease.startOn));
  const stay = covering.find((s) => s.placement === 'on_site');
  if (!stay) {
    const other = covering[0];
    throw datasetError(
      other
        ? `leases[${index}].company: no on-site residency covering ${lease.startOn} (residency "${other.key ?? other.id}" is extraterritorial)`
        : `leases[${index}].company: no on-site residency covering ${lease.startOn}`,
    );
  }
  if (stay.endOn !== null && (lease.endOn === null || lease.endOn > stay.endOn)) {
    throw datasetError(
      `leases[${index}].endOn: the lease runs past the end of residency "${stay.key ?? stay.id}" (${stay.endOn})`,
    );
  }
  return stay.id;
}

/** A lease lies within its unit's availability (the database refuses it otherwise). */
function checkAvailability(premises: DatasetPremises, lease: DatasetLease, index: number) {
  if (premises.availableFrom !== null && lease.startOn < premises.availableFrom) {
    throw datasetError(`leases[${index}].startOn: premises "${premises.key}" are available only from ${premises.availableFrom}`);
  }
  if (premises.availableTo !== null && (lease.endOn === null || lease.endOn > premises.availableTo)) {
    throw datasetError(`leases[${index}].endOn: premises "${premises.key}" are available only until ${premises.availableTo}`);
  }
}

/**
 * Changing a residency or a unit may leave one of the park's leases outside it; the database
 * refuses that at commit. Checked here first, so the message names the record.
 */
export async function assertLeasesContained(tx: Tx, parkId: string, data: Dataset) {
  const [bad] = await queryRows<{
    leaseKey: string;
    residencyKey: string | null;
    premisesKey: string;
    outsideResidency: boolean;
  }>(
    tx,
    sql`SELECT coalesce(l.key, l.id::text) AS "leaseKey", coalesce(r.key, r.id::text) AS "residencyKey", p.key AS "premisesKey",
          (r.placement <> 'on_site' OR l.start_on < r.start_on
            OR (r.end_on IS NOT NULL AND (l.end_on IS NULL OR l.end_on > r.end_on))) AS "outsideResidency"
        FROM leases l JOIN residencies r ON r.id = l.residency_id JOIN premises p ON p.id = l.premises_id
        WHERE l.park_id = ${parkId} AND (
          r.placement <> 'on_site' OR l.start_on < r.start_on
          OR (r.end_on IS NOT NULL AND (l.end_on IS NULL OR l.end_on > r.end_on))
          OR (p.available_from IS NOT NULL AND l.start_on < p.available_from)
          OR (p.available_to IS NOT NULL AND (l.end_on IS NULL OR l.end_on > p.available_to)))
        LIMIT 1`,
  );
  if (!bad) return;
  if (bad.outsideResidency) {
    const index = data.residencies.findIndex((r) => r.key === bad.residencyKey);
    const path = index >= 0 ? `residencies[${index}]` : `leases[${data.leases.findIndex((l) => l.key === bad.leaseKey)}]`;
    throw datasetError(`${path}: lease "${bad.leaseKey}" would fall outside residency "${bad.residencyKey}"`);
  }
  const index = data.premises.findIndex((p) => p.key === bad.premisesKey);
  throw datasetError(
    `${index >= 0 ? `premises[${index}]` : 'premises'}: lease "${bad.leaseKey}" would fall outside the availability of premises "${bad.premisesKey}"`,
  );
}
