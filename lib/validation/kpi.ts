import { z } from 'zod';
import { FUNDING_SOURCES, INDICATOR_DIRECTIONS, INDICATOR_VALUE_KINDS } from '@/db/schema/values';
import { capexWithinInvestment, moneyField, readDecimal, type DecimalRefusal } from './amounts';

export { FUNDING_SOURCES };

/*
 * The KPI, budget and programme forms' schemas, shared by the forms (zodResolver), the server
 * actions and the domain functions. Messages are keys under `validation.*`.
 */

/** A required rouble amount typed as text: out comes `"1234.50"`. */
export const moneyInputSchema = moneyField({ empty: 'required' });

/** An optional rouble amount: empty (or null) is null. */
export const optionalMoneyInputSchema = moneyField({ empty: 'null' });

/** A whole count (jobs, people): digits, or a whole number; a message key when refused. */
export function readCount(raw: string | number): number | string {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 && raw <= 10_000_000 ? raw : raw < 0 ? 'negativeAmount' : 'invalidCount';
  const text = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return 'required';
  if (/^[-−]\d/.test(text)) return 'negativeAmount';
  if (!/^\d{1,8}$/.test(text) || Number(text) > 10_000_000) return 'invalidCount';
  return Number(text);
}

export const countInputSchema = z.union([z.string(), z.number()], { error: 'invalidCount' }).transform((raw, ctx) => {
  const read = readCount(raw);
  if (typeof read === 'number') return read;
  ctx.addIssue({ code: 'custom', message: read });
  return z.NEVER;
});

export const optionalCountInputSchema = z
  .union([z.string(), z.number(), z.null()], { error: 'invalidCount' })
  .optional()
  .transform((raw, ctx) => {
    if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return null;
    const read = readCount(raw);
    if (typeof read === 'number') return read;
    ctx.addIssue({ code: 'custom', message: read });
    return z.NEVER;
  });

/** A calendar year the database accepts (1900–2200); a form's string or a number. */
export const yearInputSchema = z.union([z.string(), z.number()], { error: 'yearOutOfRange' }).transform((raw, ctx) => {
  const n = typeof raw === 'number' ? raw : /^\s*\d{4}\s*$/.test(raw) ? Number(raw) : NaN;
  if (Number.isInteger(n) && n >= 1900 && n <= 2200) return n;
  ctx.addIssue({ code: 'custom', message: 'yearOutOfRange' });
  return z.NEVER;
});

/** Quarter 1–4, or null (empty) for the annual report. */
export const quarterInputSchema = z
  .union([z.string(), z.number(), z.null()], { error: 'invalidQuarter' })
  .optional()
  .transform((raw, ctx) => {
    if (raw === null || raw === undefined || raw === '' || raw === 'annual') return null;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 1 && n <= 4) return n;
    ctx.addIssue({ code: 'custom', message: 'invalidQuarter' });
    return z.NEVER;
  });

/** The figures of a KPI report, as the form holds them. */
export const kpiFiguresShape = {
  jobsCreated: countInputSchema,
  headcount: optionalCountInputSchema,
  investmentRub: moneyInputSchema,
  capitalInvestmentRub: moneyInputSchema,
  incomeRub: moneyInputSchema,
  taxesPaidRub: moneyInputSchema,
  rndSpendRub: optionalMoneyInputSchema,
};

export const KPI_FIGURES = ['jobsCreated', 'headcount', 'investmentRub', 'capitalInvestmentRub', 'incomeRub', 'taxesPaidRub', 'rndSpendRub'] as const;
export type KpiFigure = (typeof KPI_FIGURES)[number];

/** A resident's report for one period, saved as a draft or submitted. */
export const kpiReportInputSchema = z
  .strictObject({
    parkId: z.uuid(),
    companyId: z.uuid(),
    year: yearInputSchema,
    quarter: quarterInputSchema,
    ...kpiFiguresShape,
  })
  .superRefine(capexWithinInvestment);

export const kpiFiguresSchema = z.strictObject(kpiFiguresShape).superRefine(capexWithinInvestment);

export const kpiReportIdSchema = z.strictObject({ reportId: z.uuid() });
/** A park's KPI page action that takes nothing but the park (sending the due reminders). */
export const kpiParkSchema = z.strictObject({ parkId: z.uuid() });

