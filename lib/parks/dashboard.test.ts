import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applications, companies, councilDecisions, residencies } from '@/db/schema';
import { makeAnalyst, makeExpert, makeManager, makePark, uniq } from '@/lib/test/fixtures';
import { getParkDashboard } from './dashboard';

const TODAY = '2026-06-30';

/** A park with applications in each state the dashboard counts, written as rows (it only reads them). */
async function park() {
  const db = await getDb();
  const p = await makePark();
  const [company] = await db.insert(companies).values({ name: `ООО «${uniq()}»` }).returning({ id: companies.id });
  const app = (status: 'submitted' | 'in_review' | 'approved' | 'rejected', submittedOn: string) => ({
    parkId: p.id,
    companyId: company.id,
    status,
    title: `Project ${uniq()}`,
    submittedOn,
    version: 1,
  });
  const rows = await db
    .insert(applications)
    .values([
      app('submitted', '2026-06-01'),
      app('submitted', '2026-06-02'),
      app('in_review', '2026-05-01'),
      app('approved', '2026-03-01'), // approved in April, not admitted: counts
      app('approved', '2026-03-02'), // approved in April and admitted: does not count
      app('approved', '2024-01-10'), // approved two years ago and never admitted: stale, does not count
      app('rejected', '2026-02-01'),
    ])
    .returning({ id: applications.id });
  const decided = (i: number, decidedOn: string) => ({ parkId: p.id, applicationId: rows[i].id, decision: 'approved' as const, decidedOn });
  await db.insert(councilDecisions).values([decided(3, '2026-04-10'), decided(4, '2026-04-10'), decided(5, '2024-02-20')]);
  await db.insert(residencies).values({ parkId: p.id, companyId: company.id, applicationId: rows[4].id, startOn: '2026-05-01', placement: 'extraterritorial' });
  return { park: p };
}

describe('the park dashboard', () => {
  it('counts what awaits the manager: screening, expert review, and admissions of the last twelve months', async () => {
    const db = await getDb();
    const { park: p } = await park();
    const manager = await makeManager(p.id);
    const dashboard = await getParkDashboard(db, { actor: manager, parkId: p.id, today: TODAY });
    expect(dashboard).toMatchObject({ awaitingScreening: 2, inReview: 1, approvedNotAdmitted: 1, residentsNow: 1, residentsOnSite: 0 });
    // A year later the April approval is no longer "awaiting admission".
    expect((await getParkDashboard(db, { actor: manager, parkId: p.id, today: '2027-06-30' })).approvedNotAdmitted).toBe(0);
  });

  it('is for the park’s managers only', async () => {
    const db = await getDb();
    const { park: p } = await park();
    const other = await makePark();
    await expect(getParkDashboard(db, { actor: await makeExpert(p.id), parkId: p.id, today: TODAY })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getParkDashboard(db, { actor: await makeAnalyst(p.id), parkId: p.id, today: TODAY })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getParkDashboard(db, { actor: await makeManager(other.id), parkId: p.id, today: TODAY })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
