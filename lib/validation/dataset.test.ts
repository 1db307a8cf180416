import { describe, expect, it } from 'vitest';

import { parseDataset } from '@/lib/dataset/parse';
import { normalizeAmount, type Dataset } from '@/lib/validation/dataset';

/** A small valid data set, as an import file could write it (numbers for some amounts). */
function sample() {
  return {
    format: 'technopark-dataset/1',
    park: { slug: 'demo-park', name: 'Demo park', region: 'Kemerovo Region', type: 'mixed', landAreaHa: 23.3, foundedOn: '2007-06-27' },
    buildings: [{ key: 'b1', name: 'Engineering centre' }],
    premises: [
      { key: 'u1', building: 'b1', name: 'Office 1', kind: 'office', areaM2: 5610.5, availableFrom: '2008-01-01', availableTo: null },
      { key: 'u2', building: 'b1', name: 'Lab 2', kind: 'laboratory', areaM2: '120', availableFrom: null, availableTo: null },
    ],
    companies: [
      { key: 'c1', name: 'ООО «Сибирские угольные технологии»', inn: '4205123459', smeCategory: 'small', industry: 'coal', manufacturing: false },
      { key: 'c2', name: 'ООО «Кузбасс Софт»', inn: null, smeCategory: 'micro', industry: null, manufacturing: false },
    ],
    applications: [
      {
        key: 'a1',
        company: 'c1',
        title: 'Methane monitoring',
        submittedOn: '2014-02-03',
        screening: { decidedOn: '2014-02-17', outcome: 'accepted' },
        council: { decidedOn: '2014-03-27', decision: 'approved', meetingNumber: 12, votesFor: 7, votesAgainst: 1, votesAbstain: 0 },
      },
      { key: 'a2', company: 'c2', title: 'Draft idea', submittedOn: null, screening: null, council: null },
    ],
    residencies: [
      { key: 'r1', company: 'c1', application: 'a1', agreementNumber: 'KT-2014/01', startOn: '2014-04-01', endOn: null, placement: 'on_site' },
      { key: 'r2', company: 'c2', application: null, agreementNumber: null, startOn: '2015-01-01', endOn: '2016-12-31', placement: 'extraterritorial' },
    ],
    leases: [
      { key: 'l1', company: 'c1', premises: 'u1', startOn: '2014-04-15', endOn: '2015-12-31' },
      { key: 'l2', company: 'c1', premises: 'u1', startOn: '2016-01-01', endOn: null },
    ],
    taxIncentives: [
      { key: 't1', company: 'c1', kind: 'profit_tax', legalBasis: null, grantedOn: '2014-05-20', validFrom: '2014-06-01', validTo: '2019-05-31' },
    ],
    kpiReports: [
      {
        key: 'k1',
        company: 'c1',
        year: 2015,
        quarter: null,
        status: 'accepted',
        jobsCreated: 12,
        headcount: 40,
        investmentRub: '1000000',
        capitalInvestmentRub: 750000.25,
        incomeRub: '5000000.5',
        taxesPaidRub: 0,
        rndSpendRub: null,
      },
      {
        key: 'k2',
        company: 'c1',
        year: 2015,
        quarter: 1,
        status: 'submitted',
        jobsCreated: 2,
        headcount: null,
        investmentRub: '100.00',
        capitalInvestmentRub: '100.00',
        incomeRub: '10.00',
        taxesPaidRub: '1.00',
        rndSpendRub: '0.10',
      },
    ],
    budgetFunding: [
      { key: 'f1', year: 2015, source: 'federal', amountRub: '412900000.00' },
      { key: 'f2', year: 2015, source: 'regional', amountRub: 507400000 },
    ],
    programmes: [
      {
        key: 'p1',
        name: 'Concept 2020',
        indicators: [
          {
            key: 'i1',
            name: 'Manufacturing index',
            unit: '% of previous year',
            direction: 'higher',
            values: [
              { year: 2015, kind: 'actual', value: -0.6 },
              { year: 2020, kind: 'target', value: 103.1 },
            ],
          },
        ],
      },
    ],
  };
}

type Sample = ReturnType<typeof sample>;

function errorOf(change: (data: Sample) => void): string {
  const data = sample();
  change(data);
  const result = parseDataset(data);
  if (result.ok) throw new Error('expected the data set to be refused');
  return result.error;
}

