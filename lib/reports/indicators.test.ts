import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { tomskDataset } from '@/lib/demo/dataset';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { codeOf } from '@/lib/test/code-of';
import { makeAdmin, makeAnalyst, makeApplicant, makeExpert, makeManager } from '@/lib/test/fixtures';
import { importDemoPark, insertDataset } from '@/lib/test/insert-dataset';
import { fixtureDataset } from '@/lib/test/summary-fixture';
import { getIndicatorReport, listProgrammes } from './indicators';

const cli = systemActor('cli');
const data = tomskDataset();
const programmeKey = 'itc-tomsk-2020';

let parkId: string;
let otherParkId: string;

beforeAll(async () => {
  const db = await getDb();
  parkId = await importDemoPark(db, data);
  otherParkId = await insertDataset(db, fixtureDataset('other-park'));
});

describe('getIndicatorReport', () => {
  it('gives the ITC Tomsk statuses of the domain document', async () => {
    const db = await getDb();
    const report = await getIndicatorReport(db, { actor: cli, parkSlug: data.park.slug, programmeKey });
    expect(report.format).toBe('technopark-indicators/1');
    expect(report.programme).toEqual({ key: programmeKey, name: 'ITC Tomsk concept 2020' });
    const status = Object.fromEntries(report.indicators.map((i) => [i.key, i.status]));
    expect(report.indicators.map((i) => i.key)).toEqual(data.programmes[0].indicators.map((i) => i.key));
    const byName = (fragment: string) => report.indicators.find((i) => i.name.toLowerCase().includes(fragment))!;
    expect(byName('high-productivity jobs').status).toBe('off_track');
    expect(byName('r&d').status).toBe('off_track');
    expect(byName('fixed assets').status).toBe('off_track');
    expect(byName('manufacturing').status).toBe('off_track');
    expect(byName('publications').status).toBe('achieved');
    expect(byName('private investment').status).toBe('on_track');
    expect(byName('goods and services').status).toBe('on_track');
    expect(byName('public-space').status).toBe('on_track');
    expect(Object.values(status).filter((s) => s === 'off_track')).toHaveLength(4);
  });

  it('reads the series exactly as stored', async () => {
    const db = await getDb();
    const report = await getIndicatorReport(db, { actor: cli, parkSlug: data.park.slug, programmeKey });
    const rnd = report.indicators.find((i) => i.name.toLowerCase().includes('r&d'))!;
    expect(rnd.latest).toEqual({ year: 2016, value: 2.08 });
    expect(rnd.target).toEqual({ year: 2020, value: 2.4 });
    // (2.4 / 2.08)^(1/4) − 1 = 3.64 %; (2.08 / 2.3)^(1/2) − 1 = −4.90 %.
    expect(rnd.requiredGrowthPct).toBe(3.64);
    expect(rnd.growthSoFarPct).toBe(-4.9);
    const spaces = report.indicators.find((i) => i.name.toLowerCase().includes('public-space'))!;
    // 2 → 13 in one year: 550 %; 13 → 15 in four years: 3.64 %.
    expect(spaces.growthSoFarPct).toBe(550);
    expect(spaces.requiredGrowthPct).toBe(3.64);
  });

  it('says "not found" for a programme of another park or none', async () => {
    const db = await getDb();
    expect(await codeOf(getIndicatorReport(db, { actor: cli, parkSlug: 'other-park', programmeKey }))).toBe('NOT_FOUND');
    expect(await codeOf(getIndicatorReport(db, { actor: cli, parkSlug: data.park.slug, programmeKey: 'nope' }))).toBe('NOT_FOUND');
    expect(await codeOf(getIndicatorReport(db, { actor: cli, parkSlug: data.park.slug, programmeKey: '' }))).toBe('VALIDATION');
  });

  it('lets managers, analysts of the park, admins and its token read; refuses the others', async () => {
    const db = await getDb();
    const read = (actor: Actor) => codeOf(getIndicatorReport(db, { actor, parkSlug: data.park.slug, programmeKey }));
    expect(await read(await makeManager(parkId))).toBe('OK');
    expect(await read(await makeAnalyst(parkId))).toBe('OK');
    expect(await read(await makeAdmin())).toBe('OK');
    expect(await read({ type: 'apiToken', tokenId: crypto.randomUUID(), parkId, name: 't' })).toBe('OK');
    expect(await read(await makeAnalyst(otherParkId))).toBe('NOT_FOUND');
    expect(await read(await makeExpert(parkId))).toBe('NOT_FOUND');
    expect(await read(await makeApplicant())).toBe('NOT_FOUND');
    expect(await read({ type: 'apiToken', tokenId: crypto.randomUUID(), parkId: otherParkId, name: 't' })).toBe('NOT_FOUND');
  });
});

describe('listProgrammes', () => {
  it('lists the park’s programmes with their indicator counts, and nothing of other parks', async () => {
    const db = await getDb();
    expect(await listProgrammes(db, { actor: cli, parkSlug: data.park.slug })).toEqual([
      { key: programmeKey, name: 'ITC Tomsk concept 2020', indicatorCount: 8 },
    ]);
    expect(await listProgrammes(db, { actor: cli, parkSlug: 'other-park' })).toEqual([]);
    expect(await codeOf(listProgrammes(db, { actor: await makeAnalyst(otherParkId), parkSlug: data.park.slug }))).toBe('NOT_FOUND');
  });
});
