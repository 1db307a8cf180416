import { describe, expect, it } from 'vitest';
import { buildIndicatorReport, computeIndicatorStatus, shownIndicatorStatus, type IndicatorInput } from './indicator-status';
import type { IndicatorValue } from './types';

/** Actuals for consecutive years from `firstYear`, then one target. */
function series(firstYear: number, actuals: number[], target?: [year: number, value: number]): IndicatorValue[] {
  const values: IndicatorValue[] = actuals.map((value, i) => ({ year: firstYear + i, kind: 'actual', value }));
  if (target) values.push({ year: target[0], kind: 'target', value: target[1] });
  return values;
}

// The ITC Tomsk concept (docs/reports.md, "Reference figures"): 2014–2016 actuals and the 2020 target.
const tomsk: IndicatorInput[] = [
  { key: 'jobs', name: 'High-productivity jobs', unit: 'thousand', direction: 'higher', values: series(2014, [120.6, 124.1, 114.8], [2020, 160]) },
  { key: 'rnd', name: 'Domestic R&D spending', unit: '% of GRP', direction: 'higher', values: series(2014, [2.3, 2.46, 2.08], [2020, 2.4]) },
  { key: 'fixed-investment', name: 'Investment in fixed assets', unit: '% of GRP', direction: 'higher', values: series(2014, [22.7, 22.8, 20.1], [2020, 27]) },
  { key: 'manufacturing', name: 'Manufacturing production index', unit: '% of previous year', direction: 'higher', values: series(2014, [102.2, 100.6, 101.8], [2020, 103.1]) },
  { key: 'publications', name: 'Publications per 100 researchers', unit: 'publications', direction: 'higher', values: series(2014, [21, 60, 75], [2020, 24]) },
  { key: 'private-investment', name: 'Private investment of SEZ residents', unit: 'bn RUB', direction: 'higher', values: series(2014, [1.25, 1.9, 2.2], [2020, 5]) },
  { key: 'goods', name: 'Goods and services of SEZ residents', unit: 'bn RUB', direction: 'higher', values: series(2014, [0.7, 2.24, 2.7], [2020, 9.7]) },
  // No figure for 2014: the series starts in 2015.
  { key: 'public-spaces', name: 'Public-space projects', unit: 'projects', direction: 'higher', values: series(2015, [2, 13], [2020, 15]) },
];

function tomskIndicator(key: string) {
  const indicator = tomsk.find((i) => i.key === key);
  if (!indicator) throw new Error(key);
  return computeIndicatorStatus(indicator);
}

