import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { systemActor } from '@/lib/auth/actor';
import { auditLog, kpiReports, kpiReportVersions } from '@/db/schema';
import { makeManager, makePark } from '@/lib/test/fixtures';
import { buildKpiTemplate, commitKpiUpload, previewKpiUpload } from './bulk-upload';
import { submitKpiReport } from './filing';
import { makeResident } from '@/lib/test/residents-fixtures';
import { figures } from './test-fixtures';

type Cells = Record<string, string | number | null>;

async function readTemplate(data: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

/** A workbook shaped like the template, with the given rows (by column key). */
async function xlsx(rows: Cells[], { sheetName = 'KPI 2023', header = ['company', 'inn', 'name', 'jobsCreated', 'headcount', 'investmentRub', 'capitalInvestmentRub', 'incomeRub', 'taxesPaidRub', 'rndSpendRub'] } = {}) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(header.map((h) => r[h] ?? null));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const good = (company: string, overrides: Cells = {}): Cells => ({
  company,
  jobsCreated: 5,
  headcount: 20,
  investmentRub: 1500000.5,
  capitalInvestmentRub: '700 000,25',
  incomeRub: '3000000',
  taxesPaidRub: 250000,
  rndSpendRub: null,
  ...overrides,
});

async function setup() {
  const db = await getDb();
  const park = await makePark();
  const manager = await makeManager(park.id);
  const r1 = await makeResident(manager, park.id, { key: 'r1', inn: '7701234567', name: 'Alpha', startOn: '2020-01-01' });
  const r2 = await makeResident(manager, park.id, { key: 'r2', name: 'Beta', startOn: '2022-06-01' });
  const r3 = await makeResident(manager, park.id, { key: 'r3', name: 'Gamma', startOn: '2019-01-01', endOn: '2021-12-31' });
  const r4 = await makeResident(manager, park.id, { represented: true, key: 'r4', name: 'Delta', startOn: '2023-03-01' });
  await submitKpiReport(db, { actor: r4.representative, input: { parkId: park.id, companyId: r4.companyId, year: 2023, quarter: null, ...figures() }, today: '2024-02-01' });
  const input = { parkId: park.id, year: 2023 };
  return { db, park, manager, r1, r2, r3, r4, input };
}

describe('KPI bulk upload', () => {
  it('the template lists the residents of the year, with the figures the park already has', async () => {
    const { db, park, manager, input } = await setup();
    const { filename, data } = await buildKpiTemplate(db, { actor: manager, input });
    expect(filename).toBe(`kpi-${park.slug}-2023.xlsx`);
    const workbook = await readTemplate(data);
    const sheet = workbook.getWorksheet('KPI 2023')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'company', 'inn', 'name', 'jobsCreated', 'headcount', 'investmentRub', 'capitalInvestmentRub', 'incomeRub', 'taxesPaidRub', 'rndSpendRub']);
    const rows = [2, 3, 4].map((n) => (sheet.getRow(n).values as unknown[]).slice(1, 9));
    expect(rows).toEqual([
      ['r1', '7701234567', 'Alpha'],
      ['r2', '', 'Beta'],
      // Delta's submitted report: 12 jobs, 40 people, 1,000,000.50 / 400,000 / 2,500,000.75 / 300,000
      ['r4', '', 'Delta', 12, 40, 1000000.5, 400000, 2500000.75],
    ]);
    expect(sheet.rowCount).toBe(4);
    expect(workbook.getWorksheet('Instructions')).toBeDefined();
  });

  it('previews every row, flags each problem, and commits nothing while one row is bad', async () => {
    const { db, manager, r4, input } = await setup();
    const file = await xlsx([
      good('r1'),
      { company: 'r2' }, // no figures: skipped
      good('r3'), // resident 2019–2021 only
      good('nobody'),
      good('r1', { jobsCreated: 1 }), // the second row of r1
      good('r4', { capitalInvestmentRub: 2000000 }), // above the investment
      { ...good(''), company: '', inn: '7701 234 567', taxesPaidRub: -1 }, // found by INN; negative
      good('r2', { incomeRub: '12abc', headcount: 2.5, investmentRub: 1e308 }),
    ]);
    const preview = await previewKpiUpload(db, { actor: manager, input, file });
    expect(preview.ok).toBe(false);
    expect(preview.rows.map((r) => [r.row, r.action, r.issues.map((i) => `${i.field}:${i.code}`)])).toEqual([
      [2, 'create', []],
      [3, 'skip', []],
      [4, 'error', ['company:notResidentThatYear']],
      [5, 'error', ['company:unknownCompany']],
      [6, 'error', ['company:duplicateRow']],
      [7, 'error', ['capitalInvestmentRub:capexAboveInvestment']],
      [8, 'error', ['company:duplicateRow', 'taxesPaidRub:negativeAmount']],
      [9, 'error', ['company:duplicateRow', 'headcount:invalidCount', 'investmentRub:amountNotRoubles', 'incomeRub:amountNotRoubles']],
    ]);
    expect(preview.rows[4].issues[0].params).toEqual({ row: 2 });
    expect(preview.rows[0].figures).toEqual({ jobsCreated: 5, headcount: 20, investmentRub: '1500000.50', capitalInvestmentRub: '700000.25', incomeRub: '3000000.00', taxesPaidRub: '250000.00', rndSpendRub: null });
    expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 0, skip: 1, error: 6 });

    const before = await db.select().from(kpiReports).where(eq(kpiReports.parkId, input.parkId));
    await expect(commitKpiUpload(db, { actor: manager, input, file })).rejects.toMatchObject({ code: 'VALIDATION', key: 'kpiUploadHasErrors', params: { errors: 6 } });
    const after = await db.select().from(kpiReports).where(eq(kpiReports.parkId, input.parkId));
    expect(after).toEqual(before);
    expect(after.find((r) => r.companyId === r4.companyId)?.status).toBe('submitted');
  });

  it('commits a good file in one go: new and changed rows become accepted versions; again changes nothing', async () => {
    const { db, manager, r1, r4, input } = await setup();
    const file = await xlsx([good('r1'), { company: 'r2', name: 'Beta' }, good('r4', { jobsCreated: 13 })]);
    const preview = await previewKpiUpload(db, { actor: manager, input, file });
    expect(preview.ok).toBe(true);
    expect(preview.rows.map((r) => [r.action, r.previousStatus])).toEqual([
      ['create', null],
      ['skip', null],
      ['update', 'submitted'],
    ]);
    expect(await commitKpiUpload(db, { actor: manager, input, file })).toEqual({ created: 1, updated: 1, unchanged: 0, skipped: 1 });

    const rows = await db.select().from(kpiReports).where(eq(kpiReports.parkId, input.parkId));
    const alpha = rows.find((r) => r.companyId === r1.companyId)!;
    const delta = rows.find((r) => r.companyId === r4.companyId)!;
    expect(alpha).toMatchObject({ status: 'accepted', version: 1, year: 2023, quarter: null, jobsCreated: 5, investmentRub: '1500000.50', capitalInvestmentRub: '700000.25', reviewedBy: manager.userId });
    expect(delta).toMatchObject({ status: 'accepted', version: 2, jobsCreated: 13, reviewedBy: manager.userId });
    const versions = await db.select().from(kpiReportVersions).where(eq(kpiReportVersions.reportId, delta.id));
    expect(versions.map((v) => [v.version, (v.snapshot as { jobsCreated: number }).jobsCreated]).sort()).toEqual([
      [1, 12],
      [2, 13],
    ]);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'kpi.bulkUpload'), eq(auditLog.parkId, input.parkId)));
    expect(audit).toHaveLength(2);

    expect(await commitKpiUpload(db, { actor: manager, input, file })).toEqual({ created: 0, updated: 0, unchanged: 2, skipped: 1 });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'kpi.bulkUpload'), eq(auditLog.parkId, input.parkId)))).toHaveLength(2);

    // the template now carries the accepted figures, and uploading it back changes nothing
    const { data } = await buildKpiTemplate(db, { actor: manager, input });
    const again = await previewKpiUpload(db, { actor: manager, input, file: new Uint8Array(data) });
    expect(again.rows.map((r) => r.action)).toEqual(['unchanged', 'skip', 'unchanged']);
  });

  it('refuses what is not an XLSX template of this year, too large a file, and other parks', async () => {
    const { db, manager, input } = await setup();
    await expect(previewKpiUpload(db, { actor: manager, input, file: new TextEncoder().encode('company,inn\nr1,1') })).rejects.toMatchObject({ code: 'VALIDATION', key: 'kpiUploadNotXlsx' });
    await expect(previewKpiUpload(db, { actor: manager, input, file: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]) })).rejects.toMatchObject({ code: 'VALIDATION', key: 'kpiUploadNotXlsx' });
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set([0x50, 0x4b, 3, 4]);
    await expect(previewKpiUpload(db, { actor: manager, input, file: big })).rejects.toMatchObject({ code: 'VALIDATION', key: 'kpiUploadTooLarge' });
    const wrongYear = await previewKpiUpload(db, { actor: manager, input, file: await xlsx([good('r1')], { sheetName: 'KPI 2022' }) });
    expect(wrongYear).toMatchObject({ ok: false, fileIssues: [{ code: 'uploadWrongYear', params: { fileYear: 2022, year: 2023 } }] });
    const noColumns = await previewKpiUpload(db, { actor: manager, input, file: await xlsx([good('r1')], { header: ['company', 'jobsCreated'] }) });
    expect(noColumns.fileIssues[0]).toMatchObject({ code: 'uploadMissingColumns', params: { columns: 'headcount, investmentRub, capitalInvestmentRub, incomeRub, taxesPaidRub, rndSpendRub' } });
    expect((await previewKpiUpload(db, { actor: manager, input, file: await xlsx([]) })).fileIssues[0].code).toBe('uploadEmpty');
    await expect(previewKpiUpload(db, { actor: manager, input: { ...input, year: 20016 }, file: await xlsx([good('r1')]) })).rejects.toMatchObject({ code: 'VALIDATION' });

    const otherManager = await makeManager((await makePark()).id);
    await expect(previewKpiUpload(db, { actor: otherManager, input, file: await xlsx([good('r1')]) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(buildKpiTemplate(db, { actor: otherManager, input })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(commitKpiUpload(db, { actor: otherManager, input, file: await xlsx([good('r1')]) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // another park's company key is just unknown here
    const theirs = await makePark();
    await makeResident(systemActor('cli'), theirs.id, { key: 'theirs-1', startOn: '2020-01-01' });
    const foreign = await previewKpiUpload(db, { actor: manager, input, file: await xlsx([good('theirs-1')]) });
    expect(foreign.rows[0].issues).toEqual([{ field: 'company', code: 'unknownCompany', params: { value: 'theirs-1' } }]);
    expect(await db.select().from(kpiReports).where(and(eq(kpiReports.parkId, input.parkId), eq(kpiReports.status, 'accepted')))).toHaveLength(0);
  });
});
