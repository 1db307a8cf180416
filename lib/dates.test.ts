import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateSchema } from '@/lib/validation/periods';
import { datasetSchema } from '@/lib/validation/dataset';
import { addDays, dateOf, DEFAULT_TIME_ZONE, isRealDate, isTimeZone, localMoment, todayIso, zonedMoment, zoneLabel, zoneOr } from './dates';

describe('calendar dates', () => {
  it('knows which days exist', () => {
    for (const day of ['2024-02-29', '2000-02-29', '2023-12-31', '0001-01-01']) expect(isRealDate(day), day).toBe(true);
    for (const day of ['2023-02-29', '1900-02-29', '2015-04-31', '2014-13-01', '2014-00-10', '2014-01-00', '2007-6-27', ' 2024-01-01', '2024-01-01T00:00', '']) {
      expect(isRealDate(day), day).toBe(false);
    }
  });

  it('agrees with the calendar for every day of four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2200, 11, 31) }), (ms) => {
        const day = new Date(ms).toISOString().slice(0, 10);
        expect(isRealDate(day)).toBe(true);
        expect(addDays(addDays(day, 40), -40)).toBe(day);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const real = new Date(`${day}T00:00:00Z`);
        expect(isRealDate(day)).toBe(!Number.isNaN(real.getTime()) && real.toISOString().slice(0, 10) === day);
      }),
    );
  });

  it('the forms and the data set refuse the same dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 28, max: 31 }), (y, m, d) => {
        const day = `${y}-${String(m).padStart(2, '0')}-${d}`;
        const park = { slug: 'p1', name: 'P', region: 'R', type: 'mixed', landAreaHa: null, foundedOn: day };
        const inDataset = datasetSchema.safeParse({ format: 'technopark-dataset/1', park }).success;
        expect(dateSchema.safeParse(day).success).toBe(isRealDate(day));
        expect(inDataset).toBe(isRealDate(day));
      }),
    );
  });

  it('today is the working day in the zone asked for, the installation’s by default', () => {
    // 22:30 UTC on 31 December is already 1 January in Moscow (UTC+3).
    expect(todayIso(DEFAULT_TIME_ZONE, new Date('2025-12-31T22:30:00Z'))).toBe('2026-01-01');
    expect(todayIso(DEFAULT_TIME_ZONE, new Date('2025-12-31T20:30:00Z'))).toBe('2025-12-31');
    // 18:30 UTC on 31 March is 1 April in Tomsk and Kemerovo (UTC+7), still 31 March in Moscow.
    const evening = new Date('2026-03-31T18:30:00Z');
    expect(todayIso('Asia/Tomsk', evening)).toBe('2026-04-01');
    expect(todayIso('Asia/Novokuznetsk', evening)).toBe('2026-04-01');
    expect(todayIso('Europe/Moscow', evening)).toBe('2026-03-31');
    expect(dateOf(evening, 'UTC')).toBe('2026-03-31');
  });
});

describe('zones', () => {
  it('knows the IANA zones of this runtime and nothing else', () => {
    for (const zone of ['Europe/Moscow', 'Asia/Tomsk', 'Asia/Novokuznetsk', 'UTC']) expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ['Mars/Olympus', 'MSK', 'GMT+7', 'asia/tomsk', '', ' Asia/Tomsk', null, 7]) expect(isTimeZone(zone), String(zone)).toBe(false);
    expect(zoneOr(null, undefined, 'Asia/Tomsk')).toBe('Asia/Tomsk');
    expect(zoneOr(null)).toBe(DEFAULT_TIME_ZONE);
  });

  it('names a zone by its offset as people read it after a time', () => {
    expect(zoneLabel('Asia/Tomsk')).toBe('GMT+7');
    expect(zoneLabel('Europe/Moscow')).toBe('GMT+3');
  });
});

describe('localMoment and zonedMoment', () => {
  it('shows a moment on a zone’s clock as a datetime field does', () => {
    expect(localMoment(new Date('2026-03-01T11:05:00Z'))).toBe('2026-03-01T14:05');
    expect(localMoment(new Date('2026-12-31T21:30:00Z'))).toBe('2027-01-01T00:30');
    expect(localMoment(new Date('2026-03-31T18:30:00Z'), 'Asia/Tomsk')).toBe('2026-04-01T01:30');
  });

  it('reads a datetime field typed in a zone as the instant it names there, and back', () => {
    expect(zonedMoment('2026-04-01T01:30', 'Asia/Tomsk').toISOString()).toBe('2026-03-31T18:30:00.000Z');
    expect(zonedMoment('2026-04-01T01:30', 'Europe/Moscow').toISOString()).toBe('2026-03-31T22:30:00.000Z');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }), fc.constantFrom('Asia/Tomsk', 'Europe/Moscow', 'UTC', 'Asia/Novokuznetsk'), (d, zone) => {
        const minute = new Date(Math.floor(d.getTime() / 60_000) * 60_000);
        expect(zonedMoment(localMoment(minute, zone), zone).getTime()).toBe(minute.getTime());
      }),
    );
    expect(() => zonedMoment('2026-04-01 01:30', 'Asia/Tomsk')).toThrow(RangeError);
  });
});