describe('computeIndicatorStatus on the ITC Tomsk data', () => {
  // Hand computations: required = (target/latest)^(1/(2020−2016)) − 1,
  // so far = (latest/first)^(1/(2016−first year)) − 1, in percent.
  it('jobs: off track', () => {
    // required (160/114.8)^(1/4) − 1 = 1.39373^0.25 − 1 = 8.654%; so far (114.8/120.6)^(1/2) − 1 = −2.434%
    expect(tomskIndicator('jobs')).toEqual({
      latest: { year: 2016, value: 114.8 },
      target: { year: 2020, value: 160 },
      requiredGrowthPct: 8.65,
      growthSoFarPct: -2.43,
      status: 'off_track',
    });
  });

  it('R&D share: off track', () => {
    // (2.4/2.08)^(1/4) − 1 = 3.642%; (2.08/2.3)^(1/2) − 1 = −4.903%
    expect(tomskIndicator('rnd')).toMatchObject({ requiredGrowthPct: 3.64, growthSoFarPct: -4.9, status: 'off_track' });
  });

  it('fixed investment: off track', () => {
    // (27/20.1)^(1/4) − 1 = 7.657%; (20.1/22.7)^(1/2) − 1 = −5.901%
    expect(tomskIndicator('fixed-investment')).toMatchObject({ requiredGrowthPct: 7.66, growthSoFarPct: -5.9, status: 'off_track' });
  });

  it('manufacturing index: off track', () => {
    // (103.1/101.8)^(1/4) − 1 = 0.318%; (101.8/102.2)^(1/2) − 1 = −0.196%
    expect(tomskIndicator('manufacturing')).toMatchObject({ requiredGrowthPct: 0.32, growthSoFarPct: -0.2, status: 'off_track' });
  });

  it('publications: achieved (75 ≥ 24), growth still reported', () => {
    // (24/75)^(1/4) − 1 = −24.788%; (75/21)^(1/2) − 1 = 88.982%
    expect(tomskIndicator('publications')).toEqual({
      latest: { year: 2016, value: 75 },
      target: { year: 2020, value: 24 },
      requiredGrowthPct: -24.79,
      growthSoFarPct: 88.98,
      status: 'achieved',
    });
  });

  it('private investment: on track', () => {
    // (5/2.2)^(1/4) − 1 = 22.783%; (2.2/1.25)^(1/2) − 1 = 32.665%
    expect(tomskIndicator('private-investment')).toMatchObject({ requiredGrowthPct: 22.78, growthSoFarPct: 32.66, status: 'on_track' });
  });

  it('goods produced: on track', () => {
    // (9.7/2.7)^(1/4) − 1 = 37.674%; (2.7/0.7)^(1/2) − 1 = 96.396%
    expect(tomskIndicator('goods')).toMatchObject({ requiredGrowthPct: 37.67, growthSoFarPct: 96.4, status: 'on_track' });
  });

  it('public-space projects: on track, growth measured from 2015', () => {
    // (15/13)^(1/4) − 1 = 3.642%; (13/2)^(1/1) − 1 = 550%
    expect(tomskIndicator('public-spaces')).toEqual({
      latest: { year: 2016, value: 13 },
      target: { year: 2020, value: 15 },
      requiredGrowthPct: 3.64,
      growthSoFarPct: 550,
      status: 'on_track',
    });
  });
});

describe('computeIndicatorStatus, lower is better', () => {
  it('on track when the value falls faster than required', () => {
    // required (5/6)^(1/4) − 1 = −4.456%; so far (6/8)^(1/2) − 1 = −13.397%
    expect(computeIndicatorStatus({ direction: 'lower', values: series(2014, [8, 7, 6], [2020, 5]) })).toMatchObject({
      requiredGrowthPct: -4.46,
      growthSoFarPct: -13.4,
      status: 'on_track',
    });
  });

  it('off track when it falls too slowly', () => {
    // required (5/7)^(1/4) − 1 = −8.068%; so far (7/8)^(1/2) − 1 = −6.459%
    expect(computeIndicatorStatus({ direction: 'lower', values: series(2014, [8, 7.5, 7], [2020, 5]) })).toMatchObject({
      requiredGrowthPct: -8.07,
      growthSoFarPct: -6.46,
      status: 'off_track',
    });
  });

  it('off track when it rises', () => {
    expect(computeIndicatorStatus({ direction: 'lower', values: series(2014, [6, 7], [2020, 5]) }).status).toBe('off_track');
  });

  it('achieved at or below the target', () => {
    expect(computeIndicatorStatus({ direction: 'lower', values: series(2014, [8, 5], [2020, 5]) }).status).toBe('achieved');
    expect(computeIndicatorStatus({ direction: 'lower', values: series(2014, [8, 4.5], [2020, 5]) }).status).toBe('achieved');
  });

  it('a target of zero needs −100% a year, which no geometric decline reaches', () => {
    // required (0/2)^(1/4) − 1 = −100%; so far (2/4)^(1/1) − 1 = −50%
    expect(computeIndicatorStatus({ direction: 'lower', values: series(2015, [4, 2], [2020, 0]) })).toMatchObject({
      requiredGrowthPct: -100,
      growthSoFarPct: -50,
      status: 'off_track',
    });
  });
});

