import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applications, companies } from '@/db/schema';
import { assignExperts } from '@/lib/council/assignments';
import { addDays, todayIso } from '@/lib/dates';
import { makeApplication } from '@/lib/test/application-fixtures';
import { makeAnalyst, makeApplicant, makeExpert, makeManager, makePark, uniq } from '@/lib/test/fixtures';
import { INBOX_PAGE_SIZE, listInboxIndustries, listParkApplications } from './inbox';
import { screenApplication } from './screening';

type Row = typeof applications.$inferInsert;

/**
 * A park with 60 applications in known states, written as rows (the inbox only reads them), plus
 * drafts and another park's applications that must never show.
 */
async function inboxPark() {
  const db = await getDb();
  const park = await makePark();
  const other = await makePark();
  const [alpha, beta] = await db
    .insert(companies)
    .values([
      { name: `ООО «Альфа ${uniq()}»`, industry: 'mining' },
      { name: `ООО «Бета 100%_${uniq()}»`, industry: 'biotech' },
    ])
    .returning({ id: companies.id, name: companies.name });
  const statuses = ['submitted', 'in_review', 'returned', 'rejected', 'approved'] as const;
  const rows: Row[] = Array.from({ length: 60 }, (_, i) => ({
    parkId: park.id,
    companyId: i % 2 ? beta.id : alpha.id,
    status: statuses[i % 5],
    title: `Project ${String(i).padStart(2, '0')}`,
    // Every third names its own industry; the others take the company's.
    industry: i % 3 === 0 ? 'sensors' : null,
    wantsPremises: i % 4 === 0,
    wantsTaxIncentives: i % 6 === 0,
    services: i % 5 === 0 ? ['legal', 'patent'] : [],
    submittedOn: addDays('2025-01-01', i),
    version: 1,
  }));
  await db.insert(applications).values([
    ...rows,
    { parkId: park.id, companyId: alpha.id, status: 'draft', title: 'Project draft', submittedOn: null },
    { parkId: other.id, companyId: alpha.id, status: 'submitted', title: 'Project elsewhere', submittedOn: '2025-01-05', version: 1 },
  ]);
  return { park, other, alpha, beta };
}

