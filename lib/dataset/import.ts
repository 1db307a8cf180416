import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { AppError, fromDatabaseError } from '@/lib/errors';
import type { Dataset } from '@/lib/validation/dataset';
import { parseDataset } from './parse';
import { applicationStatus, syncDecisions } from './import-decisions';
import { assertLeasesContained, assertRequestsByResidents, leaseResidencies, residenciesByCompany, residencyOn } from './import-leases';
import { syncProgrammes } from './import-programmes';
import { datasetError, syncList, upsertPark, type Changed, type ListResult } from './import-sync';
import {
  APPLICATIONS,
  BUDGET_FUNDING,
  BUILDINGS,
  COMPANIES,
  KPI_REPORTS,
  LEASES,
  LIST_TABLES,
  PREMISES,
  RESIDENCIES,
  SERVICE_REQUESTS,
  SERVICES,
  TAX_INCENTIVES,
  DATASET_LISTS,
  type DatasetList,
  type ImportTable,
  type RowValues,
} from './import-tables';

export { DATASET_LISTS, type DatasetList } from './import-tables';

export type ImportCounts = { created: number; updated: number; unchanged: number };

export type ImportResult = {
  park: { slug: string; created: boolean; updated: boolean };
  counts: Record<DatasetList, ImportCounts>;
  /** True when nothing was written (a dry run). */
  dryRun: boolean;
};

export type ImportDatasetOptions = {
  actor: Actor;
  /** The parsed JSON document; validated here. */
  input: unknown;
  /** Validate and run every write, then roll back: the counts say what an import would do. */
  dryRun?: boolean;
};

/**
 * Imports a park data set (docs/data-set.md, "Import") in ONE transaction: on any error nothing is
 * written, and the AppError's message is one line naming the record (`companies[3].inn: …`).
 *
 * The park is matched by slug; every record by its park and `key` (created, updated in place when
 * a field differs, or left alone), so importing the same file again changes nothing. A record
 * whose key is the id of a keyless row of the park (how `exportDataset` writes records created in
 * the UI) is matched to that row, so a park's own export imports back onto itself. Records of the
 * park that the file does not list are left as they are; the nested parts of a listed record (an
 * application's latest screening and council decision, a programme's indicators and values) are
 * made to match the file. An application's status is derived from its record (`applicationStatus`).
 */
export async function importDataset(db: Db, { actor, input, dryRun = false }: ImportDatasetOptions): Promise<ImportResult> {
  assertCan(actor, 'dataset.import');
  const parsed = parseDataset(input);
  if (!parsed.ok && parsed.wrongFormat !== undefined) {
    throw new AppError('VALIDATION', parsed.error, parsed.wrongFormat === null ? { key: 'datasetNoFormat' } : { key: 'datasetWrongFormat', params: { format: parsed.wrongFormat } });
  }
  if (!parsed.ok) throw datasetError(parsed.error);
  const data = parsed.data;

  let result: ImportResult | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await writeDataset(tx, actor, data, dryRun);
      if (dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (error instanceof DryRunRollback && result) return result;
    if (error instanceof AppError) throw error;
    const mapped = fromDatabaseError(error);
    if (mapped instanceof AppError) throw new AppError(mapped.code, `park: ${mapped.message}`, { key: mapped.key, cause: error });
    throw mapped;
  }
  await analyzeTouched(db, result!);
  return result!;
}

/**
 * Planner statistics for the tables the import wrote, right after it commits: a freshly imported park
 * is otherwise planned from stale or no statistics until autovacuum comes by (never on the embedded
 * database), and the reports' plans depend on them. ANALYZE samples, so its cost is bounded per table.
 */
async function analyzeTouched(db: Db, result: ImportResult): Promise<void> {
  const touched = new Set<string>();
  if (result.park.created || result.park.updated) touched.add('parks');
  for (const list of DATASET_LISTS) {
    const { created, updated } = result.counts[list];
    if (created + updated > 0) for (const table of LIST_TABLES[list]) touched.add(table.table);
  }
  if (touched.size === 0) return;
  await db.execute(sql`ANALYZE ${sql.join([...touched].map((table) => sql.identifier(table)), sql`, `)}`);
}

