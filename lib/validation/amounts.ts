import { z } from 'zod';
import { toKopecks } from '@/lib/reports/money';
import { readArea, readMoney, SPACES, type AreaOptions } from './decimal';

/*
 * The zod fields over the one reader of decimal amounts (./decimal.ts, which client code imports
 * without zod): money and areas in forms, actions, the KPI upload, the CLI and the data set.
 */
export * from './decimal';

/** What an empty field means: required, zero (a plan's row not yet filled in), or no value (null). */
export type EmptyMeans = 'required' | 'zero' | 'null';

const isBlank = (raw: string | null | undefined) => raw === null || raw === undefined || raw.replace(SPACES, '') === '';

function moneyOf(raw: string, ctx: z.RefinementCtx): string {
  const read = readMoney(raw);
  if (read.ok) return read.value;
  ctx.addIssue({ code: 'custom', message: read.message });
  return z.NEVER;
}

const money = (empty: 'required' | 'zero') =>
  z.string({ error: 'amountNotRoubles' }).transform((raw, ctx) => (empty === 'zero' && isBlank(raw) ? '0.00' : moneyOf(raw, ctx)));

const moneyOrNull = () =>
  z
    .union([z.string({ error: 'amountNotRoubles' }), z.null()], { error: 'amountNotRoubles' })
    .optional()
    .transform((raw, ctx) => (raw === null || raw === undefined || isBlank(raw) ? null : moneyOf(raw, ctx)));

/**
 * A rouble amount field of a form or an action. Out comes `"1234.50"`; it accepts its own output,
 * so the client, the action and the domain function can each parse the same value.
 */
export function moneyField(options: { empty: 'required' | 'zero' }): ReturnType<typeof money>;
export function moneyField(options: { empty: 'null' }): ReturnType<typeof moneyOrNull>;
export function moneyField({ empty }: { empty: EmptyMeans }) {
  return empty === 'null' ? moneyOrNull() : money(empty);
}

/** Capital investment is part of the investment, so it cannot be larger: compared exactly, in kopecks. */
export function capitalWithinInvestment(capitalInvestmentRub: string, investmentRub: string): boolean {
  return toKopecks(capitalInvestmentRub) <= toKopecks(investmentRub);
}

/** The rule above as a refinement of a form's figures (a KPI report, a plan year). */
export function capexWithinInvestment(value: { investmentRub: string; capitalInvestmentRub: string }, ctx: z.RefinementCtx) {
  // A refused amount is already reported on its own field.
  if (typeof value.investmentRub !== 'string' || typeof value.capitalInvestmentRub !== 'string') return;
  if (!capitalWithinInvestment(value.capitalInvestmentRub, value.investmentRub)) {
    ctx.addIssue({ code: 'custom', path: ['capitalInvestmentRub'], message: 'capexAboveInvestment' });
  }
}

function areaOf(raw: string | number, options: AreaOptions, ctx: z.RefinementCtx): string {
  const read = readArea(raw, options);
  if (read.ok) return read.value;
  ctx.addIssue({ code: 'custom', message: read.message });
  return z.NEVER;
}

const area = (options: AreaOptions) =>
  z.union([z.string(), z.number()], { error: 'invalidDecimal' }).transform((raw, ctx) => areaOf(raw, options, ctx));

const areaOrNull = (options: AreaOptions) =>
  z
    .union([z.string(), z.number(), z.null()], { error: 'invalidDecimal' })
    .optional()
    .transform((raw, ctx) => (raw === null || raw === undefined || (typeof raw === 'string' && isBlank(raw)) ? null : areaOf(raw, options, ctx)));

/** An area field of a form or an action (above zero unless `zero: 'allowed'`). Out comes `"120.50"`; it accepts its own output. */
export function areaField(options: { empty: 'required' } & AreaOptions): ReturnType<typeof area>;
export function areaField(options: { empty: 'null' } & AreaOptions): ReturnType<typeof areaOrNull>;
export function areaField({ empty, ...options }: { empty: 'required' | 'null' } & AreaOptions) {
  return empty === 'null' ? areaOrNull(options) : area(options);
}
