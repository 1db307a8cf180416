import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { parks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { AppError, fromDatabaseError } from '@/lib/errors';
import {
  parseDataset,
  type Dataset,
  type DatasetApplication,
  type DatasetLease,
  type DatasetPremises,
} from '@/lib/validation/dataset';
import {
  constraintOf,
  insertRows,
  jsonParam,
  RowRefusal,
  updateRowsById,
  upsertRows,
  uuidList,
  type Item,
  type Outcome,
  type TableSpec,
} from './batch';
import { companyIdsOfPark } from './scope';

/** The record lists of `technopark-dataset/1`, in the order they are imported. */
export const DATASET_LISTS = [
  'buildings',
  'premises',
  'companies',
  'applications',
  'residencies',
  'leases',
  'taxIncentives',
  'kpiReports',
  'budgetFunding',
  'programmes',
] as const;
export type DatasetList = (typeof DATASET_LISTS)[number];

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
 * Imports a park data set (shared/spec/CONTRACT.md) in ONE transaction: on any error nothing is
 * written, and the AppError's message is one line naming the record (`companies[3].inn: …`).
 *
 * The park is matched by slug; every record by its park and `key` (created, updated in place when
 * a field differs, or left alone), so importing the same file again changes nothing. A record
 * whose key is the id of a keyless row of the park (how `exportDataset` writes records created in
 * the UI) is matched to that row, so a park's own export imports back onto itself. Records of the
 * park that the file does not list are left as they are; the nested parts of a listed record (an
 * application's latest screening and council decision, a programme's indicators and values) are
 * made to match the file.
 *
 * Application status, derived from the record:
 * - `submittedOn` null: `draft`;
 * - otherwise the later-dated of the screening and the council decision (the council on the same
 *   day, since screening precedes it) decides: council approved → `approved`, rejected →
 *   `rejected`, revision → `returned`; screening accepted → `in_review`, returned → `returned`,
 *   rejected → `rejected`;
 * - neither: `submitted`.
 */
export async function importDataset(db: Db, { actor, input, dryRun = false }: ImportDatasetOptions): Promise<ImportResult> {
  assertCan(actor, 'dataset.import');
  const parsed = parseDataset(input);
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
  return result!;
}

class DryRunRollback extends Error {}

/** A `list[i].field: reason` line as a VALIDATION error, with the field error keyed by its path. */
function datasetError(line: string, code: AppError['code'] = 'VALIDATION', cause?: unknown): AppError {
  const split = line.indexOf(': ');
  const path = split > 0 ? line.slice(0, split) : 'dataset';
  const reason = split > 0 ? line.slice(split + 2) : line;
  return new AppError(code, line, { fieldErrors: { [path]: [reason] }, cause });
}

// ---------------------------------------------------------------- tables

const BUILDINGS: TableSpec = {
  table: 'buildings',
  columns: [
    ['park_id', 'uuid'],
    ['key', 'text'],
    ['name', 'text'],
  ],
  conflict: ['park_id', 'key'],
  label: 't.key',
};

const PREMISES: TableSpec = {
  table: 'premises',
  columns: [
    ['park_id', 'uuid'],
    ['key', 'text'],
    ['building_id', 'uuid'],
    ['name', 'text'],
    ['kind', 'premises_kind'],
    ['area_m2', 'numeric'],
    ['available_from', 'date'],
    ['available_to', 'date'],
  ],
  conflict: ['park_id', 'key'],
  label: 't.key',
};

const COMPANIES: TableSpec = {
  table: 'companies',
  columns: [
    ['park_id', 'uuid'],
    ['key', 'text'],
    ['name', 'text'],
    ['inn', 'text'],
    ['sme_category', 'sme_category'],
    ['industry', 'text'],
    ['manufacturing', 'boolean'],
  ],
  conflict: ['park_id', 'key'],
  label: 'coalesce(t.key, t.id::text)',
};

const APPLICATIONS: TableSpec = {
  table: 'applications',
  columns: [
    ['park_id', 'uuid'],
    ['key', 'text'],
    ['company_id', 'uuid'],
    ['title', 'text'],
    ['submitted_on', 'date'],
    ['status', 'application_status'],
  ],
  conflict: ['park_id', 'key'],
  touch: 'updated_at',
  label: 'coalesce(t.key, t.id::text)',
};

const RESIDENCIES: TableSpec = {
  table: 'residencies',
  columns: [
    ['park_id', 'uuid'],
    ['key', 'text'],
    ['company_id', 'uuid'],
    ['application_id', 'uuid'],
    ['agreement_number', 'text'],
    ['start_on', 'date'],
    ['end_on', 'date'],
    ['placement', 'placement'],
  ],
  conflict: ['park_id', 'key'],
  label: 'coalesce(t.key, t.id::text)',
};

const LEASES: TableSpec = {
  table: 'leases',
  columns: [
    ['park_id', 'uuid'],
    ['key', 'text'],
    ['residency_id', 'uuid'],
    ['company_id', 'uuid'],
    ['premises_id', 'uuid'],
    ['start_on', 'date'],
    ['end_on', 'date'],
  ],
  conflict: ['park_id', 'key'],
  label: 'coalesce(t.key, t.id::text)',
};

const TAX_INCENTIVES: TableSpec = {
  table: 'tax_incentives',
  columns: [
    ['park_id', 'uuid'],
    ['key', 'text'],
    ['company_id', 'uuid'],
    ['residency_id', 'uuid'],
    ['kind', 'incentive_kind'],
    ['legal_basis', 'text'],
    ['granted_on', 'date'],
    ['valid_from', 'date'],
    ['valid_to', 'date'],
  ],
  conflict: ['park_id', 'key'],
  // The residency in force on the grant day is recorded when the grant is created; the data set does not carry it.
  insertOnly: ['residency_id'],
  label: 'coalesce(t.key, t.id::text)',
};

const KPI_REPORTS: TableSpec = {
  table: 'kpi_reports',
  columns: [
    ['park_id', 'uuid'],
    ['key', 'text'],
    ['company_id', 'uuid'],
    ['year', 'integer'],
    ['quarter', 'integer'],
    ['status', 'kpi_status'],
    ['jobs_created', 'integer'],
    ['headcount', 'integer'],
    ['investment_rub', 'numeric'],
    ['capital_investment_rub', 'numeric'],
    ['income_rub', 'numeric'],
    ['taxes_paid_rub', 'numeric'],
    ['rnd_spend_rub', 'numeric'],
  ],
  conflict: ['park_id', 'key'],
  touch: 'updated_at',
  label: 'coalesce(t.key, t.id::text)',
};

const BUDGET_FUNDING: TableSpec = {
  table: 'budget_funding',
  columns: [
    ['park_id', 'uuid'],
    ['key', 'text'],
    ['year', 'integer'],
    ['source', 'funding_source'],
    ['amount_rub', 'numeric'],
  ],
  conflict: ['park_id', 'key'],
  label: 'coalesce(t.key, t.id::text)',
};

const PROGRAMMES: TableSpec = {
  table: 'programmes',
  columns: [
    ['park_id', 'uuid'],
    ['key', 'text'],
    ['name', 'text'],
  ],
  conflict: ['park_id', 'key'],
  label: 't.key',
};

const INDICATORS: TableSpec = {
  table: 'indicators',
  columns: [
    ['programme_id', 'uuid'],
    ['key', 'text'],
    ['name', 'text'],
    ['unit', 'text'],
    ['direction', 'indicator_direction'],
    ['position', 'integer'],
  ],
  conflict: ['programme_id', 'key'],
  label: 't.programme_id',
};

const INDICATOR_VALUES: TableSpec = {
  table: 'indicator_values',
  columns: [
    ['indicator_id', 'uuid'],
    ['year', 'integer'],
    ['kind', 'indicator_value_kind'],
    ['value', 'numeric'],
  ],
  conflict: ['indicator_id', 'year', 'kind'],
  label: 't.indicator_id',
};

const SCREENING: TableSpec = {
  table: 'screening_decisions',
  columns: [
    ['application_id', 'uuid'],
    ['outcome', 'screening_outcome'],
    ['decided_on', 'date'],
  ],
  // Decisions are updated by id (updateRowsById); these columns are kept, the others compared.
  conflict: ['application_id'],
  label: 't.application_id',
};

const COUNCIL: TableSpec = {
  table: 'council_decisions',
  columns: [
    ['park_id', 'uuid'],
    ['application_id', 'uuid'],
    ['meeting_number', 'integer'],
    ['decision', 'council_decision_kind'],
    ['decided_on', 'date'],
    ['votes_for', 'integer'],
    ['votes_against', 'integer'],
    ['votes_abstain', 'integer'],
  ],
  // Updated by id, like SCREENING.
  conflict: ['park_id', 'application_id'],
  label: 't.application_id',
};

/** Which field of the record a database refusal is about, by constraint. */
const CONSTRAINT_FIELDS: Record<string, string> = {
  leases_no_overlap: 'premises',
  leases_within_availability: 'premises',
  leases_within_residency: 'endOn',
  leases_on_site_only: 'company',
  leases_residency_match: 'company',
  leases_premises_park: 'premises',
  leases_period_order: 'endOn',
  residencies_no_overlap: 'startOn',
  residencies_period_order: 'endOn',
  kpi_reports_company_period: 'year',
  kpi_capex_le_investment: 'capitalInvestmentRub',
  premises_availability_order: 'availableTo',
  premises_area_positive: 'areaM2',
  tax_incentives_validity_order: 'validTo',
  applications_submitted_unless_draft: 'submittedOn',
  budget_funding_nonneg: 'amountRub',
};

// ---------------------------------------------------------------- the import

type Changed = Map<string, 'created' | 'updated'>;

type ListResult = {
  /** Every record's row id, by key. */
  ids: Map<string, string>;
  /** The records created or changed, by key. */
  changed: Changed;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function writeDataset(tx: Tx, actor: Actor, data: Dataset, dryRun: boolean): Promise<ImportResult> {
  const park = await upsertPark(tx, data.park);
  const parkId = park.id;
  const counts = {} as Record<DatasetList, ImportCounts>;
  const tally = (list: DatasetList, total: number, changed: Changed) => {
    let created = 0;
    for (const state of changed.values()) if (state === 'created') created++;
    counts[list] = { created, updated: changed.size - created, unchanged: total - changed.size };
  };

  const buildings = await syncList(tx, parkId, 'buildings', BUILDINGS, data.buildings, (b) => ({ park_id: parkId, key: b.key, name: b.name }));
  tally('buildings', data.buildings.length, buildings.changed);

  const premises = await syncList(tx, parkId, 'premises', PREMISES, data.premises, (p) => ({
    park_id: parkId,
    key: p.key,
    building_id: buildings.ids.get(p.building),
    name: p.name,
    kind: p.kind,
    area_m2: p.areaM2,
    available_from: p.availableFrom,
    available_to: p.availableTo,
  }));
  tally('premises', data.premises.length, premises.changed);

  const companies = await syncList(tx, parkId, 'companies', COMPANIES, data.companies, (c) => ({
    park_id: parkId,
    key: c.key,
    name: c.name,
    inn: c.inn,
    sme_category: c.smeCategory,
    industry: c.industry,
    manufacturing: c.manufacturing,
  }));
  tally('companies', data.companies.length, companies.changed);
  const companyId = (key: string) => companies.ids.get(key)!;

  const applications = await syncList(tx, parkId, 'applications', APPLICATIONS, data.applications, (a) => ({
    park_id: parkId,
    key: a.key,
    company_id: companyId(a.company),
    title: a.title,
    submitted_on: a.submittedOn,
    status: applicationStatus(a),
  }));
  await syncDecisions(tx, parkId, data.applications, applications);
  tally('applications', data.applications.length, applications.changed);

  const residencies = await syncList(tx, parkId, 'residencies', RESIDENCIES, data.residencies, (r) => ({
    park_id: parkId,
    key: r.key,
    company_id: companyId(r.company),
    application_id: r.application === null ? null : applications.ids.get(r.application),
    agreement_number: r.agreementNumber,
    start_on: r.startOn,
    end_on: r.endOn,
    placement: r.placement,
  }));
  tally('residencies', data.residencies.length, residencies.changed);

  // After the residencies are written: a lease belongs to the company's on-site residency in force
  // on its first day (residencies of a company never overlap, so there is at most one).
  const stays = await residenciesByCompany(tx, parkId);
  const premisesByKey = new Map(data.premises.map((p) => [p.key, p]));
  const leaseResidency = data.leases.map((lease, index) => {
    checkAvailability(premisesByKey.get(lease.premises)!, lease, index);
    return residencyFor(stays, companyId(lease.company), lease, index);
  });
  const leases = await syncList(tx, parkId, 'leases', LEASES, data.leases, (l, index) => ({
    park_id: parkId,
    key: l.key,
    residency_id: leaseResidency[index],
    company_id: companyId(l.company),
    premises_id: premises.ids.get(l.premises),
    start_on: l.startOn,
    end_on: l.endOn,
  }));
  tally('leases', data.leases.length, leases.changed);

  const incentives = await syncList(tx, parkId, 'taxIncentives', TAX_INCENTIVES, data.taxIncentives, (t) => ({
    park_id: parkId,
    key: t.key,
    company_id: companyId(t.company),
    residency_id: stays.get(companyId(t.company))?.find((s) => covers(s.startOn, s.endOn, t.grantedOn))?.id ?? null,
    kind: t.kind,
    legal_basis: t.legalBasis,
    granted_on: t.grantedOn,
    valid_from: t.validFrom,
    valid_to: t.validTo,
  }));
  tally('taxIncentives', data.taxIncentives.length, incentives.changed);

  const reports = await syncList(
    tx,
    parkId,
    'kpiReports',
    KPI_REPORTS,
    data.kpiReports,
    (k) => ({
      park_id: parkId,
      key: k.key,
      company_id: companyId(k.company),
      year: k.year,
      quarter: k.quarter,
      status: k.status,
      jobs_created: k.jobsCreated,
      headcount: k.headcount,
      investment_rub: k.investmentRub,
      capital_investment_rub: k.capitalInvestmentRub,
      income_rub: k.incomeRub,
      taxes_paid_rub: k.taxesPaidRub,
      rnd_spend_rub: k.rndSpendRub,
    }),
    { needIds: false },
  );
  tally('kpiReports', data.kpiReports.length, reports.changed);

  const funding = await syncList(
    tx,
    parkId,
    'budgetFunding',
    BUDGET_FUNDING,
    data.budgetFunding,
    (f) => ({ park_id: parkId, key: f.key, year: f.year, source: f.source, amount_rub: f.amountRub }),
    { needIds: false },
  );
  tally('budgetFunding', data.budgetFunding.length, funding.changed);

  const programmes = await syncProgrammes(tx, parkId, data);
  tally('programmes', data.programmes.length, programmes);

  await assertLeasesContained(tx, parkId, data);

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

/** Matched by slug: created if new, updated in place if a field differs. The row is locked for the import. */
async function upsertPark(tx: Tx, park: Dataset['park']): Promise<{ id: string; created: boolean; updated: boolean }> {
  const values = {
    name: park.name,
    region: park.region,
    type: park.type,
    landAreaHa: park.landAreaHa,
    foundedOn: park.foundedOn,
  };
  const [inserted] = await tx
    .insert(parks)
    .values({ slug: park.slug, ...values })
    .onConflictDoNothing({ target: parks.slug })
    .returning({ id: parks.id });
  if (inserted) return { id: inserted.id, created: true, updated: false };
  const [existing] = await tx
    .select({ id: parks.id, name: parks.name, region: parks.region, type: parks.type, landAreaHa: parks.landAreaHa, foundedOn: parks.foundedOn })
    .from(parks)
    .where(eq(parks.slug, park.slug))
    .for('update');
  const same =
    existing.name === values.name &&
    existing.region === values.region &&
    existing.type === values.type &&
    existing.landAreaHa === values.landAreaHa &&
    existing.foundedOn === values.foundedOn;
  if (!same) await tx.update(parks).set(values).where(eq(parks.id, existing.id));
  return { id: existing.id, created: false, updated: !same };
}

/**
 * Writes one list: records matched by (park, key) are upserted in batches; records whose key is the
 * id of a keyless row of the park (a company also: of a company the park's records refer to) update
 * that row by id. A refusal of the database names the record.
 */
async function syncList<R extends { key: string }>(
  tx: Tx,
  parkId: string,
  list: DatasetList,
  spec: TableSpec,
  records: readonly R[],
  values: (record: R, index: number) => Record<string, unknown>,
  { needIds = true }: { needIds?: boolean } = {},
): Promise<ListResult> {
  const byId = await idMatches(tx, parkId, spec.table, records);
  const keyed: Item[] = [];
  const matched: Item[] = [];
  records.forEach((record, index) => {
    const row = values(record, index);
    if (byId.has(record.key)) {
      const { park_id: _park, key: _key, ...rest } = row;
      matched.push({ index, values: { ...rest, id: record.key } });
    } else keyed.push({ index, values: row });
  });

  let outcomes: Outcome[];
  try {
    outcomes = [...(await upsertRows(tx, spec, keyed)), ...(await updateRowsById(tx, spec, matched))];
  } catch (error) {
    throw refusalError(error, list);
  }

  const changed: Changed = new Map();
  for (const o of outcomes) changed.set(o.label, o.inserted ? 'created' : 'updated');

  const ids = new Map<string, string>();
  if (needIds) {
    const rows = await queryRows<{ key: string; id: string }>(
      tx,
      sql`SELECT key, id::text AS id FROM ${sql.raw(`"${spec.table}"`)} WHERE park_id = ${parkId} AND key IS NOT NULL`,
    );
    for (const row of rows) ids.set(row.key, row.id);
    for (const key of byId) ids.set(key, key);
  }
  return { ids, changed };
}

/**
 * The records (by key) to match by id: keys that are the id of a keyless row of the park and not
 * also a key of the park. For companies: the id of a company the park's records refer to that the
 * park's key space does not hold (an applicant's own company, or one of another park's data set).
 */
async function idMatches(tx: Tx, parkId: string, table: string, records: readonly { key: string }[]): Promise<Set<string>> {
  const candidates = records.map((r) => r.key).filter((key) => UUID.test(key));
  if (candidates.length === 0) return new Set();
  const name = sql.raw(`"${table}"`);
  const owned =
    table === 'companies'
      ? sql`(t.park_id IS DISTINCT FROM ${parkId}::uuid OR t.key IS NULL) AND t.id IN (${companyIdsOfPark(parkId)})`
      : sql`t.park_id = ${parkId} AND t.key IS NULL`;
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`SELECT t.id::text AS id FROM ${name} t
        WHERE t.id IN (${uuidList(candidates)}) AND ${owned}
          AND NOT EXISTS (SELECT 1 FROM ${name} k WHERE k.park_id = ${parkId} AND k.key = t.id::text)`,
  );
  return new Set(rows.map((r) => r.id));
}

/** A database refusal of one row as `list[i].field: reason`. */
function refusalError(error: unknown, list: string, suffix = ''): unknown {
  if (!(error instanceof RowRefusal)) return error;
  const constraint = constraintOf(error.error);
  const field = constraint ? CONSTRAINT_FIELDS[constraint] : undefined;
  const path = `${list}[${error.index}]${suffix}${field ? `.${field}` : ''}`;
  return datasetError(`${path}: ${error.error.message}`, error.error.code, error.error);
}

export function applicationStatus(application: DatasetApplication): string {
  const { submittedOn, screening, council } = application;
  if (submittedOn === null) return 'draft';
  if (council && (!screening || council.decidedOn >= screening.decidedOn)) {
    return council.decision === 'approved' ? 'approved' : council.decision === 'rejected' ? 'rejected' : 'returned';
  }
  if (screening) return screening.outcome === 'accepted' ? 'in_review' : screening.outcome === 'returned' ? 'returned' : 'rejected';
  return 'submitted';
}

/**
 * An application's `screening` and `council` are its latest screening decision and latest council
 * decision: the latest is updated in place when it differs, one is added when there is none, and
 * all are removed when the file says null.
 */
async function syncDecisions(tx: Tx, parkId: string, records: readonly DatasetApplication[], applications: ListResult) {
  const latestScreening = new Map(
    (
      await queryRows<{ applicationId: string; id: string; outcome: string; decidedOn: string }>(
        tx,
        sql`SELECT DISTINCT ON (s.application_id) s.application_id::text AS "applicationId", s.id::text AS id,
              s.outcome::text AS outcome, s.decided_on::text AS "decidedOn"
            FROM screening_decisions s JOIN applications a ON a.id = s.application_id
            WHERE a.park_id = ${parkId}
            ORDER BY s.application_id, s.decided_on DESC, s.created_at DESC, s.id DESC`,
      )
    ).map((row) => [row.applicationId, row]),
  );
  const latestCouncil = new Map(
    (
      await queryRows<{
        applicationId: string;
        id: string;
        decision: string;
        decidedOn: string;
        meetingNumber: number | null;
        votesFor: number | null;
        votesAgainst: number | null;
        votesAbstain: number | null;
      }>(
        tx,
        sql`SELECT DISTINCT ON (d.application_id) d.application_id::text AS "applicationId", d.id::text AS id,
              d.decision::text AS decision, d.decided_on::text AS "decidedOn",
              coalesce(d.meeting_number, m.number) AS "meetingNumber",
              d.votes_for AS "votesFor", d.votes_against AS "votesAgainst", d.votes_abstain AS "votesAbstain"
            FROM council_decisions d LEFT JOIN council_meetings m ON m.id = d.meeting_id
            WHERE d.park_id = ${parkId}
            ORDER BY d.application_id, d.decided_on DESC, d.created_at DESC, d.id DESC`,
      )
    ).map((row) => [row.applicationId, row]),
  );

  const screeningInserts: Item[] = [];
  const screeningUpdates: Item[] = [];
  const screeningDeletes: string[] = [];
  const councilInserts: Item[] = [];
  const councilUpdates: Item[] = [];
  const councilDeletes: string[] = [];
  const touched = new Set<string>();

  records.forEach((record, index) => {
    const applicationId = applications.ids.get(record.key)!;
    const screening = latestScreening.get(applicationId);
    if (record.screening === null) {
      if (screening) screeningDeletes.push(applicationId);
    } else {
      const values = { application_id: applicationId, outcome: record.screening.outcome, decided_on: record.screening.decidedOn };
      if (!screening) screeningInserts.push({ index, values });
      else if (screening.outcome !== record.screening.outcome || screening.decidedOn !== record.screening.decidedOn) {
        screeningUpdates.push({ index, values: { ...values, id: screening.id } });
      }
    }

    const council = latestCouncil.get(applicationId);
    if (record.council === null) {
      if (council) councilDeletes.push(applicationId);
    } else {
      const c = record.council;
      const values = {
        park_id: parkId,
        application_id: applicationId,
        meeting_number: c.meetingNumber,
        decision: c.decision,
        decided_on: c.decidedOn,
        votes_for: c.votesFor,
        votes_against: c.votesAgainst,
        votes_abstain: c.votesAbstain,
      };
      if (!council) councilInserts.push({ index, values });
      else if (
        council.decision !== c.decision ||
        council.decidedOn !== c.decidedOn ||
        council.meetingNumber !== c.meetingNumber ||
        council.votesFor !== c.votesFor ||
        council.votesAgainst !== c.votesAgainst ||
        council.votesAbstain !== c.votesAbstain
      ) {
        councilUpdates.push({ index, values: { ...values, id: council.id } });
      }
    }
  });

  const keyOf = new Map([...applications.ids].map(([key, id]) => [id, key]));
  const mark = (applicationIds: Iterable<string>) => {
    for (const id of applicationIds) touched.add(id);
  };
  try {
    await insertRows(tx, SCREENING.table, SCREENING.columns, screeningInserts);
    mark((await updateRowsById(tx, SCREENING, screeningUpdates)).map((o) => o.label));
  } catch (error) {
    throw refusalError(error, 'applications', '.screening');
  }
  try {
    await insertRows(tx, COUNCIL.table, COUNCIL.columns, councilInserts);
    mark((await updateRowsById(tx, COUNCIL, councilUpdates)).map((o) => o.label));
  } catch (error) {
    throw refusalError(error, 'applications', '.council');
  }
  if (screeningDeletes.length) {
    await tx.execute(sql`DELETE FROM screening_decisions WHERE application_id IN (${uuidList(screeningDeletes)})`);
  }
  if (councilDeletes.length) {
    await tx.execute(sql`DELETE FROM council_decisions WHERE application_id IN (${uuidList(councilDeletes)})`);
  }
  mark([...screeningInserts, ...councilInserts].map((item) => item.values.application_id as string));
  mark(screeningDeletes);
  mark(councilDeletes);
  for (const id of touched) {
    const key = keyOf.get(id);
    if (key !== undefined && !applications.changed.has(key)) applications.changed.set(key, 'updated');
  }
}

type Stay = { id: string; key: string | null; placement: string; startOn: string; endOn: string | null };

async function residenciesByCompany(tx: Tx, parkId: string): Promise<Map<string, Stay[]>> {
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

/** The on-site residency in force on the lease's first day; the lease must also end within it. */
function residencyFor(stays: Map<string, Stay[]>, companyId: string, lease: DatasetLease, index: number): string {
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
 * Programmes with their indicators (matched by key within the programme) and values (by year and
 * kind); indicators and values the file no longer lists for a programme it lists are removed.
 */
async function syncProgrammes(tx: Tx, parkId: string, data: Dataset): Promise<Changed> {
  const programmes = await syncList(tx, parkId, 'programmes', PROGRAMMES, data.programmes, (p) => ({ park_id: parkId, key: p.key, name: p.name }));
  const changed = programmes.changed;
  if (data.programmes.length === 0) return changed;
  const programmeIds = data.programmes.map((p) => programmes.ids.get(p.key)!);
  const keyOfProgramme = new Map(data.programmes.map((p) => [programmes.ids.get(p.key)!, p.key]));
  const touch = (programmeId: string) => {
    const key = keyOfProgramme.get(programmeId);
    if (key !== undefined && !changed.has(key)) changed.set(key, 'updated');
  };

  const indicatorItems: Item[] = [];
  data.programmes.forEach((p, index) =>
    p.indicators.forEach((indicator, position) =>
      indicatorItems.push({
        index,
        values: {
          programme_id: programmes.ids.get(p.key),
          key: indicator.key,
          name: indicator.name,
          unit: indicator.unit,
          direction: indicator.direction,
          position,
        },
      }),
    ),
  );
  const indicatorPairs = indicatorItems.map((item) => ({ programme_id: item.values.programme_id, key: item.values.key }));
  const removedIndicators = await queryRows<{ programmeId: string }>(
    tx,
    sql`DELETE FROM indicators i WHERE i.programme_id IN (${uuidList(programmeIds)})
          AND NOT EXISTS (SELECT 1 FROM json_to_recordset(${jsonParam(indicatorPairs)}) AS x(programme_id uuid, key text)
                          WHERE x.programme_id = i.programme_id AND x.key = i.key)
        RETURNING i.programme_id::text AS "programmeId"`,
  );
  removedIndicators.forEach((row) => touch(row.programmeId));
  try {
    (await upsertRows(tx, INDICATORS, indicatorItems)).forEach((o) => touch(o.label));
  } catch (error) {
    throw refusalError(error, 'programmes', '.indicators');
  }

  const indicatorRows = await queryRows<{ id: string; programmeId: string; key: string }>(
    tx,
    sql`SELECT id::text AS id, programme_id::text AS "programmeId", key FROM indicators WHERE programme_id IN (${uuidList(programmeIds)})`,
  );
  const indicatorId = new Map(indicatorRows.map((row) => [`${row.programmeId}\u0000${row.key}`, row.id]));
  const programmeOfIndicator = new Map(indicatorRows.map((row) => [row.id, row.programmeId]));
  const valueItems: Item[] = [];
  data.programmes.forEach((p, index) =>
    p.indicators.forEach((indicator) => {
      const id = indicatorId.get(`${programmes.ids.get(p.key)}\u0000${indicator.key}`);
      for (const value of indicator.values) {
        valueItems.push({ index, values: { indicator_id: id, year: value.year, kind: value.kind, value: value.value } });
      }
    }),
  );
  const removedValues = await queryRows<{ indicatorId: string }>(
    tx,
    sql`DELETE FROM indicator_values v WHERE v.indicator_id IN (${uuidList(indicatorRows.map((row) => row.id))})
          AND NOT EXISTS (SELECT 1 FROM json_to_recordset(${jsonParam(valueItems.map((item) => item.values))})
                            AS x(indicator_id uuid, year integer, kind indicator_value_kind)
                          WHERE x.indicator_id = v.indicator_id AND x.year = v.year AND x.kind = v.kind)
        RETURNING v.indicator_id::text AS "indicatorId"`,
  );
  removedValues.forEach((row) => touch(programmeOfIndicator.get(row.indicatorId)!));
  try {
    (await upsertRows(tx, INDICATOR_VALUES, valueItems)).forEach((o) => touch(programmeOfIndicator.get(o.label)!));
  } catch (error) {
    throw refusalError(error, 'programmes', '.indicators');
  }
  return changed;
}

/**
 * Changing a residency or a unit may leave one of the park's leases outside it; the database
 * refuses that at commit. Checked here first, so the message names the record.
 */
async function assertLeasesContained(tx: Tx, parkId: string, data: Dataset) {
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
