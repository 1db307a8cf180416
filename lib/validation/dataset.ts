import { z } from 'zod';

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

export const PARK_TYPES = ['industrial', 'high_tech', 'mixed'] as const;
export const PREMISES_KINDS = ['office', 'laboratory', 'production', 'coworking', 'incubator', 'other'] as const;
export const SME_CATEGORIES = ['micro', 'small', 'medium', 'none'] as const;
export const SCREENING_OUTCOMES = ['accepted', 'returned', 'rejected'] as const;
export const COUNCIL_DECISIONS = ['approved', 'rejected', 'revision'] as const;
export const PLACEMENTS = ['on_site', 'extraterritorial'] as const;
export const TAX_INCENTIVE_KINDS = ['profit_tax', 'property_tax', 'land_tax', 'other'] as const;
export const KPI_REPORT_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export const FUNDING_SOURCES = ['federal', 'regional', 'municipal', 'extrabudgetary'] as const;
export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export const INDICATOR_VALUE_KINDS = ['actual', 'target'] as const;

/** Money goes into numeric(18,2), areas into numeric(12,2): digits allowed before the point. */
const MONEY_INTEGER_DIGITS = 16;
const AREA_INTEGER_DIGITS = 10;
const DECIMAL_STRING = /^(-?)(\d+)(?:\.(\d+))?$/;

type AmountResult = { ok: true; value: string } | { ok: false; message: string };

/** Normalises a money or area amount to a non-negative decimal string with two decimals. */
export function normalizeAmount(input: unknown, integerDigits = MONEY_INTEGER_DIGITS): AmountResult {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: 'must be a finite number' };
    if (input < 0) return { ok: false, message: 'must not be negative' };
    // Beyond this a JSON number cannot hold every kopeck exactly, so the value read
    // may differ from the one written: such amounts must come as strings.
    if (input * 100 > Number.MAX_SAFE_INTEGER) {
      return { ok: false, message: 'too large for a JSON number; write it as a decimal string' };
    }
    text = String(input);
    if (/e/i.test(text)) return { ok: false, message: 'at most two decimals' };
  } else if (typeof input === 'string') {
    text = input;
  } else {
    return { ok: false, message: 'expected a decimal string or a number' };
  }
  const match = DECIMAL_STRING.exec(text);
  if (!match) return { ok: false, message: 'expected a decimal number like "5610.50"' };
  const [, sign, wholeDigits, fraction = ''] = match;
  const integerPart = wholeDigits.replace(/^0+(?=\d)/, '');
  if (sign === '-' && /[1-9]/.test(integerPart + fraction)) return { ok: false, message: 'must not be negative' };
  if (fraction.length > 2) return { ok: false, message: 'at most two decimals' };
  if (integerPart.length > integerDigits) {
    return { ok: false, message: `at most ${integerDigits} digits before the point` };
  }
  return { ok: true, value: `${integerPart}.${fraction.padEnd(2, '0')}` };
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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a `YYYY-MM-DD` string naming a day that exists in the Gregorian calendar. */
export function isExistingDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= daysInMonth;
}

export const dateSchema = z.string().check((ctx) => {
  if (!ISO_DATE.test(ctx.value)) {
    ctx.issues.push({ code: 'custom', message: 'expected a date YYYY-MM-DD', input: ctx.value });
  } else if (!isExistingDate(ctx.value)) {
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
});

export const datasetTaxIncentiveSchema = z.strictObject({
  key: keySchema,
  company: keySchema,
  kind: z.enum(TAX_INCENTIVE_KINDS),
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
  status: z.enum(KPI_REPORT_STATUSES),
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
export type DatasetIndicator = z.output<typeof datasetIndicatorSchema>;
export type DatasetIndicatorValue = z.output<typeof datasetIndicatorValueSchema>;
