import { z } from 'zod';
import { toKopecks } from '@/lib/reports/money';

/*
 * The one reader of decimal amounts: money, areas and indicator values, from a form, an action, the
 * KPI upload, the CLI and the data set alike. What it accepts, decided once:
 *
 * - A person types (notation 'typed', every form and upload): spaces, no-break and narrow no-break
 *   spaces group thousands anywhere ("1 234 567"); a comma is the decimal separator when there is no
 *   point ("1 234,50", as Russian users write it), and a thousands separator when there is one
 *   ("1,234.50"). A minus is U+002D or U+2212. "1,234" therefore reads 1.234 and is refused for its
 *   three decimals rather than silently read as 1234; "1.234,50" is refused the same way.
 * - The data set (notation 'contract', docs/data-set.md § Conventions) writes canonical decimal
 *   strings ("5610.50") or JSON numbers; anything else, a leading space included, is refused.
 * - Either way: no exponent ("1e3"), no words, at most `decimals` decimals, at most `integerDigits`
 *   digits before the point (the numeric column's size), and no sign unless the value may be negative.
 *   "-0" is zero, not a negative amount.
 *
 * Empty input is the field's choice (`empty`), not the reader's: required, zero, or no value.
 * Out comes the exact decimal string ("1234.50"); nothing here goes through a binary float.
 */

/** numeric(18, 2): sixteen digits before the point. */
export const MONEY_INTEGER_DIGITS = 16;
/** numeric(12, 2): ten digits before the point (m², ha). */
export const AREA_INTEGER_DIGITS = 10;

export type DecimalRefusal = 'required' | 'notADecimal' | 'negative' | 'tooManyDecimals' | 'tooLarge' | 'notFinite' | 'unsafeNumber' | 'notText';

export type DecimalRead = { ok: true; value: string } | { ok: false; refusal: DecimalRefusal };

export type DecimalFormat = {
  integerDigits: number;
  /** Decimals allowed after the point; 2 for money and areas. */
  decimals?: number;
  /** May the value be negative (an indicator's change)? */
  signed?: boolean;
  /** Write exactly `decimals` decimals ("12.50"), or the decimals as given ("12.5")? */
  pad?: boolean;
  notation?: 'typed' | 'contract';
};

const SPACES = /[\s\u00a0\u202f]/g;
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** The typed text in contract notation: spaces dropped, the decimal comma a point, U+2212 a minus. */
function untype(raw: string): string {
  const compact = raw.replace(SPACES, '').replace(/^−/, '-');
  return compact.includes('.') ? compact.replace(/,/g, '') : compact.replace(',', '.');
}

export function readDecimal(raw: unknown, format: DecimalFormat): DecimalRead {
  const { integerDigits, decimals = 2, signed = false, pad = true, notation = 'typed' } = format;
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, refusal: 'notFinite' };
    if (raw < 0 && !signed) return { ok: false, refusal: 'negative' };
    // Beyond this a JSON number cannot hold every hundredth exactly, so what was read may differ from
    // what was meant: such amounts must come as text.
    if (Math.abs(raw) * 10 ** decimals > Number.MAX_SAFE_INTEGER) return { ok: false, refusal: 'unsafeNumber' };
    text = String(raw);
  } else if (typeof raw === 'string') {
    text = notation === 'typed' ? untype(raw) : raw;
    if (text === '') return { ok: false, refusal: 'required' };
  } else {
    return { ok: false, refusal: 'notText' };
  }
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, refusal: typeof raw === 'number' ? 'tooManyDecimals' : 'notADecimal' };
  const [, minus, whole, fraction = ''] = match;
  const integer = whole.replace(/^0+(?=\d)/, '');
  const zero = !/[1-9]/.test(integer + fraction);
  if (minus && !zero && !signed) return { ok: false, refusal: 'negative' };
  if (fraction.length > decimals) return { ok: false, refusal: 'tooManyDecimals' };
  if (integer.length > integerDigits) return { ok: false, refusal: 'tooLarge' };
  const sign = signed ? minus : '';
  if (pad) return { ok: true, value: `${sign}${integer}.${fraction.padEnd(decimals, '0')}` };
  return { ok: true, value: `${sign}${integer}${fraction ? `.${fraction}` : ''}` };
}

// ---------------------------------------------------------------- money

const MONEY = { integerDigits: MONEY_INTEGER_DIGITS } as const;

/** The message keys (`validation.*`) a form shows for a refused amount of roubles. */
const moneyMessages: Record<DecimalRefusal, string> = {
  required: 'required',
  notADecimal: 'amountNotRoubles',
  negative: 'negativeAmount',
  tooManyDecimals: 'tooManyDecimals',
  tooLarge: 'amountTooLarge',
  notFinite: 'amountNotRoubles',
  unsafeNumber: 'amountNotRoubles',
  notText: 'amountNotRoubles',
};

export type MoneyCheck = { ok: true; value: string } | { ok: false; message: string };

/** A rouble amount as a person types it: `"1234.50"`, or the message key saying why not. */
export function readMoney(raw: string): MoneyCheck {
  const read = readDecimal(raw, MONEY);
  return read.ok ? read : { ok: false, message: moneyMessages[read.refusal] };
}

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

// ---------------------------------------------------------------- areas

const AREA = { integerDigits: AREA_INTEGER_DIGITS } as const;

type AreaOptions = {
  /** A unit's area must be above zero; a park's land area may be zero (the database says the same). */
  zero?: 'refused' | 'allowed';
};

/** An area (m², ha) as a person types it: `"120.50"`, or the message key saying why not. */
export function readArea(raw: string | number, { zero = 'refused' }: AreaOptions = {}): MoneyCheck {
  const read = readDecimal(raw, AREA);
  if (!read.ok) return { ok: false, message: read.refusal === 'required' ? 'required' : read.refusal === 'negative' ? 'areaPositive' : 'invalidDecimal' };
  return zero === 'allowed' || toKopecks(read.value) > 0n ? read : { ok: false, message: 'areaPositive' };
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