describe('computeIndicatorStatus without enough data', () => {
  it('no values at all', () => {
    expect(computeIndicatorStatus({ direction: 'higher', values: [] })).toEqual({
      latest: null,
      target: null,
      requiredGrowthPct: null,
      growthSoFarPct: null,
      status: 'no_data',
    });
  });

  it('a target but no actual', () => {
    expect(computeIndicatorStatus({ direction: 'higher', values: [{ year: 2020, kind: 'target', value: 10 }] })).toEqual({
      latest: null,
      target: { year: 2020, value: 10 },
      requiredGrowthPct: null,
      growthSoFarPct: null,
      status: 'no_data',
    });
  });

  it('actuals but no target: growth so far is reported, the status is no_data', () => {
    // (3/2.5)^(1/4) − 1 = 4.664%
    expect(computeIndicatorStatus({ direction: 'higher', values: series(2012, [2.5, 2.6, 2.7, 2.8, 3]) })).toEqual({
      latest: { year: 2016, value: 3 },
      target: null,
      requiredGrowthPct: null,
      growthSoFarPct: 4.66,
      status: 'no_data',
    });
  });

  it('one actual short of the target: no_data, with the required growth', () => {
    // (10/5)^(1/4) − 1 = 18.921%
    expect(computeIndicatorStatus({ direction: 'higher', values: series(2016, [5], [2020, 10]) })).toEqual({
      latest: { year: 2016, value: 5 },
      target: { year: 2020, value: 10 },
      requiredGrowthPct: 18.92,
      growthSoFarPct: null,
      status: 'no_data',
    });
  });

  it('one actual that already meets the target: achieved', () => {
    expect(computeIndicatorStatus({ direction: 'higher', values: series(2016, [12], [2020, 10]) })).toMatchObject({
      growthSoFarPct: null,
      status: 'achieved',
    });
  });
});

