import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, serviceRequests } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { ExcelJS } from '@/lib/export/xlsx';
import { getParkSummary } from '@/lib/reports/summary';
import { codeOf } from '@/lib/test/code-of';
import { makeAnalyst, makeManagedPark } from '@/lib/test/fixtures';
import { makeResident } from '@/lib/test/residents-fixtures';
import { buildServiceImportTemplate, importServiceRequests, SERVICE_IMPORT_COLUMNS } from './bulk-import';
import { createService, updateService } from './catalogue';

/*
 * The XLSX template of requests delivered outside the product: the file a manager downloads, filled in
 * here as a person would, and uploaded. Expected support worked out by hand in the comments.
 */

type Row = Partial<Record<(typeof SERVICE_IMPORT_COLUMNS)[number], string | number | Date>>;

async function world() {
  const db = await getDb();
  const { parkId, manager } = await makeManagedPark();
  // Resident from 1 January 2023; the other company from 1 June 2024 only.
  const resident = await makeResident(manager, parkId, { startOn: '2023-01-01' });
  const late = await makeResident(manager, parkId, { startOn: '2024-06-01' });
  const legal = await createService(db, { actor: manager, parkId, input: { name: 'Contract review', kind: 'legal', unit: 'hour', marketPriceRub: '3000', residentPriceRub: '1000' } });
  const ip = await createService(db, { actor: manager, parkId, input: { name: 'Patent search', kind: 'ip', unit: 'item', marketPriceRub: '8000', residentPriceRub: '2500.50' } });
  const [{ slug }] = await db.query.parks.findMany({ where: (p, { eq }) => eq(p.id, parkId), columns: { slug: true } });
  const template = await buildServiceImportTemplate(db, { actor: manager, parkId });
  const refs = new ExcelJS.Workbook();
  await refs.xlsx.load(template.data as unknown as ArrayBuffer);
  // The lists' first column is what a row names: the company's and the service's reference.
  const refIn = (sheet: string, name: string) => (refs.getWorksheet(sheet)!.getSheetValues().find((r) => Array.isArray(r) && r[2] === name) as ExcelJS.CellValue[])[1] as string;
  const companyRef = (name: string) => refIn('Companies', name);
  const serviceRef = (name: string) => refIn('Services', name);
  return { db, parkId, slug, manager, resident, late, legal, ip, template, companyRef, serviceRef };
}

