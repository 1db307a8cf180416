import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { serviceRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { isRealDate } from '@/lib/dates';
import { notFound } from '@/lib/errors';
import { addInstructionsSheet, addTableSheet, cellDate, cellText, newWorkbook, NUMBER_FORMATS, openXlsx, readCell, workbookBuffer, type CellRead, type ExcelJS } from '@/lib/export/xlsx';
import { toKopecks } from '@/lib/reports/money';
import { inTransaction } from '@/lib/transaction';
import { readMoney } from '@/lib/validation/amounts';
import { quantityField } from '@/lib/validation/services';

/*
 * Requests the park delivered outside the product (on paper, by e-mail), uploaded by a manager from an
 * XLSX template: each good row becomes a done service request with its prices as given, or the
 * catalogue's today when both are left empty. The whole file is written in one transaction, or — when
 * any row is bad — nothing, and every bad row is named with its number and reason. The `key` column
 * makes a re-upload harmless: a key already imported with the same figures is left as it is; one
 * imported with other figures is refused (the data set's key, service_requests_park_key).
 */

/** The template's columns: the contract's serviceRequests fields (docs/dataset.md), stable keys in the header row. */
export const SERVICE_IMPORT_COLUMNS = ['key', 'company', 'service', 'requestedOn', 'status', 'doneOn', 'quantity', 'unitPriceRub', 'unitMarketPriceRub'] as const;
type Column = (typeof SERVICE_IMPORT_COLUMNS)[number];
const REQUIRED: Column[] = ['key', 'company', 'service', 'requestedOn', 'doneOn', 'quantity'];

export const SERVICE_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const SERVICE_IMPORT_MAX_ROWS = 5000;
const SHEET = 'Requests';
const KEY_MAX = 100;

export type ServiceImportIssue = { field: Column | null; code: string; params?: Record<string, string | number> };
export type ServiceImportRow = { row: number; key: string; issues: ServiceImportIssue[] };
export type ServiceImportResult =
  | { ok: true; created: number; unchanged: number }
  | { ok: false; fileIssues: ServiceImportIssue[]; rows: ServiceImportRow[] };

type Company = { id: string; key: string | null; name: string; inn: string | null; residentFrom: string; residentTo: string | null };
type Service = { id: string; key: string | null; name: string; kind: string; unit: string; marketPriceRub: string; residentPriceRub: string; active: boolean };

/** The park's companies that ever held a residency in it, and its catalogue (inactive services too: old requests name them). */
async function listsOf(db: DbOrTx, parkId: string) {
  const [companies, services] = await Promise.all([
    queryRows<Company>(
      db,
      sql`SELECT c.id, c.key, c.name, c.inn, min(r.start_on)::text AS "residentFrom",
                 CASE WHEN bool_or(r.end_on IS NULL) THEN NULL ELSE max(r.end_on)::text END AS "residentTo"
          FROM residencies r JOIN companies c ON c.id = r.company_id WHERE r.park_id = ${parkId}
          GROUP BY c.id ORDER BY c.name, c.id`,
    ),
    queryRows<Service>(
      db,
      sql`SELECT id, key, name, kind::text AS kind, unit::text AS unit, market_price_rub::text AS "marketPriceRub", resident_price_rub::text AS "residentPriceRub", active
          FROM services WHERE park_id = ${parkId} ORDER BY active DESC, name, id`,
    ),
  ]);
  return { companies, services: services.map((s) => ({ ...s, active: Boolean(s.active) })) };
}

const refOf = (r: { id: string; key: string | null }) => r.key ?? r.id;

// ---------------------------------------------------------------- the template

/**
 * The XLSX template: an empty Requests sheet whose company and service cells offer the park's
 * companies and services as lists, the two lists on their own sheets, and the instructions.
 */
export async function buildServiceImportTemplate(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<{ filename: string; data: Buffer }> {
  assertCan(actor, 'serviceRequest.handle', parkId);
  const [park] = await queryRows<{ slug: string }>(db, sql`SELECT slug FROM parks WHERE id = ${parkId}`);
  if (!park) throw notFound('park');
  const { companies, services } = await listsOf(db, parkId);

  const workbook = newWorkbook();
  const sheet = addTableSheet(
    workbook,
    SHEET,
    SERVICE_IMPORT_COLUMNS.map((key) => ({
      header: key,
      key,
      width: key === 'company' || key === 'service' ? 28 : 16,
      style: key === 'quantity' ? { numFmt: NUMBER_FORMATS.decimal } : key.endsWith('Rub') ? { numFmt: NUMBER_FORMATS.money } : { numFmt: '@' },
    })),
    [],
    {},
  );
  // Value lists on the first thousand rows (exceljs writes a range once, but reads it back cell by cell).
  const lastRow = 1001;
  const column = (key: Column) => String.fromCharCode(65 + SERVICE_IMPORT_COLUMNS.indexOf(key));
  // The worksheet's range validations exist at runtime in exceljs 4.4 but are missing from its typings.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  const list = (key: Column, formula: string) => validations.add(`${column(key)}2:${column(key)}${lastRow}`, { type: 'list', allowBlank: true, formulae: [formula] });
  if (companies.length) list('company', `Companies!$A$2:$A$${companies.length + 1}`);
  if (services.length) list('service', `Services!$A$2:$A$${services.length + 1}`);
  list('status', '"done"');

  addTableSheet(
    workbook,
    'Companies',
    [
      { header: 'company', key: 'ref', width: 38 },
      { header: 'name', key: 'name', width: 48 },
      { header: 'inn', key: 'inn', width: 16 },
      { header: 'residentFrom', key: 'residentFrom', width: 14 },
      { header: 'residentTo', key: 'residentTo', width: 14 },
    ],
    companies.map((c) => ({ ref: refOf(c), name: c.name, inn: c.inn ?? '', residentFrom: c.residentFrom, residentTo: c.residentTo ?? '' })),
  );
  addTableSheet(
    workbook,
    'Services',
    [
      { header: 'service', key: 'ref', width: 38 },
      { header: 'name', key: 'name', width: 40 },
      { header: 'kind', key: 'kind', width: 16 },
      { header: 'unit', key: 'unit', width: 8 },
      { header: 'marketPriceRub', key: 'marketPriceRub', width: 16, style: { numFmt: NUMBER_FORMATS.money } },
      { header: 'residentPriceRub', key: 'residentPriceRub', width: 16, style: { numFmt: NUMBER_FORMATS.money } },
      { header: 'active', key: 'active', width: 8 },
    ],
    services.map((s) => ({ ref: refOf(s), name: s.name, kind: s.kind, unit: s.unit, marketPriceRub: Number(s.marketPriceRub), residentPriceRub: Number(s.residentPriceRub), active: s.active ? 'yes' : 'no' })),
  );

  addInstructionsSheet(workbook, TEMPLATE_HELP);
  return { filename: `service-requests-${park.slug}.xlsx`, data: await workbookBuffer(workbook) };
}

const TEMPLATE_HELP: [string, string, string][] = [
  ['key', 'Your own identifier of the request, unique in the park (e.g. a paper register’s number). Uploading a file again skips the rows already imported.', 'Ваш идентификатор заявки, уникальный в парке (например, номер в бумажном журнале). При повторной загрузке уже загруженные строки пропускаются.'],
  ['company', 'The company, from the Companies sheet (its first column). It held a residency in the park on requestedOn (residentFrom–residentTo there: the first and last day of its residencies, empty when still a resident).', 'Компания с листа Companies (первый столбец). На дату requestedOn она резидент парка (там residentFrom–residentTo: первый и последний день резидентства, пусто — резидент до сих пор).'],
  ['service', 'The service, from the Services sheet (its first column).', 'Услуга с листа Services (первый столбец).'],
  ['requestedOn', 'The day it was asked for, YYYY-MM-DD.', 'Дата обращения, ГГГГ-ММ-ДД.'],
  ['status', 'done, or empty: only delivered requests are uploaded.', 'done или пусто: загружаются только выполненные заявки.'],
  ['doneOn', 'The day it was delivered, YYYY-MM-DD, not before requestedOn.', 'Дата выполнения, ГГГГ-ММ-ДД, не раньше requestedOn.'],
  ['quantity', 'Units delivered (hours, days, items): above zero, at most two decimals.', 'Оказано единиц (часов, дней, штук): больше нуля, не больше двух знаков после запятой.'],
  ['unitPriceRub', 'The price per unit the resident paid, roubles. Leave both prices empty to take the catalogue’s today.', 'Цена единицы для резидента, рубли. Оставьте обе цены пустыми, чтобы взять цены каталога на сегодня.'],
  ['unitMarketPriceRub', 'The market price per unit, roubles, not below the resident’s.', 'Рыночная цена единицы, рубли, не ниже цены для резидента.'],
  ['', 'Any bad row and nothing is imported: the page lists every bad row with its number and reason.', 'Если хоть одна строка с ошибкой, ничего не загружается: страница называет каждую такую строку и причину.'],
];

// ---------------------------------------------------------------- reading the file

type Checked = {
  row: number;
  key: string;
  companyId: string;
  serviceId: string;
  requestedOn: string;
  doneOn: string;
  quantity: string;
  unitPriceRub: string;
  unitMarketPriceRub: string;
};

type Existing = { key: string; companyId: string; serviceId: string; requestedOn: string; status: string; doneOn: string | null; quantity: string; unitPriceRub: string | null; unitMarketPriceRub: string | null };

function money(cell: CellRead, field: Column, issues: ServiceImportIssue[]): string | null {
  if (cell.kind === 'empty') return null;
  const text = cellText(cell);
  const read = cell.kind === 'bad' || /e/i.test(text) ? ({ ok: false, message: 'amountNotRoubles' } as const) : readMoney(text);
  if (read.ok) return read.value;
  issues.push({ field, code: read.message });
  return null;
}

/** Reads and checks every row against the park's lists and the requests already imported; writes nothing. */
async function checkFile(db: DbOrTx, parkId: string, workbook: ExcelJS.Workbook) {
  const fileIssues: ServiceImportIssue[] = [];
  const sheet = workbook.getWorksheet(SHEET) ?? workbook.worksheets[0];
  if (!sheet) return { fileIssues: [{ field: null, code: 'uploadNoSheet' }], rows: [], good: [], unchanged: 0 };
  const columns = new Map<Column, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const name = cellText(readCell(cell.value)).toLowerCase();
    const known = SERVICE_IMPORT_COLUMNS.find((c) => c.toLowerCase() === name);
    if (known && !columns.has(known)) columns.set(known, col);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length) return { fileIssues: [{ field: null, code: 'uploadMissingColumns', params: { columns: missing.join(', ') } }], rows: [], good: [], unchanged: 0 };
  if (sheet.actualRowCount - 1 > SERVICE_IMPORT_MAX_ROWS) return { fileIssues: [{ field: null, code: 'uploadTooManyRows', params: { max: SERVICE_IMPORT_MAX_ROWS } }], rows: [], good: [], unchanged: 0 };

  const { companies, services } = await listsOf(db, parkId);
  const companyByRef = new Map<string, Company>();
  for (const c of companies) {
    companyByRef.set(c.id, c);
    if (c.key) companyByRef.set(c.key, c);
  }
  const serviceByRef = new Map<string, Service>();
  for (const s of services) {
    serviceByRef.set(s.id, s);
    if (s.key) serviceByRef.set(s.key, s);
  }

  type Draft = Omit<Checked, 'unitPriceRub' | 'unitMarketPriceRub'> & { unitPriceRub: string | null; unitMarketPriceRub: string | null };
  const rows: ServiceImportRow[] = [];
  const drafts: Draft[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (let n = 2; n <= sheet.rowCount; n++) {
    const sheetRow = sheet.getRow(n);
    const raw = (c: Column) => (columns.has(c) ? sheetRow.getCell(columns.get(c)!).value : null);
    const cells = Object.fromEntries(SERVICE_IMPORT_COLUMNS.map((c) => [c, readCell(raw(c))])) as Record<Column, CellRead>;
    if (SERVICE_IMPORT_COLUMNS.every((c) => cells[c].kind === 'empty' && !(raw(c) instanceof Date))) continue;
    const issues: ServiceImportIssue[] = [];
    const key = cellText(cells.key);
    rows.push({ row: n, key, issues });

    if (!key) issues.push({ field: 'key', code: 'required' });
    else if (key.length > KEY_MAX) issues.push({ field: 'key', code: 'tooLong' });
    else if (firstRowOfKey.has(key)) issues.push({ field: 'key', code: 'importDuplicateKey', params: { row: firstRowOfKey.get(key)! } });
    else firstRowOfKey.set(key, n);

    const companyRef = cellText(cells.company);
    const company = companyRef ? companyByRef.get(companyRef) : undefined;
    if (!companyRef) issues.push({ field: 'company', code: 'required' });
    else if (!company) issues.push({ field: 'company', code: 'importUnknownCompany', params: { value: companyRef } });

    const serviceRef = cellText(cells.service);
    const service = serviceRef ? serviceByRef.get(serviceRef) : undefined;
    if (!serviceRef) issues.push({ field: 'service', code: 'required' });
    else if (!service) issues.push({ field: 'service', code: 'importUnknownService', params: { value: serviceRef } });

    const status = cellText(cells.status).toLowerCase();
    if (status && status !== 'done') issues.push({ field: 'status', code: 'importOnlyDone', params: { value: status } });

    const date = (c: 'requestedOn' | 'doneOn') => {
      const read = cellDate(raw(c));
      if (read === null) issues.push({ field: c, code: 'required' });
      else if (read === false || !isRealDate(read)) issues.push({ field: c, code: 'importNotADate' });
      else return read;
      return null;
    };
    const requestedOn = date('requestedOn');
    const doneOn = date('doneOn');
    if (requestedOn && doneOn && doneOn < requestedOn) issues.push({ field: 'doneOn', code: 'importDoneBeforeRequested' });

    let quantity: string | null = null;
    if (cells.quantity.kind === 'empty') issues.push({ field: 'quantity', code: 'required' });
    else {
      const text = cellText(cells.quantity);
      const read = cells.quantity.kind === 'bad' || /e/i.test(text) ? null : quantityField().safeParse(text);
      if (read?.success) quantity = read.data;
      else issues.push({ field: 'quantity', code: read?.error.issues[0]?.message ?? 'quantityPositive' });
    }

    const unitPriceRub = money(cells.unitPriceRub, 'unitPriceRub', issues);
    const unitMarketPriceRub = money(cells.unitMarketPriceRub, 'unitMarketPriceRub', issues);
    const pricesRead = !issues.some((i) => i.field === 'unitPriceRub' || i.field === 'unitMarketPriceRub');
    if (pricesRead && (unitPriceRub === null) !== (unitMarketPriceRub === null))
      issues.push({ field: unitPriceRub === null ? 'unitPriceRub' : 'unitMarketPriceRub', code: 'importPricesTogether' });
    else if (unitPriceRub !== null && unitMarketPriceRub !== null && toKopecks(unitPriceRub) > toKopecks(unitMarketPriceRub))
      issues.push({ field: 'unitPriceRub', code: 'residentPriceAboveMarket' });

    if (!issues.length)
      drafts.push({ row: n, key, companyId: company!.id, serviceId: service!.id, requestedOn: requestedOn!, doneOn: doneOn!, quantity: quantity!, unitPriceRub, unitMarketPriceRub });
  }
  if (!rows.length) fileIssues.push({ field: null, code: 'uploadEmpty' });

  // Checks that need the database, for all rows at once: a residency on requestedOn, and the keys already used.
  const good: Checked[] = [];
  let unchanged = 0;
  if (drafts.length) {
    const values = sql.join(
      drafts.map((d) => sql`(${d.row}::int, ${d.companyId}::uuid, ${d.requestedOn}::date, ${d.key}::text)`),
      sql`, `,
    );
    const facts = await queryRows<{ row: number; resident: boolean }>(
      db,
      sql`SELECT v.row, EXISTS (
            SELECT 1 FROM residencies r WHERE r.park_id = ${parkId} AND r.company_id = v.company_id
              AND r.start_on <= v.requested_on AND (r.end_on IS NULL OR r.end_on >= v.requested_on)
          ) AS resident
          FROM (VALUES ${values}) AS v(row, company_id, requested_on, key)`,
    );
    const existing = await queryRows<Existing>(
      db,
      sql`SELECT key, company_id AS "companyId", service_id AS "serviceId", requested_on::text AS "requestedOn", status::text AS status, done_on::text AS "doneOn",
                 quantity::text AS quantity, unit_price_rub::text AS "unitPriceRub", unit_market_price_rub::text AS "unitMarketPriceRub"
          FROM service_requests WHERE park_id = ${parkId} AND key IN (${sql.join(drafts.map((d) => sql`${d.key}`), sql`, `)})
          FOR UPDATE`,
    );
    const residentOn = new Map(facts.map((f) => [Number(f.row), Boolean(f.resident)]));
    const byKey = new Map(existing.map((e) => [e.key, e]));
    const issuesOf = new Map(rows.map((r) => [r.row, r.issues]));
    const serviceById = new Map(services.map((x) => [x.id, x]));
    for (const d of drafts) {
      const issues = issuesOf.get(d.row)!;
      const before = byKey.get(d.key);
      if (before) {
        // Prices left empty in the file take the catalogue's: compare those the request was written with.
        const same =
          before.companyId === d.companyId &&
          before.serviceId === d.serviceId &&
          before.requestedOn === d.requestedOn &&
          before.status === 'done' &&
          before.doneOn === d.doneOn &&
          before.quantity === d.quantity &&
          (d.unitPriceRub === null || (before.unitPriceRub === d.unitPriceRub && before.unitMarketPriceRub === d.unitMarketPriceRub));
        if (same) unchanged++;
        else issues.push({ field: 'key', code: 'importKeyTaken', params: { value: d.key } });
        continue;
      }
      if (!residentOn.get(d.row)) {
        issues.push({ field: 'company', code: 'importNotResident', params: { day: d.requestedOn } });
        continue;
      }
      const service = serviceById.get(d.serviceId)!;
      good.push({ ...d, unitPriceRub: d.unitPriceRub ?? service.residentPriceRub, unitMarketPriceRub: d.unitMarketPriceRub ?? service.marketPriceRub });
    }
  }
  return { fileIssues, rows, good, unchanged };
}

/**
 * Imports the delivered requests of an uploaded template (the park's managers). All or nothing: one
 * transaction, and with any bad row the answer names every bad row and nothing is written. Each
 * imported request is audited (serviceRequest.import).
 */
export async function importServiceRequests(db: Db, { actor, parkId, file }: { actor: Actor; parkId: string; file: Uint8Array }): Promise<ServiceImportResult> {
  assertCan(actor, 'serviceRequest.handle', parkId);
  const workbook = await openXlsx(file, SERVICE_IMPORT_MAX_BYTES);
  if (workbook === 'tooLarge' || workbook === 'notXlsx')
    return { ok: false, fileIssues: [{ field: null, code: workbook === 'tooLarge' ? 'importTooLarge' : 'importNotXlsx', params: { max: SERVICE_IMPORT_MAX_BYTES / 1024 / 1024 } }], rows: [] };
  return inTransaction(db, async (tx) => {
    // One import of a park at a time: two uploads of one file must not both find its keys new.
    await queryRows(tx, sql`SELECT id FROM parks WHERE id = ${parkId} FOR UPDATE`);
    const check = await checkFile(tx, parkId, workbook);
    const bad = check.rows.filter((r) => r.issues.length);
    if (check.fileIssues.length || bad.length) return { ok: false as const, fileIssues: check.fileIssues, rows: bad };
    if (check.good.length) {
      const inserted: { id: string; key: string | null }[] = [];
      for (let i = 0; i < check.good.length; i += 500) {
        inserted.push(
          ...(await tx
            .insert(serviceRequests)
            .values(
              check.good.slice(i, i + 500).map((g) => ({
                parkId,
                key: g.key,
                companyId: g.companyId,
                serviceId: g.serviceId,
                requestedOn: g.requestedOn,
                status: 'done' as const,
                doneOn: g.doneOn,
                quantity: g.quantity,
                unitPriceRub: g.unitPriceRub,
                unitMarketPriceRub: g.unitMarketPriceRub,
              })),
            )
            .returning({ id: serviceRequests.id, key: serviceRequests.key })),
        );
      }
      const byKey = new Map(check.good.map((g) => [g.key, g]));
      await writeAudit(
        tx,
        inserted.map((r) => {
          const { row: _, ...after } = byKey.get(r.key!)!;
          return { actor, parkId, action: 'serviceRequest.import', entity: 'serviceRequest', entityId: r.id, after: { ...after, status: 'done' } };
        }),
      );
    }
    return { ok: true as const, created: check.good.length, unchanged: check.unchanged };
  });
}