describe('computeIndicatorStatus edge cases', () => {
  it('a target year already reached but not the target: off track, no required growth', () => {
    expect(computeIndicatorStatus({ direction: 'higher', values: series(2014, [1, 2, 3], [2016, 4]) })).toMatchObject({
      requiredGrowthPct: null,
      growthSoFarPct: 73.21, // (3/1)^(1/2) − 1 = 73.205%
      status: 'off_track',
    });
    expect(computeIndicatorStatus({ direction: 'higher', values: series(2014, [1, 2, 3], [2015, 4]) }).status).toBe('off_track');
  });

  it('a target year already passed and the target met: achieved', () => {
    expect(computeIndicatorStatus({ direction: 'higher', values: series(2014, [1, 2, 5], [2015, 4]) }).status).toBe('achieved');
  });

  it('the latest target year counts, not the nearest', () => {
    const values = [...series(2014, [1, 2]), { year: 2018, kind: 'target', value: 3 }, { year: 2020, kind: 'target', value: 100 }] satisfies IndicatorValue[];
    // 2020: (100/2)^(1/5) − 1 = 118.67% a year needed against 100% so far; the 2018 target alone would be on track.
    expect(computeIndicatorStatus({ direction: 'higher', values })).toMatchObject({
      target: { year: 2020, value: 100 },
      requiredGrowthPct: 118.67,
      growthSoFarPct: 100,
      status: 'off_track',
    });
  });

  it('a first value of zero: no growth so far, off track', () => {
    expect(computeIndicatorStatus({ direction: 'higher', values: series(2014, [0, 2, 5], [2020, 10]) })).toMatchObject({
      requiredGrowthPct: 18.92,
      growthSoFarPct: null,
      status: 'off_track',
    });
  });

  it('a latest value of zero: no required growth, off track', () => {
    expect(computeIndicatorStatus({ direction: 'higher', values: series(2014, [3, 1, 0], [2020, 2]) })).toMatchObject({
      requiredGrowthPct: null,
      growthSoFarPct: -100,
      status: 'off_track',
    });
  });

  it('negative values: no growth rates, off track, and no NaN anywhere', () => {
    const result = computeIndicatorStatus({ direction: 'higher', values: series(2014, [-5, -3, -2], [2020, 1]) });
    expect(result).toMatchObject({ requiredGrowthPct: null, growthSoFarPct: null, status: 'off_track' });
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  it('growth exactly equal to the required growth is on track despite float noise', () => {
    // so far 64^(1/3) − 1 = 3 (a double gives 2.9999999999999996); required 256/64 − 1 = 3
    expect(computeIndicatorStatus({ direction: 'higher', values: [...series(2013, [1]), ...series(2016, [64], [2017, 256])] })).toMatchObject({
      requiredGrowthPct: 300,
      growthSoFarPct: 300,
      status: 'on_track',
    });
  });

  it('reads unsorted values; the last value listed for a year wins; non-finite values are ignored', () => {
    const values: IndicatorValue[] = [
      { year: 2020, kind: 'target', value: 160 },
      { year: 2016, kind: 'actual', value: 999 },
      { year: 2015, kind: 'actual', value: 124.1 },
      { year: 2016, kind: 'actual', value: 114.8 },
      { year: 2017, kind: 'actual', value: Number.NaN },
      { year: 2014, kind: 'actual', value: 120.6 },
    ];
    expect(computeIndicatorStatus({ direction: 'higher', values })).toEqual(tomskIndicator('jobs'));
  });
});

describe('buildIndicatorReport', () => {
  it('builds the technopark-indicators/1 report of the Tomsk programme', () => {
    const report = buildIndicatorReport({ key: 'itc-tomsk', name: 'ITC Tomsk concept' }, tomsk);
    expect(report.format).toBe('technopark-indicators/1');
    expect(report.programme).toEqual({ key: 'itc-tomsk', name: 'ITC Tomsk concept' });
    expect(report.indicators.map((i) => [i.key, i.status])).toEqual([
      ['jobs', 'off_track'],
      ['rnd', 'off_track'],
      ['fixed-investment', 'off_track'],
      ['manufacturing', 'off_track'],
      ['publications', 'achieved'],
      ['private-investment', 'on_track'],
      ['goods', 'on_track'],
      ['public-spaces', 'on_track'],
    ]);
    expect(report.indicators[0]).toEqual({
      key: 'jobs',
      name: 'High-productivity jobs',
      unit: 'thousand',
      direction: 'higher',
      latest: { year: 2016, value: 114.8 },
      target: { year: 2020, value: 160 },
      requiredGrowthPct: 8.65,
      growthSoFarPct: -2.43,
      status: 'off_track',
    });
  });

  it('keeps only the fields of technopark-indicators/1', () => {
    const report = buildIndicatorReport({ key: 'p', name: 'P', extra: 1 } as { key: string; name: string }, [
      { key: 'i', name: 'I', unit: 'u', direction: 'higher', values: [] },
    ]);
    expect(Object.keys(report.programme)).toEqual(['key', 'name']);
    expect(Object.keys(report.indicators[0]).sort()).toEqual(
      ['key', 'name', 'unit', 'direction', 'latest', 'target', 'requiredGrowthPct', 'growthSoFarPct', 'status'].sort(),
    );
    expect(report.indicators[0]).not.toHaveProperty('values');
  });
});

describe('shownIndicatorStatus: what the page says once the target year is over', () => {
  it('a target year past without an actual for it is "no data for the target year", whatever the trend; the report keeps the trend', () => {
    const investment = tomskIndicator('private-investment');
    expect(investment.status).toBe('on_track');
    expect(shownIndicatorStatus(investment, 2026)).toBe('target_year_no_data');
    expect(shownIndicatorStatus(tomskIndicator('jobs'), 2026)).toBe('target_year_no_data');
    // Before the target year is over the trend stands, and an achieved target stays achieved.
    expect(shownIndicatorStatus(investment, 2020)).toBe('on_track');
    expect(shownIndicatorStatus(investment, 2019)).toBe('on_track');
    expect(shownIndicatorStatus(tomskIndicator('publications'), 2026)).toBe('achieved');
    // An actual for the target year: the report's own status (off track: the deadline came, not met).
    const reached = computeIndicatorStatus({ direction: 'higher', values: series(2014, [1, 2, 3, 4, 4.5, 4.6, 4.7], [2020, 5]) });
    expect(shownIndicatorStatus(reached, 2026)).toBe(reached.status);
    expect(shownIndicatorStatus(computeIndicatorStatus({ direction: 'higher', values: series(2014, [1]) }), 2026)).toBe('no_data');
  });
});