describe('the managers’ inbox', () => {
  it('lists the park’s submitted applications newest first, 25 a page, never drafts or other parks', async () => {
    const db = await getDb();
    const { park } = await inboxPark();
    const manager = await makeManager(park.id);
    const today = todayIso();
    const first = await listParkApplications(db, { actor: manager, parkId: park.id, query: {}, today });
    expect(first).toMatchObject({ total: 60, page: 1, pages: 3 });
    expect(first.rows).toHaveLength(INBOX_PAGE_SIZE);
    expect(first.rows[0].title).toBe('Project 59');
    expect(first.rows.map((r) => r.submittedOn)).toEqual([...first.rows.map((r) => r.submittedOn)].sort().reverse());
    const last = await listParkApplications(db, { actor: manager, parkId: park.id, query: { page: '3' }, today });
    expect(last.rows.map((r) => r.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Project ${String(9 - i).padStart(2, '0')}`));
    // A page past the end shows the last page; the pages together hold every row once.
    const beyond = await listParkApplications(db, { actor: manager, parkId: park.id, query: { page: '99' }, today });
    expect(beyond.page).toBe(3);
    const second = await listParkApplications(db, { actor: manager, parkId: park.id, query: { page: 2 }, today });
    const all = [...first.rows, ...second.rows, ...last.rows].map((r) => r.title);
    expect(new Set(all).size).toBe(60);
    expect(all).not.toContain('Project draft');
    expect(all).not.toContain('Project elsewhere');
  });

  it('filters by status, industry (its own or the company’s), support asked and dates, and sorts', async () => {
    const db = await getDb();
    const { park, beta } = await inboxPark();
    const manager = await makeManager(park.id);
    const today = todayIso();
    const list = async (query: Record<string, unknown>) => listParkApplications(db, { actor: manager, parkId: park.id, query, today });

    expect((await list({ status: 'approved' })).total).toBe(12);
    expect((await list({ status: 'approved' })).rows.every((r) => r.status === 'approved')).toBe(true);
    expect((await list({ industry: 'sensors' })).total).toBe(20);
    // Odd rows are Beta's (biotech) unless they name their own industry: odd and not a multiple of 3.
    expect((await list({ industry: 'biotech' })).total).toBe(20);
    expect((await list({ support: 'premises' })).total).toBe(15);
    expect((await list({ support: 'tax' })).total).toBe(10);
    expect((await list({ support: 'patent' })).total).toBe(12);
    expect((await list({ from: '2025-01-11', to: '2025-01-20' })).total).toBe(10);
    expect((await list({ status: 'submitted', support: 'premises', from: '2025-01-01', to: '2025-02-28' })).rows.map((r) => r.title)).toEqual([
      'Project 40',
      'Project 20',
      'Project 00',
    ]);

    const byTitle = await list({ sort: 'title', dir: 'asc' });
    expect(byTitle.rows.slice(0, 3).map((r) => r.title)).toEqual(['Project 00', 'Project 01', 'Project 02']);
    const byCompany = await list({ sort: 'company', dir: 'desc' });
    expect(byCompany.rows[0].companyName).toBe(beta.name);
    const oldest = await list({ sort: 'submitted', dir: 'asc' });
    expect(oldest.rows[0].title).toBe('Project 00');
    expect(await listInboxIndustries(db, { actor: manager, parkId: park.id })).toEqual(['biotech', 'mining', 'sensors']);
  });

  it('searches titles and company names, with % and _ taken literally', async () => {
    const db = await getDb();
    const { park } = await inboxPark();
    const manager = await makeManager(park.id);
    const today = todayIso();
    const search = async (q: string) => (await listParkApplications(db, { actor: manager, parkId: park.id, query: { q }, today })).total;
    expect(await search('project 1')).toBe(10);
    expect(await search('альфа')).toBe(30);
    expect(await search('100%_')).toBe(30);
    expect(await search('%')).toBe(30);
    expect(await search('no such thing')).toBe(0);
  });

  it('ignores nonsense in the query instead of failing', async () => {
    const db = await getDb();
    const { park } = await inboxPark();
    const manager = await makeManager(park.id);
    const page = await listParkApplications(db, {
      actor: manager,
      parkId: park.id,
      query: { status: 'draft', sort: 'password', dir: 'sideways', page: '-4', from: 'yesterday', support: 'everything' },
      today: todayIso(),
    });
    expect(page).toMatchObject({ total: 60, page: 1, query: { sort: 'submitted', dir: 'desc' } });
  });

  it('shows each application’s review progress and overdue reviews', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const [e1, e2] = [await makeExpert(park.id), await makeExpert(park.id)];
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, park.id);
    await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'accepted' } });
    const today = todayIso();
    await assignExperts(db, { actor: manager, input: { applicationId, expertIds: [e1.userId, e2.userId], dueOn: addDays(today, 3) } });
    const now = await listParkApplications(db, { actor: manager, parkId: park.id, query: {}, today });
    expect(now.rows[0]).toMatchObject({ id: applicationId, status: 'in_review', reviewsDone: 0, reviewsExpected: 2, overdue: 0 });
    const later = await listParkApplications(db, { actor: manager, parkId: park.id, query: {}, today: addDays(today, 4) });
    expect(later.rows[0]).toMatchObject({ overdue: 2 });
  });

  it('is the park managers’ only: experts, analysts, applicants and other parks’ managers are refused', async () => {
    const db = await getDb();
    const { park, other } = await inboxPark();
    const today = todayIso();
    const refusals: [Awaited<ReturnType<typeof makeManager>>, string][] = [
      [await makeExpert(park.id), 'FORBIDDEN'],
      [await makeAnalyst(park.id), 'FORBIDDEN'],
      [await makeApplicant(), 'FORBIDDEN'],
      // Another park's manager is told the park does not exist, not that it is forbidden.
      [await makeManager(other.id), 'NOT_FOUND'],
    ];
    for (const [actor, code] of refusals) {
      await expect(listParkApplications(db, { actor, parkId: park.id, query: {}, today })).rejects.toMatchObject({ code });
      await expect(listInboxIndustries(db, { actor, parkId: park.id })).rejects.toMatchObject({ code });
    }
  });
});
