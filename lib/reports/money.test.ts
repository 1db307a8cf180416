import { describe, expect, it } from 'vitest';
import { divideRounded, fromKopecks, pct, ratio, roundHalfAway, toKopecks } from './money';

describe('toKopecks', () => {
  it('reads whole, one-decimal and two-decimal amounts', () => {
    expect(toKopecks('11000000000.00')).toBe(1_100_000_000_000n);
    expect(toKopecks('5610.5')).toBe(561_050n);
    expect(toKopecks('0.07')).toBe(7n);
    expect(toKopecks('42')).toBe(4_200n);
    expect(toKopecks('-0.50')).toBe(-50n);
  });

  it('keeps precision beyond what a double holds', () => {
    expect(toKopecks('90071992547409.93')).toBe(9_007_199_254_740_993n);
  });

  it.each(['', '1.234', '1,50', ' 1.00', '1e3', '.5', '1.', '+1.00', 'abc', 'NaN'])('rejects %j', (s) => {
    expect(() => toKopecks(s)).toThrow(RangeError);
  });
});

describe('fromKopecks', () => {
  it('writes two decimals', () => {
    expect(fromKopecks(12_340n)).toBe('123.40');
    expect(fromKopecks(0n)).toBe('0.00');
    expect(fromKopecks(5n)).toBe('0.05');
    expect(fromKopecks(-50n)).toBe('-0.50');
    expect(fromKopecks(-12_345n)).toBe('-123.45');
    expect(fromKopecks(1_100_000_000_000n)).toBe('11000000000.00');
  });

  it('round-trips with toKopecks', () => {
    for (const s of ['0.00', '0.01', '123.40', '-7.05', '920300000.00', '90071992547409.93']) {
      expect(fromKopecks(toKopecks(s))).toBe(s);
    }
  });
});

describe('divideRounded', () => {
  it('rounds half away from zero in every sign combination', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(5n, -2n)).toBe(-3n);
    expect(divideRounded(-5n, -2n)).toBe(3n);
    expect(divideRounded(7n, 3n)).toBe(2n);
    expect(divideRounded(8n, 3n)).toBe(3n);
    expect(divideRounded(0n, 3n)).toBe(0n);
  });

  it('refuses a zero divisor', () => {
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });
});

describe('roundHalfAway', () => {
  it('rounds ties away from zero', () => {
    expect(roundHalfAway(2.5, 0)).toBe(3);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    expect(roundHalfAway(0.125, 2)).toBe(0.13);
    expect(roundHalfAway(-0.125, 2)).toBe(-0.13);
  });

  it('rounds the number as written, not its binary approximation', () => {
    // 1.005 is stored as 1.00499999999999989…; toFixed(2) gives "1.00".
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(8.675, 2)).toBe(8.68);
  });

  it('handles exponent notation and large numbers', () => {
    expect(roundHalfAway(1.5e-7, 2)).toBe(0);
    expect(roundHalfAway(5e-3, 2)).toBe(0.01);
    expect(roundHalfAway(1.5e21, 1)).toBe(1.5e21);
    expect(roundHalfAway(123456.789, 0)).toBe(123457);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundHalfAway(-0.001, 2), 0)).toBe(true);
  });

  it('refuses non-finite numbers and odd digit counts', () => {
    expect(() => roundHalfAway(Number.NaN, 2)).toThrow(RangeError);
    expect(() => roundHalfAway(Number.POSITIVE_INFINITY, 2)).toThrow(RangeError);
    expect(() => roundHalfAway(1, -1)).toThrow(RangeError);
    expect(() => roundHalfAway(1, 1.5)).toThrow(RangeError);
  });
});

describe('pct', () => {
  it('gives the Kuzbass budget shares', () => {
    // 412.9 / 920.3 = 44.866…%, 507.4 / 920.3 = 55.134…%
    expect(pct(toKopecks('412900000.00'), toKopecks('920300000.00'))).toBe(44.9);
    expect(pct(toKopecks('507400000.00'), toKopecks('920300000.00'))).toBe(55.1);
  });

  it('rounds an exact tie away from zero', () => {
    // 1/8 = 12.5% → 12.5; 1/16 = 6.25% → 6.3; 1/32 = 3.125% → 3.1
    expect(pct(1n, 8n)).toBe(12.5);
    expect(pct(1n, 16n)).toBe(6.3);
    expect(pct(-1n, 16n)).toBe(-6.3);
    expect(pct(1n, 32n)).toBe(3.1);
  });

  it('is 0 for a share of nothing', () => {
    expect(pct(0n, 0n)).toBe(0);
    expect(pct(5n, 0n)).toBe(0);
  });

  it('decides ties from the integers', () => {
    // 5 / 10000 = 0.05% exactly: a tie at one decimal, so away from zero.
    expect(pct(5n, 10_000n)).toBe(0.1);
    expect(pct(-5n, 10_000n)).toBe(-0.1);
    // 1 / 3 = 33.333…% and 2 / 3 = 66.666…%
    expect(pct(1n, 3n)).toBe(33.3);
    expect(pct(2n, 3n)).toBe(66.7);
  });
});

describe('ratio', () => {
  it('divides with two decimals, half away from zero', () => {
    expect(ratio(toKopecks('2600000000.00'), toKopecks('920300000.00'))).toBe(2.83);
    expect(ratio(1n, 8n)).toBe(0.13);
    expect(ratio(-1n, 8n)).toBe(-0.13);
    expect(ratio(0n, 8n)).toBe(0);
    expect(ratio(3n, 1n)).toBe(3);
  });

  it('refuses a zero denominator', () => {
    expect(() => ratio(1n, 0n)).toThrow(RangeError);
  });
});
