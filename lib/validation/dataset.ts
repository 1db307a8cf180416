import { z } from 'zod';

import {
  COUNCIL_DECISIONS,
  FUNDING_SOURCES,
  INCENTIVE_KINDS,
  INDICATOR_DIRECTIONS,
  INDICATOR_VALUE_KINDS,
  KPI_STATUSES,
  PARK_TYPES,
  PLACEMENTS,
  PREMISES_KINDS,
  SCREENING_OUTCOMES,
  SERVICE_KINDS,
  SERVICE_REQUEST_STATUSES,
  SERVICE_UNITS,
  SME_CATEGORIES,
} from '@/db/schema/values';
import { isRealDate } from '@/lib/dates';
import { AREA_INTEGER_DIGITS, MONEY_INTEGER_DIGITS, readDecimal, type DecimalRefusal } from '@/lib/validation/amounts';
import { innSchema } from '@/lib/validation/inn';

/**
 * The park data set `technopark-dataset/1` (docs/data-set.md), shared by
 * the CLI import, the export round trip and the demo seed.
 *
 * Input is lenient where the format allows it (numbers for amounts, omitted
 * lists and nullable fields); output is canonical: amounts as strings with
 * exactly two decimals, every list and every nullable field present.
 */

export const DATASET_FORMAT = 'technopark-dataset/1';

/** The import form: check the uploaded file (a dry run) or import it; the file itself travels beside it in the form data. */
export const datasetImportSchema = z.strictObject({ dryRun: z.enum(['true', 'false']) });

type AmountResult = { ok: true; value: string } | { ok: false; message: string };

/** Why an amount is refused, in the English of the CLI's one-line errors. */
const amountMessages: Record<Exclude<DecimalRefusal, 'tooLarge'>, string> = {
  required: 'expected a decimal number like "5610.50"',
  notADecimal: 'expected a decimal number like "5610.50"',
  negative: 'must not be negative',
  tooManyDecimals: 'at most two decimals',
  notFinite: 'must be a finite number',
  unsafeNumber: 'too large for a JSON number; write it as a decimal string',
  notText: 'expected a decimal string or a number',
};

/**
 * A money or area amount in the data set's notation (a canonical decimal string or a JSON number),
 * read by the one amount reader (lib/validation/amounts.ts): a non-negative string with two decimals.
 */
export function normalizeAmount(input: unknown, integerDigits = MONEY_INTEGER_DIGITS): AmountResult {
  const read = readDecimal(input, { integerDigits, notation: 'contract' });
  if (read.ok) return read;
  return { ok: false, message: read.refusal === 'tooLarge' ? `at most ${integerDigits} digits before the point` : amountMessages[read.refusal] };
}

function amount(integerDigits: number) {
  return z.unknown().transform((input, ctx): string => {
    const result = normalizeAmount(input, integerDigits);
    if (result.ok) return result.value;
    ctx.issues.push({ code: 'custom', message: result.message, input });
    return z.NEVER;
  });
}

/** A money amount (`…Rub`): decimal string or number in, `"5610.50"` out. */
export const moneySchema = amount(MONEY_INTEGER_DIGITS);
/** An area (`…M2`, `…Ha`): decimal string or number in, `"5610.50"` out. */
export const areaSchema = amount(AREA_INTEGER_DIGITS);
/** A service request's quantity (numeric(12, 2)): above zero, at most two decimals. */
export const quantitySchema = amount(AREA_INTEGER_DIGITS).refine((quantity) => quantity !== '0.00', 'must be greater than zero');

export const dateSchema = z.string().check((ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ctx.value)) {
    ctx.issues.push({ code: 'custom', message: 'expected a date YYYY-MM-DD', input: ctx.value });
  } else if (!isRealDate(ctx.value)) {
    ctx.issues.push({ code: 'custom', message: `${ctx.value} is not a date that exists`, input: ctx.value });
  }
});

const keySchema = z.string().min(1).max(100);
const textSchema = z.string().trim().min(1).max(500);
const longTextSchema = z.string().trim().min(1).max(2000);
const yearSchema = z.int().min(1900).max(2200);
const countSchema = z.int().min(0);

