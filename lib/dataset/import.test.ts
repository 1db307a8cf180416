import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import { auditLog, companies, kpiReports, parks } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { editable, rowCounts, smallDataset } from '@/lib/test/dataset-fixture';
import { makeAdmin, makeManager, makePark, uniq } from '@/lib/test/fixtures';
import { importDataset } from './import';

const actor = systemActor('import');
const lists = ['buildings', 'premises', 'companies', 'applications', 'residencies', 'leases', 'taxIncentives', 'kpiReports', 'budgetFunding', 'programmes', 'services', 'serviceRequests'];
const all = (state: 'created' | 'unchanged', sizes: number[]) =>
  Object.fromEntries(lists.map((list, i) => [list, { created: state === 'created' ? sizes[i] : 0, updated: 0, unchanged: state === 'unchanged' ? sizes[i] : 0 }]));
// buildings 1, premises 2, companies 3, applications 6, residencies 2, leases 1, incentives 1, reports 2, funding 1, programmes 1, services 2, requests 2
const SIZES = [1, 2, 3, 6, 2, 1, 1, 2, 1, 1, 2, 2];

async function parkId(slug: string) {
  const db = await getDb();
  const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, slug));
  return park.id;
}

/** Expects the import to be refused with exactly `message`, writing nothing. */
async function expectRefused(input: unknown, message: string, code: AppError['code'] = 'VALIDATION') {
  const db = await getDb();
  const before = await rowCounts(db);
  const error = await importDataset(db, { actor, input }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).message).toBe(message);
  expect((error as AppError).code).toBe(code);
  expect(await rowCounts(db)).toEqual(before);
}

