import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, indicatorValues } from '@/db/schema';
import { makeAnalyst, makeManager, makePark } from '@/lib/test/fixtures';
import { addIndicator, createProgramme, getProgrammeGrid, listParkProgrammes, saveIndicatorValues } from './programmes';

describe('indicator programmes', () => {
  it('creates a programme with indicators, saves the grid, and shows each indicator’s status', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const programme = await createProgramme(db, { actor: manager, input: { parkId: park.id, key: 'tomsk', name: 'ITC Tomsk concept' } });
    await expect(createProgramme(db, { actor: manager, input: { parkId: park.id, key: 'tomsk', name: 'Again' } })).rejects.toMatchObject({ code: 'CONFLICT', fieldErrors: { key: ['keyTaken'] } });
    const jobs = await addIndicator(db, { actor: manager, input: { parkId: park.id, programmeId: programme.id, key: 'jobs', name: 'High-productivity jobs', unit: 'thousand', direction: 'higher' } });
    const pubs = await addIndicator(db, { actor: manager, input: { parkId: park.id, programmeId: programme.id, key: 'pubs', name: 'Publications per 100 researchers', unit: 'count', direction: 'higher' } });
    await expect(addIndicator(db, { actor: manager, input: { parkId: park.id, programmeId: programme.id, key: 'jobs', name: 'x', unit: 'x', direction: 'lower' } })).rejects.toMatchObject({ code: 'CONFLICT' });

    const cell = (indicatorId: string, year: number, kind: 'actual' | 'target', value: string) => ({ indicatorId, year, kind, value });
    const result = await saveIndicatorValues(db, {
      actor: manager,
      input: {
        parkId: park.id,
        programmeId: programme.id,
        cells: [
          cell(jobs.id, 2014, 'actual', '120,6'),
          cell(jobs.id, 2015, 'actual', '124.1'),
          cell(jobs.id, 2016, 'actual', '114.8'),
          cell(jobs.id, 2020, 'target', '160'),
          cell(pubs.id, 2014, 'actual', '21'),
          cell(pubs.id, 2015, 'actual', '60'),
          cell(pubs.id, 2016, 'actual', '75'),
          cell(pubs.id, 2020, 'target', '24'),
          cell(pubs.id, 2017, 'actual', ''),
        ],
      },
    });
    expect(result).toEqual({ set: 8, removed: 0, unchanged: 0 });

    const grid = await getProgrammeGrid(db, { actor: manager, parkId: park.id, key: 'tomsk' });
    expect(grid.years).toEqual([2014, 2015, 2016, 2020]);
    expect(grid.indicators.map((i) => [i.key, i.values['2014:actual'], i.values['2020:target'], i.status])).toEqual([
      // jobs: 114.8 < 160; needed (160/114.8)^(1/4) − 1 = 8.65 %/yr, achieved so far (114.8/120.6)^(1/2) − 1 = −2.43 %/yr
      ['jobs', '120.6', '160', 'off_track'],
      // publications: 75 ≥ 24
      ['pubs', '21', '24', 'achieved'],
    ]);
    expect(grid.indicators[0].requiredGrowthPct).toBe(8.65);
    expect(grid.indicators[0].growthSoFarPct).toBe(-2.43);

    // the same grid again changes nothing; clearing a cell removes the value
    const again = await saveIndicatorValues(db, {
      actor: manager,
      input: { parkId: park.id, programmeId: programme.id, cells: [cell(jobs.id, 2014, 'actual', '120.60'), cell(jobs.id, 2016, 'actual', ''), cell(pubs.id, 2020, 'target', '25')] },
    });
    expect(again).toEqual({ set: 1, removed: 1, unchanged: 1 });
    const after = await getProgrammeGrid(db, { actor: manager, parkId: park.id, key: 'tomsk' });
    expect(after.indicators[0].values['2016:actual']).toBeUndefined();
    expect(after.indicators[1].values['2020:target']).toBe('25');
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, programme.id));
    expect(audit.map((a) => a.action)).toEqual(['programme.create', 'indicator.values', 'indicator.values']);

    expect(await listParkProgrammes(db, { actor: await makeAnalyst(park.id), parkId: park.id })).toEqual([{ id: programme.id, key: 'tomsk', name: 'ITC Tomsk concept', indicatorCount: 2 }]);
  });

  it('refuses bad values, foreign indicators and readers, writing nothing', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const programme = await createProgramme(db, { actor: manager, input: { parkId: park.id, key: 'p1', name: 'P1' } });
    const other = await createProgramme(db, { actor: manager, input: { parkId: park.id, key: 'p2', name: 'P2' } });
    const foreign = await addIndicator(db, { actor: manager, input: { parkId: park.id, programmeId: other.id, key: 'x', name: 'X', unit: '%', direction: 'lower' } });
    const own = await addIndicator(db, { actor: manager, input: { parkId: park.id, programmeId: programme.id, key: 'y', name: 'Y', unit: '%', direction: 'higher' } });
    const save = (cells: unknown[], actor = manager) => saveIndicatorValues(db, { actor, input: { parkId: park.id, programmeId: programme.id, cells } as never });
    await expect(save([{ indicatorId: own.id, year: 2020, kind: 'actual', value: 'abc' }])).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(save([{ indicatorId: own.id, year: 2020, kind: 'actual', value: '1e5' }])).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(save([{ indicatorId: own.id, year: 20016, kind: 'actual', value: '1' }])).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(save([{ indicatorId: own.id, year: 2020, kind: 'actual', value: '1' }, { indicatorId: foreign.id, year: 2020, kind: 'actual', value: '1' }])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(save([{ indicatorId: own.id, year: 2020, kind: 'actual', value: '1' }], await makeAnalyst(park.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const otherPark = await makePark();
    await expect(save([{ indicatorId: own.id, year: 2020, kind: 'actual', value: '1' }], await makeManager(otherPark.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getProgrammeGrid(db, { actor: await makeManager(otherPark.id), parkId: otherPark.id, key: 'p1' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, own.id))).toHaveLength(0);
  });
});