/** A nullable field that may also be left out of the input (read as null). */
function optionalNull<T extends z.ZodType>(schema: T) {
  return schema.nullable().default(null);
}

function list<T extends z.ZodType>(schema: T) {
  return z.array(schema).default([]);
}

export const datasetParkSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'expected 2 to 63 lower-case letters, digits or hyphens'),
  name: z.string().trim().min(1).max(200),
  region: z.string().trim().min(1).max(200),
  type: z.enum(PARK_TYPES),
  landAreaHa: optionalNull(areaSchema),
  foundedOn: optionalNull(dateSchema),
});

export const datasetBuildingSchema = z.strictObject({
  key: keySchema,
  name: textSchema,
});

export const datasetPremisesSchema = z.strictObject({
  key: keySchema,
  building: keySchema,
  name: textSchema,
  kind: z.enum(PREMISES_KINDS),
  areaM2: areaSchema.refine((area) => area !== '0.00', 'must be greater than zero'),
  availableFrom: optionalNull(dateSchema),
  availableTo: optionalNull(dateSchema),
});

export const datasetCompanySchema = z.strictObject({
  key: keySchema,
  name: textSchema,
  inn: optionalNull(innSchema),
  smeCategory: z.enum(SME_CATEGORIES),
  industry: optionalNull(textSchema),
  manufacturing: z.boolean().default(false),
});

export const datasetScreeningSchema = z.strictObject({
  decidedOn: dateSchema,
  outcome: z.enum(SCREENING_OUTCOMES),
});

export const datasetCouncilSchema = z.strictObject({
  decidedOn: dateSchema,
  decision: z.enum(COUNCIL_DECISIONS),
  meetingNumber: optionalNull(z.int().min(1)),
  votesFor: optionalNull(countSchema),
  votesAgainst: optionalNull(countSchema),
  votesAbstain: optionalNull(countSchema),
});

export const datasetApplicationSchema = z.strictObject({
  key: keySchema,
  company: keySchema,
  title: longTextSchema,
  submittedOn: optionalNull(dateSchema),
  screening: optionalNull(datasetScreeningSchema),
  council: optionalNull(datasetCouncilSchema),
});

export const datasetResidencySchema = z.strictObject({
  key: keySchema,
  company: keySchema,
  application: optionalNull(keySchema),
  agreementNumber: optionalNull(z.string().trim().min(1).max(100)),
  startOn: dateSchema,
  endOn: optionalNull(dateSchema),
  placement: z.enum(PLACEMENTS),
});

export const datasetLeaseSchema = z.strictObject({
  key: keySchema,
  company: keySchema,
  premises: keySchema,
  startOn: dateSchema,
  endOn: optionalNull(dateSchema),
  // Monthly rent per m² at signing, the resident's and the market's: both or neither (checkDataset).
  rateRubPerM2Month: optionalNull(moneySchema),
  marketRateRubPerM2Month: optionalNull(moneySchema),
});

export const datasetTaxIncentiveSchema = z.strictObject({
  key: keySchema,
  company: keySchema,
  kind: z.enum(INCENTIVE_KINDS),
  legalBasis: optionalNull(longTextSchema),
  grantedOn: dateSchema,
  validFrom: dateSchema,
  validTo: optionalNull(dateSchema),
});

export const datasetKpiReportSchema = z.strictObject({
  key: keySchema,
  company: keySchema,
  year: yearSchema,
  quarter: optionalNull(z.literal([1, 2, 3, 4])),
  // A data set's reports are filed ones: a draft is not part of the park's record.
  status: z.enum(KPI_STATUSES).exclude(['draft']),
  jobsCreated: countSchema,
  headcount: optionalNull(countSchema),
  investmentRub: moneySchema,
  capitalInvestmentRub: moneySchema,
  incomeRub: moneySchema,
  taxesPaidRub: moneySchema,
  rndSpendRub: optionalNull(moneySchema),
});