describe('parseDataset: a valid data set', () => {
  // The sample also holds a lease starting the day after the previous one of
  // the same premises ends, and an annual and a quarterly report of one year.
  it('parses and normalises amounts to two-decimal strings', () => {
    const result = parseDataset(sample());
    expect(result.ok).toBe(true);
    const data = (result as { ok: true; data: Dataset }).data;
    expect(data.park.landAreaHa).toBe('23.30');
    expect(data.premises.map((p) => p.areaM2)).toEqual(['5610.50', '120.00']);
    expect(data.kpiReports[0]).toMatchObject({
      investmentRub: '1000000.00',
      capitalInvestmentRub: '750000.25',
      incomeRub: '5000000.50',
      taxesPaidRub: '0.00',
    });
    expect(data.kpiReports[1].rndSpendRub).toBe('0.10');
    expect(data.budgetFunding[1].amountRub).toBe('507400000.00');
    expect(data.programmes[0].indicators[0].values[0].value).toBe(-0.6);
  });

  it('is stable: the parsed output parses to itself', () => {
    const first = parseDataset(sample());
    if (!first.ok) throw new Error(first.error);
    expect(parseDataset(JSON.parse(JSON.stringify(first.data)))).toEqual(first);
  });

  it('reads omitted lists and nullable fields as empty and null', () => {
    const result = parseDataset({
      format: 'technopark-dataset/1',
      park: { slug: 'p1', name: 'P', region: 'R', type: 'industrial' },
      companies: [{ key: 'c1', name: 'ООО «Ромашка»', smeCategory: 'none' }],
    });
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({
        park: { slug: 'p1', name: 'P', region: 'R', type: 'industrial', landAreaHa: null, foundedOn: null },
        companies: [{ key: 'c1', name: 'ООО «Ромашка»', inn: null, smeCategory: 'none', industry: null, manufacturing: false }],
        leases: [],
        programmes: [],
      }),
    });
  });

  it('accepts 29 February of a leap year', () => {
    expect(
      parseDataset({ ...sample(), park: { ...sample().park, foundedOn: '2024-02-29' } }).ok,
    ).toBe(true);
  });

});