export const returnKpiReportSchema = z.strictObject({
  reportId: z.uuid(),
  comment: z.string().trim().min(1, 'returnCommentRequired').max(2000, 'tooLong'),
});

export const kpiSettingsSchema = z.strictObject({
  parkId: z.uuid(),
  deadlineMonth: z.coerce.number({ error: 'invalidMonth' }).int('invalidMonth').min(1, 'invalidMonth').max(12, 'invalidMonth'),
  // Day 1–28 exists in every month, so the deadline is a real date every year.
  deadlineDay: z.coerce.number({ error: 'invalidDay' }).int('invalidDay').min(1, 'invalidDay').max(28, 'invalidDay'),
  quarterlyReports: z.boolean(),
});

export const kpiTemplateSchema = z.strictObject({ parkId: z.uuid(), year: yearInputSchema });

/** The upload limits of the bulk KPI upload. */
export const KPI_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
export const KPI_UPLOAD_MAX_ROWS = 5000;

// ---------------------------------------------------------------- budget funding

export const budgetEntrySchema = z.strictObject({
  parkId: z.uuid(),
  year: yearInputSchema,
  source: z.enum(FUNDING_SOURCES, { error: 'required' }),
  amountRub: moneyInputSchema,
  document: z
    .string()
    .trim()
    .max(500, 'tooLong')
    .nullish()
    .transform((v) => (v ? v : null)),
});

export const updateBudgetEntrySchema = z.strictObject({ ...budgetEntrySchema.shape, id: z.uuid() });

export const deleteBudgetEntrySchema = z.strictObject({ parkId: z.uuid(), id: z.uuid() });

// ---------------------------------------------------------------- indicator programmes

export const programmeKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'invalidKey');

export const createProgrammeSchema = z.strictObject({
  parkId: z.uuid(),
  key: programmeKeySchema,
  name: z.string().trim().min(1, 'required').max(300, 'tooLong'),
});

export const addIndicatorSchema = z.strictObject({
  parkId: z.uuid(),
  programmeId: z.uuid(),
  key: programmeKeySchema,
  name: z.string().trim().min(1, 'required').max(300, 'tooLong'),
  unit: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  direction: z.enum(INDICATOR_DIRECTIONS, { error: 'required' }),
});

const indicatorMessages: Partial<Record<DecimalRefusal, string>> = { tooManyDecimals: 'tooManyDecimals', tooLarge: 'amountTooLarge' };

/** numeric(20, 6): an indicator value may be negative (a change) and has up to six decimals; empty is no value. */
export function readIndicatorValue(raw: string): { ok: true; value: string | null } | { ok: false; message: string } {
  const read = readDecimal(raw, { integerDigits: 14, decimals: 6, signed: true, pad: false });
  if (read.ok) return read;
  if (read.refusal === 'required') return { ok: true, value: null };
  return { ok: false, message: indicatorMessages[read.refusal] ?? 'invalidNumber' };
}

const indicatorValueInput = z.union([z.string(), z.null()], { error: 'invalidNumber' }).transform((raw, ctx) => {
  if (raw === null) return null;
  const read = readIndicatorValue(raw);
  if (read.ok) return read.value;
  ctx.addIssue({ code: 'custom', message: read.message });
  return z.NEVER;
});

/** The grid: every cell shown, empty for "no value" (a stored value is then removed). */
export const saveIndicatorValuesSchema = z.strictObject({
  parkId: z.uuid(),
  programmeId: z.uuid(),
  cells: z
    .array(
      z.strictObject({
        indicatorId: z.uuid(),
        year: yearInputSchema,
        kind: z.enum(INDICATOR_VALUE_KINDS),
        value: indicatorValueInput,
      }),
    )
    .max(5000, 'tooMany'),
});

export type KpiReportInput = z.input<typeof kpiReportInputSchema>;
export type KpiFiguresInput = z.input<typeof kpiFiguresSchema>;
export type KpiSettingsInput = z.input<typeof kpiSettingsSchema>;
export type BudgetEntryInput = z.input<typeof budgetEntrySchema>;
export type UpdateBudgetEntryInput = z.input<typeof updateBudgetEntrySchema>;
export type CreateProgrammeInput = z.input<typeof createProgrammeSchema>;
export type AddIndicatorInput = z.input<typeof addIndicatorSchema>;
export type SaveIndicatorValuesInput = z.input<typeof saveIndicatorValuesSchema>;