describe('importDataset', () => {
  it('leaves the planner statistics of the tables it wrote up to date', async () => {
    const db = await getDb();
    const tables = ['parks', 'companies', 'applications', 'council_decisions', 'leases', 'kpi_reports', 'indicator_values'];
    const stats = () =>
      queryRows<{ relname: string; reltuples: number; n: number }>(
        db,
        sql`SELECT relname::text, reltuples::int AS reltuples,
                   (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', relname), false, true, '')))[1]::text::int AS n
            FROM pg_class WHERE relkind = 'r' AND relname IN (${sql.join(tables.map((t) => sql`${t}`), sql`, `)}) ORDER BY relname`,
      );
    await importDataset(db, { actor, input: smallDataset(uniq('imp-')) });
    const after = await stats();
    expect(after).toHaveLength(tables.length);
    for (const table of after) expect(table.reltuples, table.relname).toBe(table.n);
  });

  it('creates the park and every record, mapping decisions, statuses, leases and money', async () => {
    const db = await getDb();
    const slug = uniq('imp-');
    const before = await rowCounts(db);
    const result = await importDataset(db, { actor, input: smallDataset(slug) });
    expect(result).toEqual({ park: { slug, created: true, updated: false }, counts: all('created', SIZES), dryRun: false });

    const after = await rowCounts(db);
    const added = Object.fromEntries(Object.entries(after).map(([table, n]) => [table, n - before[table as keyof typeof before]]));
    expect(added).toEqual({
      parks: 1,
      buildings: 1,
      premises: 2,
      companies: 3,
      applications: 6,
      screening_decisions: 4,
      council_decisions: 2,
      residencies: 2,
      leases: 1,
      tax_incentives: 1,
      kpi_reports: 2,
      budget_funding: 1,
      programmes: 1,
      indicators: 2,
      indicator_values: 4,
      services: 2,
      service_requests: 2,
      audit_log: 1,
    });

    const id = await parkId(slug);
    const statuses = await queryRows<{ key: string; status: string }>(
      db,
      sql`SELECT key, status::text AS status FROM applications WHERE park_id = ${id} ORDER BY key`,
    );
    expect(statuses).toEqual([
      { key: 'a-1', status: 'approved' },
      { key: 'a-2', status: 'approved' },
      { key: 'a-3', status: 'in_review' },
      { key: 'a-4', status: 'submitted' },
      { key: 'a-5', status: 'draft' },
      { key: 'a-6', status: 'returned' },
    ]);
    const [council] = await queryRows(
      db,
      sql`SELECT d.meeting_number AS "meetingNumber", d.decision::text AS decision, d.decided_on::text AS "decidedOn",
            d.votes_for AS "for", d.votes_against AS against, d.votes_abstain AS abstain, d.meeting_id AS "meetingId"
          FROM council_decisions d JOIN applications a ON a.id = d.application_id WHERE a.park_id = ${id} AND a.key = 'a-1'`,
    );
    expect(council).toEqual({ meetingNumber: 3, decision: 'approved', decidedOn: '2019-11-28', for: 7, against: 1, abstain: 0, meetingId: null });

    const [lease] = await queryRows(
      db,
      sql`SELECT r.key AS residency, p.key AS premises, c.key AS company FROM leases l JOIN residencies r ON r.id = l.residency_id
          JOIN premises p ON p.id = l.premises_id JOIN companies c ON c.id = l.company_id WHERE l.park_id = ${id}`,
    );
    expect(lease).toEqual({ residency: 'r-1', premises: 'p-1', company: 'c-1' });
    const [incentive] = await queryRows(
      db,
      sql`SELECT r.key AS residency, t.status::text AS status, t.valid_to::text AS "validTo" FROM tax_incentives t
          LEFT JOIN residencies r ON r.id = t.residency_id WHERE t.park_id = ${id}`,
    );
    expect(incentive).toEqual({ residency: 'r-1', status: 'active', validTo: '2025-02-28' });

    const [report] = await queryRows(
      db,
      sql`SELECT income_rub::text AS income, taxes_paid_rub::text AS taxes, capital_investment_rub::text AS capex, status::text AS status
          FROM kpi_reports WHERE park_id = ${id} AND key = 'k-1'`,
    );
    expect(report).toEqual({ income: '2500000.00', taxes: '310000.10', capex: '400000.50', status: 'accepted' });

    const audit = await db.select({ action: auditLog.action, actorLabel: auditLog.actorLabel }).from(auditLog).where(eq(auditLog.parkId, id));
    expect(audit).toEqual([{ action: 'dataset.import', actorLabel: 'import' }]);
  });

  it('changes nothing when the same file is imported again, except one summary audit row', async () => {
    const db = await getDb();
    const slug = uniq('imp-');
    await importDataset(db, { actor, input: smallDataset(slug) });
    const id = await parkId(slug);
    const idsBefore = await db.select({ key: companies.key, id: companies.id }).from(companies).where(eq(companies.parkId, id));
    const before = await rowCounts(db);

    const again = await importDataset(db, { actor, input: smallDataset(slug) });
    expect(again).toEqual({ park: { slug, created: false, updated: false }, counts: all('unchanged', SIZES), dryRun: false });
    expect(await rowCounts(db)).toEqual({ ...before, audit_log: before.audit_log + 1 });
    expect(await db.select({ key: companies.key, id: companies.id }).from(companies).where(eq(companies.parkId, id))).toEqual(idsBefore);
  });

  it('updates a changed record in place, keeping its id', async () => {
    const db = await getDb();
    const slug = uniq('imp-');
    await importDataset(db, { actor, input: smallDataset(slug) });
    const id = await parkId(slug);
    const [reportBefore] = await db.select({ id: kpiReports.id }).from(kpiReports).where(and(eq(kpiReports.parkId, id), eq(kpiReports.key, 'k-1')));
    const before = await rowCounts(db);

    const changed = editable(slug);
    changed.park.name = 'Renamed Technopark';
    changed.companies[1].name = 'ООО «Бета плюс»';
    changed.kpiReports[0].incomeRub = '2600000.00';
    changed.applications[2].council = { decidedOn: '2020-02-27', decision: 'rejected', meetingNumber: 5, votesFor: 1, votesAgainst: 6, votesAbstain: 0 };
    changed.applications[0].screening = null;
    changed.programmes[0].indicators[0].values[2].value = 170;
    changed.programmes[0].indicators.pop();
    const result = await importDataset(db, { actor, input: changed });

    expect(result.park).toEqual({ slug, created: false, updated: true });
    expect(result.counts.companies).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(result.counts.kpiReports).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(result.counts.applications).toEqual({ created: 0, updated: 2, unchanged: 4 });
    expect(result.counts.programmes).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(result.counts.leases).toEqual({ created: 0, updated: 0, unchanged: 1 });

    const [reportAfter] = await db
      .select({ id: kpiReports.id, incomeRub: kpiReports.incomeRub })
      .from(kpiReports)
      .where(and(eq(kpiReports.parkId, id), eq(kpiReports.key, 'k-1')));
    expect(reportAfter).toEqual({ id: reportBefore.id, incomeRub: '2600000.00' });
    const [a3] = await queryRows(db, sql`SELECT status::text AS status FROM applications WHERE park_id = ${id} AND key = 'a-3'`);
    expect(a3).toEqual({ status: 'rejected' });
    const [park] = await db.select({ name: parks.name }).from(parks).where(eq(parks.id, id));
    expect(park.name).toBe('Renamed Technopark');

    // One council decision added (a-3), one screening decision removed (a-1), one indicator and its value removed.
    expect(await rowCounts(db)).toEqual({
      ...before,
      council_decisions: before.council_decisions + 1,
      screening_decisions: before.screening_decisions - 1,
      indicators: before.indicators - 1,
      indicator_values: before.indicator_values - 1,
      audit_log: before.audit_log + 1,
    });
  });

  it('counts without writing on a dry run', async () => {
    const db = await getDb();
    const slug = uniq('imp-');
    const before = await rowCounts(db);
    const result = await importDataset(db, { actor, input: smallDataset(slug), dryRun: true });
    expect(result).toEqual({ park: { slug, created: true, updated: false }, counts: all('created', SIZES), dryRun: true });
    expect(await rowCounts(db)).toEqual(before);
  });

  describe('refuses, naming the record and writing nothing', () => {
    it('a reference to a key that does not exist', async () => {
      const data = editable(uniq('imp-'));
      data.residencies[1].company = 'c-9';
      await expectRefused(data, 'residencies[1].company: no company with key "c-9"');
    });

    it('a duplicate key', async () => {
      const data = editable(uniq('imp-'));
      data.companies[2].key = 'c-1';
      data.applications = data.applications.filter((a: { company: string }) => a.company !== 'c-3');
      await expectRefused(data, 'companies[2].key: duplicate key "c-1"');
    });

    it('a lease overlapping another lease of the same premises', async () => {
      const data = editable(uniq('imp-'));
      data.leases.push({ key: 'l-2', company: 'c-1', premises: 'p-1', startOn: '2022-12-31', endOn: null });
      await expectRefused(data, 'leases[1].premises: premises "p-1" is already leased by lease "l-1" (2020-02-01..2022-12-31)');
    });

    it('a lease for an extraterritorial residency', async () => {
      const data = editable(uniq('imp-'));
      data.leases.push({ key: 'l-2', company: 'c-2', premises: 'p-2', startOn: '2020-03-01', endOn: null });
      await expectRefused(data, 'leases[1].company: no on-site residency covering 2020-03-01 (residency "r-2" is extraterritorial)');
    });

    it('a capital investment larger than the investment', async () => {
      const data = editable(uniq('imp-'));
      data.kpiReports[0].capitalInvestmentRub = 1000000.01;
      await expectRefused(data, 'kpiReports[0].capitalInvestmentRub: 1000000.01 is larger than investmentRub 1000000.00');
    });

    it('a negative amount', async () => {
      const data = editable(uniq('imp-'));
      data.budgetFunding[0].amountRub = '-5.00';
      await expectRefused(data, 'budgetFunding[0].amountRub: must not be negative');
      const numbers = editable(uniq('imp-'));
      numbers.kpiReports[1].taxesPaidRub = -1;
      await expectRefused(numbers, 'kpiReports[1].taxesPaidRub: must not be negative');
    });

    it('an unknown field', async () => {
      const data = editable(uniq('imp-'));
      data.companies[1].colour = 'blue';
      await expectRefused(data, 'companies[1].colour: unknown field');
    });

    it('a date that does not exist', async () => {
      const data = editable(uniq('imp-'));
      data.taxIncentives[0].validTo = '2023-02-29';
      await expectRefused(data, 'taxIncentives[0].validTo: 2023-02-29 is not a date that exists');
    });

    it('a lease running past its residency, or outside the premises availability', async () => {
      const data = editable(uniq('imp-'));
      data.leases[0].endOn = null;
      await expectRefused(data, 'leases[0].endOn: the lease runs past the end of residency "r-1" (2022-12-31)');
      const early = editable(uniq('imp-'));
      early.premises[0].availableFrom = '2020-03-01';
      await expectRefused(early, 'leases[0].startOn: premises "p-1" are available only from 2020-03-01');
    });
  });

  describe('refuses what only the database knows, naming the record and writing nothing', () => {
    it('a lease overlapping a lease the park already has', async () => {
      const db = await getDb();
      const slug = uniq('imp-');
      await importDataset(db, { actor, input: smallDataset(slug) });
      const data = editable(slug);
      data.leases = [{ key: 'l-other', company: 'c-1', premises: 'p-1', startOn: '2021-01-01', endOn: '2021-12-31' }];
      await expectRefused(data, 'leases[0].premises: the premises are already leased for some of these days', 'CONFLICT');
    });

    it('a residency overlapping one the company already holds', async () => {
      const db = await getDb();
      const slug = uniq('imp-');
      await importDataset(db, { actor, input: smallDataset(slug) });
      const data = editable(slug);
      data.residencies = [data.residencies[1], { key: 'r-again', company: 'c-1', application: null, agreementNumber: null, startOn: '2022-06-01', endOn: null, placement: 'extraterritorial' }];
      data.leases = [];
      await expectRefused(data, 'residencies[1].startOn: the company already holds a residency in this park for these days', 'CONFLICT');
    });

    it('a residency cut short under a lease the file does not list', async () => {
      const db = await getDb();
      const slug = uniq('imp-');
      await importDataset(db, { actor, input: smallDataset(slug) });
      const data = editable(slug);
      data.residencies[0].endOn = '2021-06-30';
      data.leases = [];
      await expectRefused(data, 'residencies[0]: lease "l-1" would fall outside residency "r-1"');
    });

    it('a second report for a company and period the park already has', async () => {
      const db = await getDb();
      const slug = uniq('imp-');
      await importDataset(db, { actor, input: smallDataset(slug) });
      const data = editable(slug);
      // k-2 (c-2, 2020 Q1) is in the park but not in this file.
      data.kpiReports = [data.kpiReports[0], { ...data.kpiReports[1], key: 'k-dup' }];
      await expectRefused(data, 'kpiReports[1].year: a report for this company and period already exists', 'CONFLICT');
    });
  });

  it('is for admins and system actors only', async () => {
    const db = await getDb();
    const slug = uniq('imp-');
    const park = await makePark();
    const manager = await makeManager(park.id);
    const before = await rowCounts(db);
    await expect(importDataset(db, { actor: manager, input: smallDataset(slug) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(importDataset(db, { actor: manager, input: smallDataset(park.slug) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await rowCounts(db)).toEqual(before);
    const admin = await makeAdmin();
    expect((await importDataset(db, { actor: admin, input: smallDataset(slug) })).park).toEqual({ slug, created: true, updated: false });
  });
});