describe('parseDataset: refusals name the record', () => {
  it('a reference to a key that does not exist', () => {
    expect(errorOf((d) => (d.leases[1].premises = 'u99'))).toBe('leases[1].premises: no premises with key "u99"');
    expect(errorOf((d) => (d.premises[1].building = 'b9'))).toBe('premises[1].building: no building with key "b9"');
    expect(errorOf((d) => (d.applications[1].company = 'c9'))).toBe('applications[1].company: no company with key "c9"');
    expect(errorOf((d) => (d.residencies[0].application = 'a9'))).toBe('residencies[0].application: no application with key "a9"');
    expect(errorOf((d) => (d.taxIncentives[0].company = 'c9'))).toBe('taxIncentives[0].company: no company with key "c9"');
    expect(errorOf((d) => (d.kpiReports[1].company = 'c9'))).toBe('kpiReports[1].company: no company with key "c9"');
  });

  it('a residency on another company’s application', () => {
    expect(errorOf((d) => (d.residencies[1].application = 'a1'))).toBe(
      'residencies[1].application: application "a1" is of company "c1"',
    );
  });

  it('a duplicate key', () => {
    expect(errorOf((d) => (d.companies[1].key = 'c1'))).toMatch(/^companies\[1\]\.key: duplicate key "c1"$/);
    expect(errorOf((d) => (d.kpiReports[1].key = 'k1'))).toBe('kpiReports[1].key: duplicate key "k1"');
    expect(errorOf((d) => (d.programmes[0].indicators.push({ ...d.programmes[0].indicators[0] })))).toBe(
      'programmes[0].indicators[1].key: duplicate key "i1"',
    );
  });

  it('a lease overlapping another lease of the same premises', () => {
    // End dates are inclusive: starting on the other lease's last day is an overlap.
    expect(errorOf((d) => (d.leases[1].startOn = '2015-12-31'))).toBe(
      'leases[1].premises: premises "u1" is already leased by lease "l1" (2014-04-15..2015-12-31)',
    );
    // An open-ended lease overlaps every later one.
    expect(
      errorOf((d) => {
        d.leases[0].endOn = null as unknown as string;
        d.leases[1].startOn = '2030-01-01';
      }),
    ).toBe('leases[1].premises: premises "u1" is already leased by lease "l1" (2014-04-15..open)');
  });

  it('a lease for an extraterritorial residency', () => {
    expect(
      errorOf((d) => d.leases.push({ key: 'l3', company: 'c2', premises: 'u2', startOn: '2015-02-01', endOn: null })),
    ).toBe('leases[2].company: no on-site residency covering 2015-02-01 (residency "r2" is extraterritorial)');
  });

  it('a lease with no residency covering its start', () => {
    expect(errorOf((d) => (d.leases[0].startOn = '2014-03-01'))).toBe('leases[0].company: no on-site residency covering 2014-03-01');
  });

  it('a capital investment larger than the investment', () => {
    expect(errorOf((d) => (d.kpiReports[0].capitalInvestmentRub = '1000000.01'))).toBe(
      'kpiReports[0].capitalInvestmentRub: 1000000.01 is larger than investmentRub 1000000.00',
    );
  });

  it('a negative amount', () => {
    expect(errorOf((d) => (d.kpiReports[0].incomeRub = '-5.00'))).toBe('kpiReports[0].incomeRub: must not be negative');
    expect(errorOf((d) => (d.budgetFunding[1].amountRub = -1))).toBe('budgetFunding[1].amountRub: must not be negative');
    expect(errorOf((d) => (d.kpiReports[0].jobsCreated = -3))).toBe('kpiReports[0].jobsCreated: must be at least 0');
  });

  it('an unknown field', () => {
    expect(errorOf((d) => Object.assign(d.companies[1], { ceo: 'Ivanov' }))).toBe('companies[1].ceo: unknown field');
    expect(errorOf((d) => Object.assign(d.applications[0].council!, { quorum: true }))).toBe(
      'applications[0].council.quorum: unknown field',
    );
    expect(errorOf((d) => Object.assign(d, { parks: [] }))).toBe('parks: unknown field');
    expect(errorOf((d) => Object.assign(d.programmes[0].indicators[0].values[1], { note: 'x' }))).toBe(
      'programmes[0].indicators[0].values[1].note: unknown field',
    );
  });

  it('a date that does not exist', () => {
    expect(errorOf((d) => (d.residencies[1].startOn = '2023-02-29'))).toBe('residencies[1].startOn: 2023-02-29 is not a date that exists');
    expect(errorOf((d) => (d.leases[0].endOn = '2015-04-31'))).toBe('leases[0].endOn: 2015-04-31 is not a date that exists');
    expect(errorOf((d) => (d.park.foundedOn = '2007-6-27'))).toBe('park.foundedOn: expected a date YYYY-MM-DD');
    expect(errorOf((d) => (d.applications[0].screening!.decidedOn = '2014-13-01'))).toBe(
      'applications[0].screening.decidedOn: 2014-13-01 is not a date that exists',
    );
  });

  it('an end date before the start date', () => {
    expect(errorOf((d) => (d.residencies[1].endOn = '2014-12-31'))).toBe('residencies[1].endOn: 2014-12-31 is before startOn 2015-01-01');
    expect(errorOf((d) => (d.leases[0].endOn = '2014-04-14'))).toBe('leases[0].endOn: 2014-04-14 is before startOn 2014-04-15');
    expect(errorOf((d) => (d.premises[0].availableTo = '2007-12-31' as unknown as null))).toBe(
      'premises[0].availableTo: 2007-12-31 is before availableFrom 2008-01-01',
    );
    expect(errorOf((d) => (d.taxIncentives[0].validTo = '2014-05-31'))).toBe(
      'taxIncentives[0].validTo: 2014-05-31 is before validFrom 2014-06-01',
    );
  });

  it('decisions on a draft or before submission', () => {
    expect(errorOf((d) => (d.applications[1].screening = { decidedOn: '2014-01-01', outcome: 'rejected' } as never))).toBe(
      'applications[1].screening: a draft (submittedOn null) has no decision',
    );
    expect(errorOf((d) => (d.applications[0].council!.decidedOn = '2014-01-30'))).toBe(
      'applications[0].council.decidedOn: 2014-01-30 is before submittedOn 2014-02-03',
    );
  });

  it('a second report of the same company and period', () => {
    expect(errorOf((d) => (d.kpiReports[1].quarter = null as unknown as number))).toBe(
      'kpiReports[1].year: company "c1" already has report "k1" for 2015',
    );
  });

  it('does not refuse a second budget funding of the same year and source (a second tranche)', () => {
    const data = sample();
    data.budgetFunding[1].source = 'federal';
    expect(parseDataset(data)).toMatchObject({ ok: true });
  });

  it('a second indicator value of the same year and kind', () => {
    expect(errorOf((d) => (d.programmes[0].indicators[0].values[1] = { year: 2015, kind: 'actual', value: 1 }))).toBe(
      'programmes[0].indicators[0].values[1].year: duplicate actual value for 2015',
    );
  });

  it('amounts that are not exact decimals', () => {
    const amountError = (value: unknown) =>
      errorOf((d) => ((d.kpiReports[0] as Record<string, unknown>).taxesPaidRub = value));
    expect(amountError(1e308)).toBe('kpiReports[0].taxesPaidRub: too large for a JSON number; write it as a decimal string');
    expect(amountError(Number.NaN)).toBe('kpiReports[0].taxesPaidRub: must be a finite number');
    expect(amountError(Number.POSITIVE_INFINITY)).toBe('kpiReports[0].taxesPaidRub: must be a finite number');
    expect(amountError('1e3')).toBe('kpiReports[0].taxesPaidRub: expected a decimal number like "5610.50"');
    expect(amountError('1.234')).toBe('kpiReports[0].taxesPaidRub: at most two decimals');
    expect(amountError(0.1 + 0.2)).toBe('kpiReports[0].taxesPaidRub: at most two decimals');
    expect(amountError(' 12.00')).toBe('kpiReports[0].taxesPaidRub: expected a decimal number like "5610.50"');
    expect(amountError('12345678901234567.00')).toBe('kpiReports[0].taxesPaidRub: at most 16 digits before the point');
    expect(amountError(true)).toBe('kpiReports[0].taxesPaidRub: expected a decimal string or a number');
    expect(amountError(undefined)).toBe('kpiReports[0].taxesPaidRub: expected a decimal string or a number');
  });

  it('other shapes', () => {
    // Another format is not a malformed data set but another kind of file: said in a sentence an administrator reads.
    expect(errorOf((d) => (d.format = 'technopark-dataset/2'))).toBe('This is not a technopark data set: the file\'s format is "technopark-dataset/2", expected technopark-dataset/1');
    expect(parseDataset({ format: 'technopark-dataset/2', park: {} })).toMatchObject({ ok: false, wrongFormat: 'technopark-dataset/2' });
    expect(errorOf((d) => (d.premises[0].kind = 'garage'))).toMatch(/^premises\[0\]\.kind: expected one of "office", /);
    expect(errorOf((d) => (d.kpiReports[0].year = 2015.5))).toBe('kpiReports[0].year: expected an integer');
    expect(errorOf((d) => (d.kpiReports[1].quarter = 5))).toBe('kpiReports[1].quarter: expected one of 1, 2, 3, 4');
    expect(errorOf((d) => (d.premises[1].areaM2 = '0'))).toBe('premises[1].areaM2: must be greater than zero');
    expect(errorOf((d) => (d.premises[1].areaM2 = '12345678901.00'))).toBe('premises[1].areaM2: at most 10 digits before the point');
    expect(errorOf((d) => (d.companies[0].inn = '4205123458'))).toMatch(/^companies\[0\]\.inn: INN check digits/);
    expect(errorOf((d) => delete (d.companies[0] as Partial<Sample['companies'][0]>).name)).toBe('companies[0].name: required');
    expect(parseDataset(null)).toEqual({ ok: false, error: 'This is not a technopark data set: the file names no format, expected technopark-dataset/1', wrongFormat: null });
    expect(parseDataset([])).toMatchObject({ ok: false, wrongFormat: null });
  });

  it('reports the first problem in document order', () => {
    expect(
      errorOf((d) => {
        d.kpiReports[0].capitalInvestmentRub = '2000000.00';
        d.leases[1].premises = 'u99';
        d.companies[1].key = 'c1';
      }),
    ).toBe('companies[1].key: duplicate key "c1"');
  });
});

describe('normalizeAmount', () => {
  it('writes two decimals and drops leading zeros', () => {
    expect(normalizeAmount('5610.5')).toEqual({ ok: true, value: '5610.50' });
    expect(normalizeAmount('007.5')).toEqual({ ok: true, value: '7.50' });
    expect(normalizeAmount(0)).toEqual({ ok: true, value: '0.00' });
    expect(normalizeAmount('-0.00')).toEqual({ ok: true, value: '0.00' });
    expect(normalizeAmount('9999999999999999.99')).toEqual({ ok: true, value: '9999999999999999.99' });
    expect(normalizeAmount(11000000000)).toEqual({ ok: true, value: '11000000000.00' });
  });
});