class DryRunRollback extends Error {}

async function writeDataset(tx: Tx, actor: Actor, data: Dataset, dryRun: boolean): Promise<ImportResult> {
  const park = await upsertPark(tx, data.park);
  const parkId = park.id;
  // Tallied at the end: the decisions and a programme's indicators also mark their record changed.
  const changes = new Map<DatasetList, Changed>();
  const sync = async <L extends DatasetList, K extends string>(
    list: L,
    spec: ImportTable<K>,
    values: (record: Dataset[L][number], index: number) => RowValues<NoInfer<K>>,
    options?: { needIds?: boolean },
  ): Promise<ListResult> => {
    const result = await syncList(tx, parkId, list, spec, data[list], values, options);
    changes.set(list, result.changed);
    return result;
  };

  const buildings = await sync('buildings', BUILDINGS, (b) => ({ ...b, parkId }));
  const premises = await sync('premises', PREMISES, (p) => ({ ...p, parkId, buildingId: buildings.ids.get(p.building) }));
  const companies = await sync('companies', COMPANIES, (c) => ({ ...c, parkId }));
  const companyId = (key: string) => companies.ids.get(key)!;

  const applications = await sync('applications', APPLICATIONS, (a) => ({
    ...a,
    parkId,
    companyId: companyId(a.company),
    status: applicationStatus(a),
  }));
  await syncDecisions(tx, parkId, data.applications, applications);

  await sync('residencies', RESIDENCIES, (r) => ({
    ...r,
    parkId,
    companyId: companyId(r.company),
    applicationId: r.application === null ? null : applications.ids.get(r.application),
  }));

  const stays = await residenciesByCompany(tx, parkId);
  const leaseResidency = leaseResidencies(stays, data, companyId);
  await sync('leases', LEASES, (l, index) => ({
    ...l,
    parkId,
    residencyId: leaseResidency[index],
    companyId: companyId(l.company),
    premisesId: premises.ids.get(l.premises),
  }));
  await sync('taxIncentives', TAX_INCENTIVES, (t) => ({
    ...t,
    parkId,
    companyId: companyId(t.company),
    residencyId: residencyOn(stays, companyId(t.company), t.grantedOn),
  }));

  await sync('kpiReports', KPI_REPORTS, (k) => ({ ...k, parkId, companyId: companyId(k.company) }), { needIds: false });
  await sync('budgetFunding', BUDGET_FUNDING, (f) => ({ ...f, parkId }), { needIds: false });
  changes.set('programmes', await syncProgrammes(tx, parkId, data));

  const catalogue = await sync('services', SERVICES, (s) => ({ ...s, parkId }));
  assertRequestsByResidents(stays, data, companyId);
  await sync('serviceRequests', SERVICE_REQUESTS, (r) => ({ ...r, parkId, companyId: companyId(r.company), serviceId: catalogue.ids.get(r.service) }), { needIds: false });

  await assertLeasesContained(tx, parkId, data);

  const counts = {} as Record<DatasetList, ImportCounts>;
  for (const list of DATASET_LISTS) counts[list] = tally(data[list].length, changes.get(list)!);
  await writeAudit(tx, {
    actor,
    parkId,
    action: 'dataset.import',
    entity: 'park',
    entityId: parkId,
    after: { slug: data.park.slug, parkCreated: park.created, parkUpdated: park.updated, counts, dryRun },
  });
  return { park: { slug: data.park.slug, created: park.created, updated: park.updated }, counts, dryRun };
}

function tally(total: number, changed: Changed): ImportCounts {
  let created = 0;
  for (const state of changed.values()) if (state === 'created') created++;
  return { created, updated: changed.size - created, unchanged: total - changed.size };
}
