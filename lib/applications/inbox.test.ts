import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import { applications, companies } from '@/db/schema';
import { assignExperts } from '@/lib/council/assignments';
import { addDays, todayIso } from '@/lib/dates';
import { makeApplication, makeInn } from '@/lib/test/application-fixtures';
import { makeAnalyst, makeApplicant, makeExpert, makeManager, makePark, uniq } from '@/lib/test/fixtures';
import { containsPattern } from '@/lib/sql';
import { INBOX_PAGE_SIZE, listInboxIndustries, listParkApplications, searchCondition } from './inbox';
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
      { name: `ООО «Альфа ${uniq()}»`, industry: 'mining', inn: makeInn() },
      { name: `ООО «Бета 100%_${uniq()}»`, industry: 'biotech' },
    ])
    .returning({ id: companies.id, name: companies.name, inn: companies.inn });
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
    { parkId: park.id, companyId: alpha.id, status: 'draft', title: 'Project draft', industry: 'drafted', submittedOn: null },
    { parkId: other.id, companyId: alpha.id, status: 'submitted', title: 'Project elsewhere', industry: 'elsewhere', submittedOn: '2025-01-05', version: 1 },
  ]);
  return { park, other, alpha, beta };
}

describe('the managers’ inbox', () => {
  it('lists the park’s submitted applications newest first, 25 a page with Next and Previous, never drafts or other parks', async () => {
    const db = await getDb();
    const { park } = await inboxPark();
    const manager = await makeManager(park.id);
    const today = todayIso();
    const list = (query: Record<string, unknown>) => listParkApplications(db, { actor: manager, parkId: park.id, query, today });
    const first = await list({});
    expect(first).toMatchObject({ total: 60, previous: null });
    expect(first.rows).toHaveLength(INBOX_PAGE_SIZE);
    expect(first.rows[0].title).toBe('Project 59');
    expect(first.rows.map((r) => r.submittedOn)).toEqual([...first.rows.map((r) => r.submittedOn)].sort().reverse());
    const second = await list({ after: first.next });
    const last = await list({ after: second.next });
    expect(last.rows.map((r) => r.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Project ${String(9 - i).padStart(2, '0')}`));
    expect(last).toMatchObject({ total: 60, next: null });
    const all = [...first.rows, ...second.rows, ...last.rows].map((r) => r.title);
    expect(new Set(all).size).toBe(60);
    expect(all).not.toContain('Project draft');
    expect(all).not.toContain('Project elsewhere');
    // Previous leads back page by page; the first page has none.
    const back = await list({ before: last.previous });
    expect(back.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    const start = await list({ before: back.previous });
    expect(start.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(start.previous).toBeNull();
    // A cursor that is not one (edited by hand, cut short, from another sort) shows the first page.
    for (const after of ['garbage', first.next!.slice(0, 10), Buffer.from('["x"]').toString('base64url')]) {
      expect((await list({ after })).rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    }
    expect((await list({ sort: 'status', after: first.next })).rows[0].id).toBe((await list({ sort: 'status' })).rows[0].id);
  });

  it('pages every sort both ways through ties, each row once, in the same order as one query over all', async () => {
    const db = await getDb();
    const { park, alpha } = await inboxPark();
    // 30 more with one title and one date: only the id tells them apart.
    await db.insert(applications).values(
      Array.from({ length: 30 }, () => ({ parkId: park.id, companyId: alpha.id, status: 'submitted' as const, title: 'Project 30', submittedOn: '2025-01-31', version: 1 })),
    );
    const manager = await makeManager(park.id);
    const today = todayIso();
    const list = (query: Record<string, unknown>) => listParkApplications(db, { actor: manager, parkId: park.id, query, today });
    const columns = { submitted: 'a.submitted_on', title: 'a.title', company: 'c.name', status: 'a.status', updated: 'a.updated_at' };
    for (const [sort, column] of Object.entries(columns)) {
      for (const dir of ['asc', 'desc']) {
        for (const filters of [{}, { status: 'submitted', support: 'premises' }]) {
          const expected = await queryRows<{ id: string }>(
            db,
            sql`SELECT a.id FROM applications a JOIN companies c ON c.id = a.company_id
                WHERE a.park_id = ${park.id} AND a.status <> 'draft' ${'status' in filters ? sql`AND a.status = 'submitted' AND a.wants_premises` : sql``}
                ORDER BY ${sql.raw(column)} ${sql.raw(dir)}, a.id ${sql.raw(dir)}`,
          );
          const pages: string[][] = [];
          let page = await list({ ...filters, sort, dir });
          for (;;) {
            pages.push(page.rows.map((r) => r.id));
            expect(page.total).toBe(expected.length);
            if (!page.next) break;
            page = await list({ ...filters, sort, dir, after: page.next });
          }
          expect(pages.flat(), `${sort} ${dir} ${JSON.stringify(filters)}`).toEqual(expected.map((r) => r.id));
          const backward: string[][] = [];
          for (let before = page.previous; before; ) {
            const p = await list({ ...filters, sort, dir, before });
            backward.unshift(p.rows.map((r) => r.id));
            before = p.previous;
          }
          expect(backward).toEqual(pages.slice(0, -1));
        }
      }
    }
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
    // Its own industry or its company's; not a draft's, nor another park's.
    expect(await listInboxIndustries(db, { actor: manager, parkId: park.id })).toEqual(['biotech', 'mining', 'sensors']);
    const empty = await makePark();
    expect(await listInboxIndustries(db, { actor: await makeManager(empty.id), parkId: empty.id })).toEqual([]);
  });

  it('searches titles, company names and INNs, with % and _ taken literally', async () => {
    const db = await getDb();
    const { park, alpha } = await inboxPark();
    const manager = await makeManager(park.id);
    const today = todayIso();
    const search = async (q: string) => (await listParkApplications(db, { actor: manager, parkId: park.id, query: { q }, today })).total;
    expect(await search('project 1')).toBe(10);
    expect(await search('альфа')).toBe(30);
    expect(await search('100%_')).toBe(30);
    expect(await search('%')).toBe(30);
    expect(await search('no such thing')).toBe(0);
    // By the company's INN, whole or from its start (with spaces as people paste it).
    expect(await search(alpha.inn!)).toBe(30);
    expect(await search(`${alpha.inn!.slice(0, 4)} ${alpha.inn!.slice(4, 8)}`)).toBe(30);
    expect(await search(alpha.inn!.slice(1, 9))).toBe(0);
    // A NUL, which no stored text holds, finds nothing (and is never sent to the database).
    expect(await search('Project\u0000')).toBe(0);
    expect((await listParkApplications(db, { actor: manager, parkId: park.id, query: { industry: 'mining\u0000' }, today })).total).toBe(0);
  });

  it('finds through the trigram indexes exactly what ILIKE finds', async () => {
    const db = await getDb();
    const { park } = await inboxPark();
    const manager = await makeManager(park.id);
    const today = todayIso();
    const found = async (q: string) => {
      const ids: string[] = [];
      for (let after: string | undefined, more = true; more; ) {
        const page = await listParkApplications(db, { actor: manager, parkId: park.id, query: { q, after }, today });
        ids.push(...page.rows.map((r) => r.id));
        after = page.next ?? undefined;
        more = page.next !== null;
      }
      return ids.sort();
    };
    // Today's meaning of the search, written out: the title or the company's name contains q, any case.
    const ilike = async (q: string) =>
      (
        await queryRows<{ id: string }>(
          db,
          sql`SELECT a.id FROM applications a JOIN companies c ON c.id = a.company_id
              WHERE a.park_id = ${park.id} AND a.status <> 'draft' AND (a.title ILIKE ${containsPattern(q)} OR c.name ILIKE ${containsPattern(q)})`,
        )
      )
        .map((r) => r.id)
        .sort();
    for (const q of ['project 1', 'PROJECT 0', 'ject 4', 'альфа', 'АЛЬФА', 'ьф', 'бета 100', '«', '100%_', '%', '_', 'o', 'oj', 'ООО', 'Project draft', 'elsewhere']) {
      expect(await found(q), q).toEqual(await ilike(q));
    }
    // The search reads the trigram indexes (when the planner is told a whole-table scan costs too much,
    // as it would on a large installation): the companies' names through theirs, and the titles through
    // theirs wherever the park's own index is not cheaper.
    const plan = (condition: SQL) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        const rows = await queryRows<{ 'QUERY PLAN': string }>(tx, sql`EXPLAIN SELECT id FROM applications WHERE ${condition}`);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    expect(await plan(sql`park_id = ${park.id} AND status <> 'draft' AND ${searchCondition(park.id, 'project 1')}`)).toContain('companies_name_trgm');
    expect(await plan(sql`${applications.title} ILIKE ${containsPattern('project 1')}`)).toContain('applications_title_trgm');
  });

  it('ignores nonsense in the query instead of failing', async () => {
    const db = await getDb();
    const { park } = await inboxPark();
    const manager = await makeManager(park.id);
    const page = await listParkApplications(db, {
      actor: manager,
      parkId: park.id,
      query: { status: 'draft', sort: 'password', dir: 'sideways', after: ['a', 'b'], before: 'x'.repeat(5000), from: 'yesterday', support: 'everything' },
      today: todayIso(),
    });
    expect(page).toMatchObject({ total: 60, previous: null, query: { sort: 'submitted', dir: 'desc' } });
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
