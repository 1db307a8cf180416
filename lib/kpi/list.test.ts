import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { kpiReports } from '@/db/schema';
import { makeManager, makePark } from '@/lib/test/fixtures';
import { makeResident } from '@/lib/test/residents-fixtures';
import { KPI_LIST_PAGE_SIZE, listKpiReports } from './list';

describe("the park's list of KPI reports", () => {
  it('comes fifty at a time in its order (newest period first, the annual report before its quarters, then by company), forward and back, with no row repeated or skipped', async () => {
    const db = await getDb();
    const park = await makePark();
    const other = await makePark();
    const manager = await makeManager(park.id);
    const residents = [await makeResident(manager, park.id, { startOn: '2000-01-01' }), await makeResident(manager, park.id, { startOn: '2000-01-01' })];
    const rows = residents.flatMap((r) =>
      Array.from({ length: 30 }, (_, i) => 2001 + i).flatMap((year) =>
        [null, 1, 2].map((quarter) => ({ parkId: park.id, companyId: r.companyId, year, quarter, status: 'submitted' as const, version: 1, submittedAt: new Date() })),
      ),
    );
    await db.insert(kpiReports).values(rows);
    // Another park's and another state's reports are not in the list.
    const stranger = await makeResident(await makeManager(other.id), other.id, { startOn: '2000-01-01' });
    await db.insert(kpiReports).values({ parkId: other.id, companyId: stranger.companyId, year: 2030, quarter: null, status: 'submitted', version: 1 });
    await db.insert(kpiReports).values({ parkId: park.id, companyId: residents[0].companyId, year: 2031, quarter: null, status: 'accepted', version: 1 });

    const seen: string[] = [];
    const pages: Awaited<ReturnType<typeof listKpiReports>>[] = [];
    let after: string | undefined;
    do {
      const page = await listKpiReports(db, { actor: manager, parkId: park.id, status: 'submitted', page: { after } });
      expect(page.rows.length).toBeLessThanOrEqual(KPI_LIST_PAGE_SIZE);
      pages.push(page);
      seen.push(...page.rows.map((r) => `${r.year}|${r.quarter ?? 0}|${r.companyName}|${r.id}`));
      after = page.next ?? undefined;
    } while (after);
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 50, 30]);
    expect(seen).toHaveLength(rows.length);
    expect(new Set(seen).size).toBe(rows.length);
    // The order: year down, then the annual report (quarter 0) before quarters 1 and 2, then the company's name.
    const sorted = [...seen].sort((a, b) => {
      const [ya, qa, na] = a.split('|');
      const [yb, qb, nb] = b.split('|');
      return Number(yb) - Number(ya) || Number(qa) - Number(qb) || (na < nb ? -1 : na > nb ? 1 : 0);
    });
    expect(seen.map((s) => s.split('|').slice(0, 2).join('|'))).toEqual(sorted.map((s) => s.split('|').slice(0, 2).join('|')));
    expect(pages[0].previous).toBeNull();
    expect(pages.at(-1)!.next).toBeNull();

    // Back from the last page gives the third page again.
    const back = await listKpiReports(db, { actor: manager, parkId: park.id, status: 'submitted', page: { before: pages[3].previous! } });
    expect(back.rows.map((r) => r.id)).toEqual(pages[2].rows.map((r) => r.id));

    // One year only; a hand-edited cursor counts as none.
    const year = await listKpiReports(db, { actor: manager, parkId: park.id, status: 'submitted', year: 2010 });
    expect(year.rows.map((r) => [r.year, r.quarter])).toEqual([[2010, null], [2010, null], [2010, 1], [2010, 1], [2010, 2], [2010, 2]]);
    expect((await listKpiReports(db, { actor: manager, parkId: park.id, status: 'submitted', page: { after: 'not-a-cursor' } })).rows).toEqual(pages[0].rows);
  });
});
