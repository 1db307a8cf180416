import { describe, expect, it } from 'vitest';
import { openingPeriod, periodPresets, readPeriod } from './period';

describe('the period a report opens on', () => {
  it('is the last seven complete years when last year’s results are in', () => {
    expect(openingPeriod(2026, { first: 2005, last: 2026, lastReported: 2025 })).toEqual({ from: 2019, to: 2025 });
  });

  it('ends at the last year with results when later ones are not in yet', () => {
    // The Kuzbass demo: records to 2026, accepted annual reports to 2018.
    expect(openingPeriod(2026, { first: 2008, last: 2026, lastReported: 2018 })).toEqual({ from: 2012, to: 2018 });
    // Early in the year, last year's reports are still coming in.
    expect(openingPeriod(2026, { first: 2015, last: 2026, lastReported: 2024 })).toEqual({ from: 2018, to: 2024 });
    // A young park: not before its first record.
    expect(openingPeriod(2026, { first: 2021, last: 2026, lastReported: 2023 })).toEqual({ from: 2021, to: 2023 });
  });

  it('is the last seven complete years without any results or records', () => {
    expect(openingPeriod(2026, { first: 2024, last: 2026, lastReported: null })).toEqual({ from: 2019, to: 2025 });
    expect(openingPeriod(2026, null)).toEqual({ from: 2019, to: 2025 });
  });

  it('is one of the presets offered, so the picker marks it', () => {
    const years = { first: 2008, last: 2026, lastReported: 2018 };
    const opening = openingPeriod(2026, years);
    expect(periodPresets(2026, years).some((p) => p.from === opening.from && p.to === opening.to)).toBe(true);
  });
});

describe('a period from the address', () => {
  const fallback = { from: 2019, to: 2025 };
  it('is read when valid; otherwise the fallback is shown and what was wrong is said', () => {
    expect(readPeriod({ from: '2010', to: '2016' }, fallback)).toEqual({ period: { from: 2010, to: 2016 }, invalid: null });
    expect(readPeriod({}, fallback)).toEqual({ period: fallback, invalid: null });
    expect(readPeriod({ from: '2025', to: '2019' }, fallback)).toEqual({ period: fallback, invalid: { kind: 'reversed', from: 2025, to: 2019 } });
    expect(readPeriod({ from: '1900', to: '2100' }, fallback)).toEqual({ period: fallback, invalid: { kind: 'tooLong', max: 100 } });
    expect(readPeriod({ from: 'abc', to: '2016' }, fallback)).toEqual({ period: fallback, invalid: { kind: 'notYears' } });
    expect(readPeriod({ to: '2016' }, fallback)).toEqual({ period: fallback, invalid: { kind: 'notYears' } });
  });
});
