import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, budgetFunding } from '@/db/schema';
import { makeAnalyst, makeManager, makePark } from '@/lib/test/fixtures';
import { budgetTotals, createBudgetEntry, deleteBudgetEntry, listBudgetFunding, updateBudgetEntry } from './budget';

describe('budget funding register', () => {
  it('adds, edits and deletes entries; totals by source and year are summed from them', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const add = (year: number, source: 'federal' | 'regional' | 'municipal' | 'extrabudgetary', amountRub: string, document?: string) =>
      createBudgetEntry(db, { actor: manager, input: { parkId: park.id, year, source, amountRub, document } });
    const a = await add(2015, 'federal', '412 900 000', 'Agreement 01-15/F');
    await add(2015, 'regional', '300000000,10');
    await add(2016, 'regional', '207399999.90', 'Regional law 45-OZ');
    const d = await add(2016, 'municipal', '5.55');
    expect(a).toMatchObject({ year: 2015, source: 'federal', amountRub: '412900000.00', document: 'Agreement 01-15/F' });

    // by hand: 2015 = 412,900,000.00 + 300,000,000.10 = 712,900,000.10; 2016 = 207,399,999.90 + 5.55 = 207,400,005.45
    let totals = await budgetTotals(db, { actor: manager, parkId: park.id });
    expect(totals.totalRub).toBe('920300005.55');
    expect(totals.bySource).toEqual([
      { source: 'federal', amountRub: '412900000.00' },
      { source: 'regional', amountRub: '507400000.00' },
      { source: 'municipal', amountRub: '5.55' },
    ]);
    expect(totals.byYear).toEqual([
      { year: 2016, totalRub: '207400005.45', bySource: { regional: '207399999.90', municipal: '5.55' } },
      { year: 2015, totalRub: '712900000.10', bySource: { federal: '412900000.00', regional: '300000000.10' } },
    ]);

    await updateBudgetEntry(db, { actor: manager, input: { id: d.id, parkId: park.id, year: 2016, source: 'extrabudgetary', amountRub: '4.45', document: 'Sponsor letter' } });
    await deleteBudgetEntry(db, { actor: manager, input: { parkId: park.id, id: a.id } });
    totals = await budgetTotals(db, { actor: manager, parkId: park.id });
    expect(totals.totalRub).toBe('507400004.45');
    expect((await listBudgetFunding(db, { actor: manager, parkId: park.id })).map((e) => [e.year, e.source, e.amountRub, e.document])).toEqual([
      [2016, 'regional', '207399999.90', 'Regional law 45-OZ'],
      [2016, 'extrabudgetary', '4.45', 'Sponsor letter'],
      [2015, 'regional', '300000000.10', null],
    ]);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.parkId, park.id), eq(auditLog.entity, 'budget_funding')));
    expect(audit.map((e) => e.action).sort()).toEqual(['budget.create', 'budget.create', 'budget.create', 'budget.create', 'budget.delete', 'budget.update']);
  });

  it('refuses bad amounts and years, other parks and other roles, writing nothing', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const entry = await createBudgetEntry(db, { actor: manager, input: { parkId: park.id, year: 2020, source: 'federal', amountRub: '100' } });
    const bad: [Record<string, unknown>, string, string][] = [
      [{ amountRub: '-1' }, 'amountRub', 'negativeAmount'],
      [{ amountRub: '1e308' }, 'amountRub', 'amountNotRoubles'],
      [{ amountRub: 1e308 }, 'amountRub', 'amountNotRoubles'],
      [{ amountRub: 'much' }, 'amountRub', 'amountNotRoubles'],
      [{ amountRub: '0.001' }, 'amountRub', 'tooManyDecimals'],
      [{ year: 20016 }, 'year', 'yearOutOfRange'],
      [{ source: 'lottery' }, 'source', 'required'],
    ];
    for (const [input, field, message] of bad) {
      await expect(createBudgetEntry(db, { actor: manager, input: { parkId: park.id, year: 2020, source: 'federal', amountRub: '1', ...input } as never }), JSON.stringify(input)).rejects.toMatchObject({
        code: 'VALIDATION',
        fieldErrors: { [field]: [message] },
      });
    }
    const other = await makePark();
    const otherManager = await makeManager(other.id);
    await expect(createBudgetEntry(db, { actor: otherManager, input: { parkId: park.id, year: 2020, source: 'federal', amountRub: '1' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // an entry of another park, addressed through one's own park, is not found
    await expect(updateBudgetEntry(db, { actor: otherManager, input: { id: entry.id, parkId: other.id, year: 2020, source: 'federal', amountRub: '1' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteBudgetEntry(db, { actor: otherManager, input: { id: entry.id, parkId: other.id } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listBudgetFunding(db, { actor: await makeAnalyst(park.id), parkId: park.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const rows = await db.select().from(budgetFunding).where(eq(budgetFunding.parkId, park.id));
    expect(rows.map((r) => r.amountRub)).toEqual(['100.00']);
  });
});
