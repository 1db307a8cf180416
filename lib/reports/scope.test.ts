import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { getParkBySlug, type ParkDto } from '@/lib/parks/parks';
import { codeOf } from '@/lib/test/code-of';
import { makeAnalyst, makeManager } from '@/lib/test/fixtures';
import { insertDataset } from '@/lib/test/insert-dataset';
import { fixtureDataset } from '@/lib/test/summary-fixture';
import { getParkAnalytics } from './analytics/park-analytics';
import { getReportYears } from './report-years';
import { parkScope, reportScope, type ReportScope } from './scope';
import { getParkSummary } from './summary';

const cli = systemActor('cli');
const slug = 'scope-main';
let park: ParkDto;
let other: ParkDto;

beforeAll(async () => {
  const db = await getDb();
  await insertDataset(db, fixtureDataset(slug));
  await insertDataset(db, fixtureDataset('scope-other'));
  park = await getParkBySlug(db, { actor: cli, slug });
  other = await getParkBySlug(db, { actor: cli, slug: 'scope-other' });
});

describe('a report scope resolved once', () => {
  it('gives every report the figures it gives when named by slug', async () => {
    const db = await getDb();
    const scope = await parkScope(db, { actor: cli, park, from: 2015, to: 2016 });
    expect(scope).toMatchObject({ park, from: 2015, to: 2016, firstDay: '2015-01-01', lastDay: '2016-12-31' });
    const bySlug = { actor: cli, parkSlug: slug, from: 2015, to: 2016 };
    expect(await getParkAnalytics(db, { scope })).toEqual(await getParkAnalytics(db, bySlug));
    expect(await getParkSummary(db, { scope, locale: 'ru' })).toEqual(await getParkSummary(db, { ...bySlug, locale: 'ru' }));
    expect(await getReportYears(db, { actor: cli, park })).toEqual(await getReportYears(db, { actor: cli, parkSlug: slug }));
  });

  it('decides report.read on the park the caller read: another park’s looks missing', async () => {
    const db = await getDb();
    const manager = await makeManager(park.id);
    const analyst = await makeAnalyst(other.id);
    expect(await parkScope(db, { actor: manager, park, from: 2015, to: 2016 })).toMatchObject({ park });
    for (const actor of [manager, analyst] as Actor[]) {
      const outsider = actor === manager ? other : park;
      expect(await codeOf(parkScope(db, { actor, park: outsider, from: 2015, to: 2016 }))).toBe('NOT_FOUND');
      expect(await codeOf(getReportYears(db, { actor, park: outsider }))).toBe('NOT_FOUND');
    }
    expect(await codeOf(parkScope(db, { actor: cli, park, from: 2016, to: 2015 }))).toBe('VALIDATION');
  });

  it('is checked again by every report that takes it: a scope made up for another actor is refused', async () => {
    const db = await getDb();
    const real = await parkScope(db, { actor: cli, park, from: 2015, to: 2016 });
    const outsider = await makeManager(other.id);
    const forged = { ...real, actor: outsider } as ReportScope;
    expect(await codeOf(reportScope(db, { scope: forged }))).toBe('NOT_FOUND');
    expect(await codeOf(getParkAnalytics(db, { scope: forged }))).toBe('NOT_FOUND');
    expect(await codeOf(getParkSummary(db, { scope: forged }))).toBe('NOT_FOUND');
    expect(await codeOf(getParkSummary(db, { scope: { ...real, to: 2014 } as ReportScope }))).toBe('VALIDATION');
    expect(Object.isFrozen(real)).toBe(true);
  });
});
