import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '@/lib/i18n/format';
import { fromKopecks, toKopecks } from '@/lib/reports/money';
import { areaField, capitalWithinInvestment, moneyField, readArea, readDecimal, readMoney } from './amounts';
import { applicationDraftSchema, planYearSchema } from './applications';
import { criterionSchema } from './council';
import { kpiFiguresSchema, readIndicatorValue } from './kpi';

/** Any amount numeric(18, 2) holds, as kopecks. */
const kopecks = fc.bigInt({ min: 0n, max: 10n ** 18n - 1n });
/** Every way a person may group thousands. */
const space = fc.constantFrom(' ', '\u00a0', '\u202f');

/** "1234567.80" → "1 234 567,80" with `sep` between groups of three. */
function russian(canonical: string, sep: string): string {
  const [whole, fraction] = canonical.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep)},${fraction}`;
}

describe('readMoney: what a person types', () => {
  it('reads the notations people use, to the exact decimal with two decimals', () => {
    const cases: [string, string][] = [
      ['1234.50', '1234.50'],
      ['1234,5', '1234.50'],
      ['1 234,50', '1234.50'],
      ['1\u00a0234\u00a0567,89', '1234567.89'],
      ['1\u202f234', '1234.00'],
      ['1,234.50', '1234.50'],
      ['1,234,567.8', '1234567.80'],
      ['  12 ', '12.00'],
      ['007', '7.00'],
      ['0', '0.00'],
      ['-0', '0.00'],
      ['−0,00', '0.00'],
      ['9999999999999999.99', '9999999999999999.99'],
    ];
    for (const [typed, read] of cases) expect(readMoney(typed), typed).toEqual({ ok: true, value: read });
  });

  it('refuses, with the reason a form shows, rather than guessing', () => {
    const cases: [string, string][] = [
      ['', 'required'],
      ['   ', 'required'],
      ['-5', 'negativeAmount'],
      ['−5', 'negativeAmount'],
      ['-1.234', 'negativeAmount'],
      ['12abc', 'amountNotRoubles'],
      ['1e3', 'amountNotRoubles'],
      ['12 roubles', 'amountNotRoubles'],
      ['1,2,3', 'amountNotRoubles'],
      ['+5', 'amountNotRoubles'],
      ['.5', 'amountNotRoubles'],
      ['5.', 'amountNotRoubles'],
      // Ambiguous between a thousands comma and a decimal comma: three decimals, refused.
      ['1,234', 'tooManyDecimals'],
      ['1.234,50', 'tooManyDecimals'],
      ['9,000', 'tooManyDecimals'],
      ['9,000,000', 'amountNotRoubles'],
      ['10.005', 'tooManyDecimals'],
      ['12345678901234567', 'amountTooLarge'],
    ];
    for (const [typed, message] of cases) expect(readMoney(typed), typed).toEqual({ ok: false, message });
  });

  it('reads back what it wrote, and what the pages write in either language (exactly, however large)', () => {
    const wholeThousands = kopecks.map((k) => (k / 100_000n) * 100_000n);
    fc.assert(
      fc.property(fc.oneof(kopecks, wholeThousands), space, (k, sep) => {
        const canonical = fromKopecks(k);
        expect(readMoney(canonical)).toEqual({ ok: true, value: canonical });
        expect(readMoney(russian(canonical, sep))).toEqual({ ok: true, value: canonical });
        expect(readMoney(formatAmount(canonical, 'ru'))).toEqual({ ok: true, value: canonical });
        // English writes whole amounts without decimals ("9,000"): a lone comma then reads as a
        // decimal comma, so they are refused rather than read as nine roubles.
        const english = formatAmount(canonical, 'en');
        expect(readMoney(english)).toEqual(english.includes('.') || !english.includes(',') ? { ok: true, value: canonical } : { ok: false, message: expect.any(String) });
      }),
    );
  });

  it('never reads a negative, a third decimal or a seventeenth digit', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 ,.-−e\u00a0'.split('')), maxLength: 24 }), (typed) => {
        const read = readMoney(typed);
        if (read.ok) {
          expect(read.value).toMatch(/^\d{1,16}\.\d{2}$/);
          expect(readMoney(read.value)).toEqual(read);
        }
      }),
    );
  });
});

describe('money fields: what empty means is the field’s choice', () => {
  it('required, zero or null, each accepting its own output', () => {
    const required = moneyField({ empty: 'required' });
    const zero = moneyField({ empty: 'zero' });
    const orNull = moneyField({ empty: 'null' });
    expect(required.safeParse('').error?.issues[0].message).toBe('required');
    expect(zero.parse('')).toBe('0.00');
    expect(zero.parse(' ')).toBe('0.00');
    expect(orNull.parse('')).toBeNull();
    expect(orNull.parse(null)).toBeNull();
    expect(orNull.parse(undefined)).toBeNull();
    for (const field of [required, zero, orNull]) {
      expect(field.parse('1 234,5')).toBe('1234.50');
      expect(field.parse(field.parse('1 234,5'))).toBe('1234.50');
      expect(field.safeParse('-1').error?.issues[0].message).toBe('negativeAmount');
      expect(field.safeParse(1e308).error?.issues[0].message).toBe('amountNotRoubles');
    }
  });

  it('the application plan and the KPI report read amounts alike (they did not: "1,234.50" was refused in one)', () => {
    const plan = planYearSchema.parse({ year: 2026, investmentRub: '1,234.50', capitalInvestmentRub: '1 000', newJobs: 0, incomeRub: '' });
    expect(plan).toMatchObject({ investmentRub: '1234.50', capitalInvestmentRub: '1000.00', incomeRub: '0.00' });
    const kpi = kpiFiguresSchema.parse({ jobsCreated: 0, headcount: null, investmentRub: '1,234.50', capitalInvestmentRub: '1 000', incomeRub: '0', taxesPaidRub: '0', rndSpendRub: '' });
    expect(kpi).toMatchObject({ investmentRub: '1234.50', capitalInvestmentRub: '1000.00', rndSpendRub: null });
  });
});

describe('capital investment ≤ investment, exactly', () => {
  it('compares kopecks, not floats: one kopeck over is over, however large the amounts', () => {
    // As floats both are 9007199254740993 → 9007199254740992: a float comparison calls them equal.
    expect(capitalWithinInvestment('90071992547409.93', '90071992547409.92')).toBe(false);
    expect(capitalWithinInvestment('90071992547409.92', '90071992547409.92')).toBe(true);
    const over = { year: 2026, investmentRub: '90071992547409.92', capitalInvestmentRub: '90071992547409.93', newJobs: 0, incomeRub: '0' };
    expect(planYearSchema.safeParse(over).error?.issues).toMatchObject([{ path: ['capitalInvestmentRub'], message: 'capexAboveInvestment' }]);
    const figures = { jobsCreated: 0, headcount: null, investmentRub: over.investmentRub, capitalInvestmentRub: over.capitalInvestmentRub, incomeRub: '0', taxesPaidRub: '0', rndSpendRub: null };
    expect(kpiFiguresSchema.safeParse(figures).error?.issues).toMatchObject([{ path: ['capitalInvestmentRub'], message: 'capexAboveInvestment' }]);
  });

  it('agrees with bigint order for any two amounts', () => {
    fc.assert(fc.property(kopecks, kopecks, (a, b) => capitalWithinInvestment(fromKopecks(a), fromKopecks(b)) === a <= b));
  });
});

describe('areas', () => {
  it('read like money, above zero unless zero is allowed', () => {
    expect(readArea('1 234,5')).toEqual({ ok: true, value: '1234.50' });
    expect(readArea(160.5)).toEqual({ ok: true, value: '160.50' });
    expect(readArea('0')).toEqual({ ok: false, message: 'areaPositive' });
    expect(readArea('-5')).toEqual({ ok: false, message: 'areaPositive' });
    expect(readArea('0', { zero: 'allowed' })).toEqual({ ok: true, value: '0.00' });
    expect(readArea('abc')).toEqual({ ok: false, message: 'invalidDecimal' });
    expect(readArea('1.234')).toEqual({ ok: false, message: 'invalidDecimal' });
    expect(readArea('12345678901')).toEqual({ ok: false, message: 'invalidDecimal' });
    expect(areaField({ empty: 'null' }).parse('')).toBeNull();
    expect(areaField({ empty: 'required' }).safeParse('').error?.issues[0].message).toBe('required');
  });

  it('the application form and the premises form read one area alike', () => {
    const draft = applicationDraftSchema.shape.premisesAreaM2;
    const unit = areaField({ empty: 'required' });
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n - 1n }), space, (k, sep) => {
        const typed = russian(fromKopecks(k), sep);
        expect(draft.parse(typed)).toBe(fromKopecks(k));
        expect(unit.parse(typed)).toBe(fromKopecks(k));
        expect(toKopecks(unit.parse(typed))).toBe(k);
      }),
    );
  });
});

describe('the data set notation', () => {
  it('takes canonical strings and JSON numbers only', () => {
    const contract = { integerDigits: 16, notation: 'contract' } as const;
    expect(readDecimal('5610.5', contract)).toEqual({ ok: true, value: '5610.50' });
    expect(readDecimal(750000.25, contract)).toEqual({ ok: true, value: '750000.25' });
    expect(readDecimal('1 234,50', contract)).toEqual({ ok: false, refusal: 'notADecimal' });
    expect(readDecimal(' 12.00', contract)).toEqual({ ok: false, refusal: 'notADecimal' });
    expect(readDecimal(0.1 + 0.2, contract)).toEqual({ ok: false, refusal: 'tooManyDecimals' });
    expect(readDecimal(-1, contract)).toEqual({ ok: false, refusal: 'negative' });
    expect(readDecimal(1e308, contract)).toEqual({ ok: false, refusal: 'unsafeNumber' });
    expect(readDecimal(Number.NaN, contract)).toEqual({ ok: false, refusal: 'notFinite' });
    expect(readDecimal(true, contract)).toEqual({ ok: false, refusal: 'notText' });
  });

  it('reads any canonical amount back unchanged in both notations', () => {
    fc.assert(
      fc.property(kopecks, (k) => {
        const canonical = fromKopecks(k);
        expect(readDecimal(canonical, { integerDigits: 16, notation: 'contract' })).toEqual({ ok: true, value: canonical });
        expect(readDecimal(canonical, { integerDigits: 16 })).toEqual({ ok: true, value: canonical });
      }),
    );
  });
});

describe('rubric weights', () => {
  it('are read like amounts, above zero and below ten thousand', () => {
    const weight = (w: string | number) => criterionSchema.shape.weight.safeParse(w);
    expect(weight('1,5').data).toBe('1.5');
    expect(weight(' 30 ').data).toBe('30');
    expect(weight(2.25).data).toBe('2.25');
    for (const refused of ['0', '0,00', '-1', '10000', '1.234', 'x', '']) expect(weight(refused).error?.issues[0].message, refused).toBe('invalidWeight');
  });
});

describe('indicator values', () => {
  it('may be negative, with up to six decimals as typed; empty is no value', () => {
    expect(readIndicatorValue('-3,5')).toEqual({ ok: true, value: '-3.5' });
    expect(readIndicatorValue('−1 200,125')).toEqual({ ok: true, value: '-1200.125' });
    expect(readIndicatorValue('120.60')).toEqual({ ok: true, value: '120.60' });
    expect(readIndicatorValue(' ')).toEqual({ ok: true, value: null });
    expect(readIndicatorValue('1.2345678')).toEqual({ ok: false, message: 'tooManyDecimals' });
    expect(readIndicatorValue('123456789012345')).toEqual({ ok: false, message: 'amountTooLarge' });
    expect(readIndicatorValue('n/a')).toEqual({ ok: false, message: 'invalidNumber' });
  });
});
