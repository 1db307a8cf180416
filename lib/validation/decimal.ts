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

export const SPACES = /[\s\u00a0\u202f]/g;
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

// ---------------------------------------------------------------- areas

const AREA = { integerDigits: AREA_INTEGER_DIGITS } as const;

export type AreaOptions = {
  /** A unit's area must be above zero; a park's land area may be zero (the database says the same). */
  zero?: 'refused' | 'allowed';
};

/** An area (m², ha) as a person types it: `"120.50"`, or the message key saying why not. */
export function readArea(raw: string | number, { zero = 'refused' }: AreaOptions = {}): MoneyCheck {
  const read = readDecimal(raw, AREA);
  if (!read.ok) return { ok: false, message: read.refusal === 'required' ? 'required' : read.refusal === 'negative' ? 'areaPositive' : 'invalidDecimal' };
  return zero === 'allowed' || toKopecks(read.value) > 0n ? read : { ok: false, message: 'areaPositive' };
}