/** The template as downloaded, with these rows typed into its Requests sheet. */
async function filled(template: Buffer, rows: Row[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Requests')!;
  rows.forEach((row, i) => {
    const line = sheet.getRow(i + 2);
    SERVICE_IMPORT_COLUMNS.forEach((column, c) => {
      if (row[column] !== undefined) line.getCell(c + 1).value = row[column]!;
    });
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const cli = systemActor('cli');
const servicesRubIn2024 = async (slug: string) => (await getParkSummary(await getDb(), { actor: cli, parkSlug: slug, from: 2024, to: 2024, locale: 'en' })).support.servicesRub;
const requestsOf = async (parkId: string) => (await (await getDb()).select({ n: count() }).from(serviceRequests).where(eq(serviceRequests.parkId, parkId)))[0].n;

describe('the XLSX template of requests delivered outside the product', () => {
  it('lists the park’s companies and services beside an empty Requests sheet with the contract’s columns', async () => {
    const { template, resident, late, companyRef, serviceRef } = await world();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.data as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Requests', 'Companies', 'Services', 'Instructions']);
    expect(book.getWorksheet('Requests')!.getRow(1).values).toEqual([undefined, ...SERVICE_IMPORT_COLUMNS]);
    expect(book.getWorksheet('Requests')!.actualRowCount).toBe(1);
    expect(companyRef(resident.companyName)).toBeTruthy();
    expect(companyRef(late.companyName)).toBeTruthy();
    expect(serviceRef('Patent search')).toBeTruthy();
    expect(template.filename).toMatch(/^service-requests-.+\.xlsx$/);
  });

  it('refuses the whole file when one row is bad, naming each bad row and why, and writes nothing', async () => {
    const { parkId, slug, manager, template, resident, late, companyRef, serviceRef } = await world();
    const good: Row = { key: 'P-1', company: companyRef(resident.companyName), service: serviceRef('Contract review'), requestedOn: '2024-03-01', status: 'done', doneOn: '2024-03-05', quantity: 2 };
    const file = await filled(template.data, [
      good,
      { ...good, key: 'P-2', company: 'nobody' },
      { ...good, key: 'P-3', doneOn: '2024-02-28' },
      { ...good, key: 'P-4', unitPriceRub: 100 },
      { ...good, key: 'P-1' },
      { ...good, key: 'P-6', quantity: 0 },
      { ...good, key: 'P-7', company: companyRef(late.companyName) },
      { ...good, key: 'P-8', status: 'refused' },
      { ...good, key: 'P-9', unitPriceRub: 200, unitMarketPriceRub: 100 },
      { ...good, key: 'P-10', requestedOn: '2024-02-30' },
    ]);
    const result = await importServiceRequests(await getDb(), { actor: manager, parkId, file });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fileIssues).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.key, r.issues.map((i) => `${i.field}:${i.code}`)])).toEqual([
      [3, 'P-2', ['company:importUnknownCompany']],
      [4, 'P-3', ['doneOn:importDoneBeforeRequested']],
      [5, 'P-4', ['unitMarketPriceRub:importPricesTogether']],
      [6, 'P-1', ['key:importDuplicateKey']],
      [7, 'P-6', ['quantity:quantityPositive']],
      // Admitted on 1 June 2024: not a resident on 1 March.
      [8, 'P-7', ['company:importNotResident']],
      [9, 'P-8', ['status:importOnlyDone']],
      [10, 'P-9', ['unitPriceRub:residentPriceAboveMarket']],
      [11, 'P-10', ['requestedOn:importNotADate']],
    ]);
    expect(result.rows[3].issues[0].params).toEqual({ row: 2 });
    expect(await requestsOf(parkId)).toBe(0);
    expect(await servicesRubIn2024(slug)).toBe('0.00');
  });

  it('imports good rows as done requests at the prices given or the catalogue’s, audited, and a re-upload adds nothing', async () => {
    const { db, parkId, slug, manager, template, resident, companyRef, serviceRef, ip } = await world();
    const rows: Row[] = [
      // (3000 − 1000) × 2 = 4000.00 at the catalogue's prices (both left empty).
      { key: 'P-1', company: companyRef(resident.companyName), service: serviceRef('Contract review'), requestedOn: '2024-03-01', doneOn: '2024-03-05', quantity: 2 },
      // (9000 − 3000.25) × 1.5 = 8999.625 at the prices given, dates typed as spreadsheet dates.
      {
        key: 'P-2',
        company: companyRef(resident.companyName),
        service: serviceRef('Patent search'),
        requestedOn: new Date(Date.UTC(2024, 10, 20)),
        status: 'done',
        doneOn: new Date(Date.UTC(2024, 11, 2)),
        quantity: '1.5',
        unitPriceRub: '3000.25',
        unitMarketPriceRub: 9000,
      },
    ];
    const file = await filled(template.data, rows);
    expect(await importServiceRequests(db, { actor: manager, parkId, file })).toEqual({ ok: true, created: 2, unchanged: 0 });
    // 4000 + 8999.625 = 12 999.625 → 12 999.63, rounded once.
    expect(await servicesRubIn2024(slug)).toBe('12999.63');
    const written = await db.select().from(serviceRequests).where(eq(serviceRequests.parkId, parkId)).orderBy(serviceRequests.key);
    expect(written.map((r) => [r.key, r.status, r.requestedOn, r.doneOn, r.quantity, r.unitPriceRub, r.unitMarketPriceRub, r.requestedBy])).toEqual([
      ['P-1', 'done', '2024-03-01', '2024-03-05', '2.00', '1000.00', '3000.00', null],
      ['P-2', 'done', '2024-11-20', '2024-12-02', '1.50', '3000.25', '9000.00', null],
    ]);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.parkId, parkId), eq(auditLog.action, 'serviceRequest.import')));
    expect(audits).toHaveLength(2);

    // The catalogue's price changes afterwards: the same file again still matches what was imported.
    await updateService(db, { actor: manager, parkId, input: { serviceId: ip.id, name: 'Patent search', kind: 'ip', unit: 'item', marketPriceRub: '9500', residentPriceRub: '3000' } });
    expect(await importServiceRequests(db, { actor: manager, parkId, file })).toEqual({ ok: true, created: 0, unchanged: 2 });
    expect(await requestsOf(parkId)).toBe(2);
    expect(await servicesRubIn2024(slug)).toBe('12999.63');

    // A known key with other figures is refused, not overwritten; with a new row beside it, neither is written.
    const changed = await filled(template.data, [{ ...rows[0], quantity: 3 }, { ...rows[0], key: 'P-3' }]);
    const refused = await importServiceRequests(db, { actor: manager, parkId, file: changed });
    expect(refused).toMatchObject({ ok: false, rows: [{ row: 2, key: 'P-1', issues: [{ field: 'key', code: 'importKeyTaken' }] }] });
    expect(await requestsOf(parkId)).toBe(2);
  });

  it('refuses a file that is not a workbook, or lacks the columns, and anyone but the park’s managers', async () => {
    const { db, parkId, manager, template } = await world();
    expect(await importServiceRequests(db, { actor: manager, parkId, file: new TextEncoder().encode('key,company\n1,2') })).toEqual({
      ok: false,
      fileIssues: [{ field: null, code: 'importNotXlsx', params: { max: 5 } }],
      rows: [],
    });
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Requests').addRow(['key', 'company']);
    const bare = await importServiceRequests(db, { actor: manager, parkId, file: new Uint8Array(await book.xlsx.writeBuffer()) });
    expect(bare).toMatchObject({ ok: false, fileIssues: [{ code: 'uploadMissingColumns', params: { columns: 'service, requestedOn, doneOn, quantity' } }] });
    const empty = await importServiceRequests(db, { actor: manager, parkId, file: await filled(template.data, []) });
    expect(empty).toMatchObject({ ok: false, fileIssues: [{ code: 'uploadEmpty' }] });

    const file = await filled(template.data, []);
    expect(await codeOf(importServiceRequests(db, { actor: await makeAnalyst(parkId), parkId, file }))).toBe('FORBIDDEN');
    const { manager: stranger } = await makeManagedPark();
    expect(await codeOf(importServiceRequests(db, { actor: stranger, parkId, file }))).toBe('NOT_FOUND');
    expect(await codeOf(buildServiceImportTemplate(db, { actor: stranger, parkId }))).toBe('NOT_FOUND');
  });
});
