/**
 * Exact decimal arithmetic for report figures. Money travels as decimal
 * strings with two decimals and is summed and divided as integer kopecks
 * (bigint), so no binary float decides a rouble, a share or a rounding.
 */

const DECIMAL_2 = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * "5610.5" → 561050n. Accepts an optional minus sign and at most two
 * decimals; anything else (spaces, exponents, a comma, three decimals)
 * throws, because silently reinterpreting money is worse than failing.
 * Works for any two-decimal quantity (m² as well as roubles).
 */
export function toKopecks(s: string): bigint {
  const match = DECIMAL_2.exec(s);
  if (!match) throw new RangeError(`Not a decimal amount with at most two decimals: "${s}"`);
  const [, minus, whole, fraction = ''] = match;
  const kopecks = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return minus ? -kopecks : kopecks;
}

/** 12340n → "123.40"; -50n → "-0.50". */
export function fromKopecks(k: bigint): string {
  const negative = k < 0n;
  const abs = negative ? -k : k;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** a ÷ b rounded to an integer, half away from zero. */
export function divideRounded(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError('Division by zero');
  const negative = a < 0n !== b < 0n;
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  const q = (2n * absA + absB) / (2n * absB);
  return negative ? -q : q;
}

/** The integer `scaled` read as a number with `digits` decimals: (1234n, 1) → 123.4. */
function scaledToNumber(scaled: bigint, digits: number): number {
  if (scaled === 0n) return 0;
  // Parsing the decimal text rounds once, to the double nearest the exact value.
  return Number(`${scaled}e-${digits}`);
}

/**
 * Rounds half away from zero to `digits` decimals. The number is rounded as
 * written (its shortest decimal form), so 1.005 gives 1.01 and -2.5 gives -3,
 * as a person checking the figure expects, unlike toFixed, which rounds the
 * binary value. Never returns -0.
 */
export function roundHalfAway(n: number, digits: number): number {
  if (!Number.isFinite(n)) throw new RangeError(`Cannot round ${n}`);
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(`Unsupported number of digits: ${digits}`);
  }
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(n)));
  if (!match) throw new RangeError(`Cannot round ${n}`);
  const [, whole, fraction = '', exponent = '0'] = match;
  const coefficient = BigInt(whole + fraction);
  const shift = Number(exponent) - fraction.length + digits;
  const scaled =
    shift >= 0 ? coefficient * 10n ** BigInt(shift) : divideRounded(coefficient, 10n ** BigInt(-shift));
  return scaledToNumber(n < 0 ? -scaled : scaled, digits);
}

/**
 * part ÷ whole in percent, one decimal, half away from zero, exact from the
 * integers. A share of nothing (whole = 0) is 0: the reports' percentages
 * are always numbers (docs/reports.md, "Conventions").
 */
export function pct(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return scaledToNumber(divideRounded(part * 1000n, whole), 1);
}

/** a ÷ b with two decimals, half away from zero, exact. Throws on b = 0: the caller decides what "no denominator" means. */
export function ratio(a: bigint, b: bigint): number {
  if (b === 0n) throw new RangeError('Ratio with a zero denominator');
  return scaledToNumber(divideRounded(a * 100n, b), 2);
}
