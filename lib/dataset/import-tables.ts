import 'server-only';
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import * as schema from '@/db/schema';
import type { Column, TableSpec } from './batch';

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
  'services',
  'serviceRequests',
] as const;
export type DatasetList = (typeof DATASET_LISTS)[number];

type ColumnKey<T extends Table> = keyof T['_']['columns'] & string;

/**
 * A value for every column the spec writes, under its drizzle name. Most data-set fields already
 * carry that name, so a record can be spread in; other keys (`company`, `values`, …) are ignored.
 */
export type RowValues<K extends string> = Record<K, unknown>;

/**
 * A TableSpec for the set-based writes of lib/dataset/batch.ts, with its SQL names and types read
 * from the drizzle schema, and `row()` picking the spec's columns into the row those writes take.
 */
export type ImportTable<K extends string> = TableSpec & {
  row(values: RowValues<K>): Record<string, unknown>;
};

/**
 * Only the columns the data set writes are listed, never "all but …": a column added to the
 * schema later must not be overwritten with NULL by every import.
 */
function importTable<T extends Table, K extends ColumnKey<T>>(
  table: T,
  spec: { columns: readonly K[]; conflict: readonly K[]; insertOnly?: readonly K[]; touch?: ColumnKey<T>; label: string },
): ImportTable<K> {
  const all = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const nameOf = (key: string) => all[key].name;
  // json_to_recordset reads the plain type: numeric(12, 2) as numeric, so the table's own cast applies.
  const columns: Column[] = spec.columns.map((key) => [nameOf(key), all[key].getSQLType().replace(/\(.*\)$/, '')]);
  const names = spec.columns.map((key) => [key, nameOf(key)] as const);
  return {
    table: getTableName(table),
    columns,
    conflict: spec.conflict.map(nameOf),
    insertOnly: spec.insertOnly?.map(nameOf),
    touch: spec.touch && nameOf(spec.touch),
    label: spec.label,
    row: (values) => Object.fromEntries(names.map(([key, name]) => [name, values[key]])),
  };
}

/** A list of the park whose records all have a key. */
const KEYED = { conflict: ['parkId', 'key'], label: 't.key' } as const;
/** A list of the park with rows created in the UI (no key): their id is their key in the data set. */
const KEYED_OR_ID = { conflict: ['parkId', 'key'], label: 'coalesce(t.key, t.id::text)' } as const;

export const BUILDINGS = importTable(schema.buildings, { ...KEYED, columns: ['parkId', 'key', 'name'] });

export const PREMISES = importTable(schema.premises, {
  ...KEYED,
  columns: ['parkId', 'key', 'buildingId', 'name', 'kind', 'areaM2', 'availableFrom', 'availableTo'],
});

export const COMPANIES = importTable(schema.companies, {
  ...KEYED_OR_ID,
  columns: ['parkId', 'key', 'name', 'inn', 'smeCategory', 'industry', 'manufacturing'],
});

export const APPLICATIONS = importTable(schema.applications, {
  ...KEYED_OR_ID,
  columns: ['parkId', 'key', 'companyId', 'title', 'submittedOn', 'status'],
  touch: 'updatedAt',
});

export const RESIDENCIES = importTable(schema.residencies, {
  ...KEYED_OR_ID,
  columns: ['parkId', 'key', 'companyId', 'applicationId', 'agreementNumber', 'startOn', 'endOn', 'placement'],
});

export const LEASES = importTable(schema.leases, {
  ...KEYED_OR_ID,
  columns: ['parkId', 'key', 'residencyId', 'companyId', 'premisesId', 'startOn', 'endOn', 'rateRubPerM2Month', 'marketRateRubPerM2Month'],
});

export const TAX_INCENTIVES = importTable(schema.taxIncentives, {
  ...KEYED_OR_ID,
  columns: ['parkId', 'key', 'companyId', 'residencyId', 'kind', 'legalBasis', 'grantedOn', 'validFrom', 'validTo'],
  // The residency in force on the grant day is recorded when the grant is created; the data set does not carry it.
  insertOnly: ['residencyId'],
});