export const datasetBudgetFundingSchema = z.strictObject({
  key: keySchema,
  year: yearSchema,
  source: z.enum(FUNDING_SOURCES),
  amountRub: moneySchema,
});

/** A catalogue service with today's prices per unit; the resident's is not above the market's (checkDataset). */
export const datasetServiceSchema = z.strictObject({
  key: keySchema,
  name: textSchema,
  kind: z.enum(SERVICE_KINDS),
  unit: z.enum(SERVICE_UNITS),
  marketPriceRub: moneySchema,
  residentPriceRub: moneySchema,
});

/** A resident's service request with its prices as delivered; the rules across fields are checkDataset's. */
export const datasetServiceRequestSchema = z.strictObject({
  key: keySchema,
  company: keySchema,
  service: keySchema,
  requestedOn: dateSchema,
  status: z.enum(SERVICE_REQUEST_STATUSES),
  doneOn: optionalNull(dateSchema),
  quantity: quantitySchema,
  unitPriceRub: optionalNull(moneySchema),
  unitMarketPriceRub: optionalNull(moneySchema),
});

export const datasetIndicatorValueSchema = z.strictObject({
  year: yearSchema,
  kind: z.enum(INDICATOR_VALUE_KINDS),
  // Indicators are statistics (an index, a share, a count), not money: any finite number
  // that fits numeric(20,6).
  value: z.number().gt(-1e14).lt(1e14),
});

export const datasetIndicatorSchema = z.strictObject({
  key: keySchema,
  name: longTextSchema,
  unit: z.string().trim().min(1).max(100),
  direction: z.enum(INDICATOR_DIRECTIONS),
  values: list(datasetIndicatorValueSchema),
});

export const datasetProgrammeSchema = z.strictObject({
  key: keySchema,
  name: longTextSchema,
  indicators: list(datasetIndicatorSchema),
});

export const datasetSchema = z.strictObject({
  format: z.literal(DATASET_FORMAT),
  park: datasetParkSchema,
  buildings: list(datasetBuildingSchema),
  premises: list(datasetPremisesSchema),
  companies: list(datasetCompanySchema),
  applications: list(datasetApplicationSchema),
  residencies: list(datasetResidencySchema),
  leases: list(datasetLeaseSchema),
  taxIncentives: list(datasetTaxIncentiveSchema),
  kpiReports: list(datasetKpiReportSchema),
  budgetFunding: list(datasetBudgetFundingSchema),
  programmes: list(datasetProgrammeSchema),
  services: list(datasetServiceSchema),
  serviceRequests: list(datasetServiceRequestSchema),
});

export type Dataset = z.output<typeof datasetSchema>;
/** What an import file may contain: numbers for amounts, omitted lists and nullable fields. */
export type DatasetInput = z.input<typeof datasetSchema>;
export type DatasetPark = Dataset['park'];
export type DatasetBuilding = z.output<typeof datasetBuildingSchema>;
export type DatasetPremises = z.output<typeof datasetPremisesSchema>;
export type DatasetCompany = z.output<typeof datasetCompanySchema>;
export type DatasetScreening = z.output<typeof datasetScreeningSchema>;
export type DatasetCouncil = z.output<typeof datasetCouncilSchema>;
export type DatasetApplication = z.output<typeof datasetApplicationSchema>;
export type DatasetResidency = z.output<typeof datasetResidencySchema>;
export type DatasetLease = z.output<typeof datasetLeaseSchema>;
export type DatasetTaxIncentive = z.output<typeof datasetTaxIncentiveSchema>;
export type DatasetKpiReport = z.output<typeof datasetKpiReportSchema>;
export type DatasetBudgetFunding = z.output<typeof datasetBudgetFundingSchema>;
export type DatasetProgramme = z.output<typeof datasetProgrammeSchema>;
export type DatasetService = z.output<typeof datasetServiceSchema>;
export type DatasetServiceRequest = z.output<typeof datasetServiceRequestSchema>;
export type DatasetIndicator = z.output<typeof datasetIndicatorSchema>;
export type DatasetIndicatorValue = z.output<typeof datasetIndicatorValueSchema>;
