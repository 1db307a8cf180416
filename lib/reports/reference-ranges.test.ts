import { describe, expect, it } from 'vitest';
import { parkProfile, placeInRange, REFERENCE_RANGES } from './reference-ranges';

describe('REFERENCE_RANGES', () => {
  it('holds the figures of docs/reports.md ("Parks abroad")', () => {
    const byCountry = Object.fromEntries(REFERENCE_RANGES.map((r) => [r.country, r]));
    expect(byCountry.de).toEqual({ country: 'de', parks: 360, residentsPerPark: { min: 54, max: 1350 }, areaPerParkThousandM2: { min: 7.4, max: 80 }, paybackYears: { min: 10, max: 12 } });
    expect(byCountry.fr.paybackYears).toEqual({ min: 10, max: 15 });
    expect(byCountry.fi.areaPerParkThousandM2).toEqual({ min: 20, max: 20, approx: true });
    expect(byCountry.cn.residentsPerPark).toEqual({ min: 40, max: 3600 });
    expect(byCountry.ru).toMatchObject({ parks: 125, residentsPerPark: { min: 4, max: 212 }, areaPerParkThousandM2: { min: 4.3, max: 353.1 }, paybackYears: null });
  });
});

describe('placeInRange', () => {
  it('includes both bounds', () => {
    expect(placeInRange(54, { min: 54, max: 1350 })).toBe('within');
    expect(placeInRange(1350, { min: 54, max: 1350 })).toBe('within');
    expect(placeInRange(53, { min: 54, max: 1350 })).toBe('below');
    expect(placeInRange(1351, { min: 54, max: 1350 })).toBe('above');
    expect(placeInRange(20, { min: 20, max: 20, approx: true })).toBe('within');
    expect(placeInRange(16.5, { min: 20, max: 20, approx: true })).toBe('below');
  });

  it('is null without a value or a range', () => {
    expect(placeInRange(null, { min: 1, max: 2 })).toBeNull();
    expect(placeInRange(7, null)).toBeNull();
    expect(placeInRange(Number.NaN, { min: 1, max: 2 })).toBeNull();
  });
});

describe('parkProfile', () => {
  it('takes residents at the end, area in thousand m² and years from founding to payback', () => {
    // Kuzbass 2010–2016: 28 residents, 16 500 m², founded 2007, payback 2014 → 7 years.
    expect(parkProfile({ residentsAtEnd: 28, area: { totalM2: '16500.00' }, foundedOn: '2007-06-27', paybackYear: 2014 })).toEqual({
      residents: 28,
      areaThousandM2: 16.5,
      paybackYears: 7,
    });
  });

  it('has no payback years without a founding date or a payback', () => {
    expect(parkProfile({ residentsAtEnd: 4, area: { totalM2: '971.80' }, foundedOn: null, paybackYear: 2014 }).paybackYears).toBeNull();
    expect(parkProfile({ residentsAtEnd: 4, area: { totalM2: '971.80' }, foundedOn: '2010-01-01', paybackYear: null }).paybackYears).toBeNull();
  });
});