export const KPI_REPORTS = importTable(schema.kpiReports, {
  ...KEYED_OR_ID,
  columns: [
    'parkId',
    'key',
    'companyId',
    'year',
    'quarter',
    'status',
    'jobsCreated',
    'headcount',
    'investmentRub',
    'capitalInvestmentRub',
    'incomeRub',
    'taxesPaidRub',
    'rndSpendRub',
  ],
  touch: 'updatedAt',
});

export const BUDGET_FUNDING = importTable(schema.budgetFunding, { ...KEYED_OR_ID, columns: ['parkId', 'key', 'year', 'source', 'amountRub'] });

export const SERVICES = importTable(schema.services, {
  ...KEYED_OR_ID,
  columns: ['parkId', 'key', 'name', 'kind', 'unit', 'marketPriceRub', 'residentPriceRub'],
  touch: 'updatedAt',
});

export const SERVICE_REQUESTS = importTable(schema.serviceRequests, {
  ...KEYED_OR_ID,
  columns: ['parkId', 'key', 'companyId', 'serviceId', 'requestedOn', 'status', 'doneOn', 'quantity', 'unitPriceRub', 'unitMarketPriceRub'],
  touch: 'updatedAt',
});

export const PROGRAMMES = importTable(schema.programmes, { ...KEYED, columns: ['parkId', 'key', 'name'] });

export const INDICATORS = importTable(schema.indicators, {
  columns: ['programmeId', 'key', 'name', 'unit', 'direction', 'position'],
  conflict: ['programmeId', 'key'],
  label: 't.programme_id',
});

export const INDICATOR_VALUES = importTable(schema.indicatorValues, {
  columns: ['indicatorId', 'year', 'kind', 'value'],
  conflict: ['indicatorId', 'year', 'kind'],
  label: 't.indicator_id',
});

// Decisions are updated by id (updateRowsById): their `conflict` columns are kept, the others compared.
export const SCREENING = importTable(schema.screeningDecisions, {
  columns: ['applicationId', 'outcome', 'decidedOn'],
  conflict: ['applicationId'],
  label: 't.application_id',
});

export const COUNCIL = importTable(schema.councilDecisions, {
  columns: ['parkId', 'applicationId', 'meetingNumber', 'decision', 'decidedOn', 'votesFor', 'votesAgainst', 'votesAbstain'],
  conflict: ['parkId', 'applicationId'],
  label: 't.application_id',
});

/** The tables each list writes: its own, and those of the parts it carries (decisions, indicators). */
export const LIST_TABLES: Record<DatasetList, readonly TableSpec[]> = {
  buildings: [BUILDINGS],
  premises: [PREMISES],
  companies: [COMPANIES],
  applications: [APPLICATIONS, SCREENING, COUNCIL],
  residencies: [RESIDENCIES],
  leases: [LEASES],
  taxIncentives: [TAX_INCENTIVES],
  kpiReports: [KPI_REPORTS],
  budgetFunding: [BUDGET_FUNDING],
  programmes: [PROGRAMMES, INDICATORS, INDICATOR_VALUES],
  services: [SERVICES],
  serviceRequests: [SERVICE_REQUESTS],
};

/** Which field of the record a database refusal is about, by constraint. */
export const CONSTRAINT_FIELDS: Record<string, string> = {
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
  leases_rates_both: 'marketRateRubPerM2Month',
  leases_rates_nonneg: 'rateRubPerM2Month',
  services_resident_le_market: 'residentPriceRub',
  services_prices_nonneg: 'residentPriceRub',
  service_requests_done_on: 'doneOn',
  service_requests_done_order: 'doneOn',
  service_requests_done_prices: 'unitPriceRub',
  service_requests_quantity_positive: 'quantity',
  service_requests_prices_nonneg: 'unitPriceRub',
  service_requests_service_park: 'service',
  service_requests_resident: 'requestedOn',
};
