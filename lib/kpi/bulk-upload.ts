import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { companies, kpiReports, kpiReportVersions, parks, residencies } from '@/db/schema';
import { actorUserId, type Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { AppError, notFound } from '@/lib/errors';
import { addInstructionsSheet, addTableSheet, cellText as textOf, newWorkbook, NUMBER_FORMATS, openXlsx, readCell, workbookBuffer, type CellRead, type ExcelJS } from '@/lib/export/xlsx';
import { capitalWithinInvestment, readMoney } from '@/lib/validation/amounts';
import { parseInput } from '@/lib/validation/parse';
import { KPI_FIGURES, KPI_UPLOAD_MAX_BYTES, KPI_UPLOAD_MAX_ROWS, kpiTemplateSchema, readCount, type KpiFigure } from '@/lib/validation/kpi';
import { figuresOf, sameFigures, type KpiFiguresDto } from './common';
import { inTransaction } from '@/lib/transaction';

/*
 * Bulk upload of a year's annual KPI reports by the park's manager, from the XLSX template.
 *
 * Semantics: the manager enters these figures on the residents' behalf (typically from the paper
 * or e-mailed reports of residents who do not use the product), so an uploaded row counts as an
 * accepted report, reviewed by the manager who uploaded it. It replaces any draft, submitted or
 * returned report of that resident for the year; an accepted report whose figures differ is
 * updated. Each change is a new version (kept with the earlier ones). The whole file is
 * committed in one transaction, or nothing is.
 */

/** The template's columns: stable keys in the header row, so the file may be reordered. */
export const TEMPLATE_COLUMNS = ['company', 'inn', 'name', ...KPI_FIGURES] as const;
type Column = (typeof TEMPLATE_COLUMNS)[number];
const FIGURE_COLUMNS = KPI_FIGURES;
type FigureColumn = KpiFigure;
const MONEY_COLUMNS = new Set<FigureColumn>(['investmentRub', 'capitalInvestmentRub', 'incomeRub', 'taxesPaidRub', 'rndSpendRub']);
const OPTIONAL_COLUMNS = new Set<FigureColumn>(['headcount', 'rndSpendRub']);

const SHEET_NAME = (year: number) => `KPI ${year}`;

type Resident = { id: string; key: string | null; name: string; inn: string | null; activeInYear: boolean };

/** The park's residents (every company that ever held a residency), and whether each was one in `year`. */
async function residentsOf(db: DbOrTx, parkId: string, year: number): Promise<Resident[]> {
  return db
    .select({
      id: companies.id,
      key: companies.key,
      name: companies.name,
      inn: companies.inn,
      activeInYear: sql<boolean>`bool_or(${residencies.startOn} <= make_date(${year}, 12, 31) AND (${residencies.endOn} IS NULL OR ${residencies.endOn} >= make_date(${year}, 1, 1)))`,
    })
    .from(residencies)
    .innerJoin(companies, eq(companies.id, residencies.companyId))
    .where(eq(residencies.parkId, parkId))
    .groupBy(companies.id)
    .orderBy(companies.name, companies.id);
}

const companyRef = (c: { id: string; key: string | null }) => c.key ?? c.id;

// ---------------------------------------------------------------- the template

/**
 * The XLSX template for a year: one row per resident active that year, with its figures filled in
 * where the park already holds a (non-draft) report, and a sheet explaining each column.
 */
export async function buildKpiTemplate(db: DbOrTx, { actor, input }: { actor: Actor; input: { parkId: string; year: number | string } }): Promise<{ filename: string; data: Buffer }> {
  const { parkId, year } = parseInput(kpiTemplateSchema, input);
  assertCan(actor, 'kpi.bulkUpload', parkId);
  const [park] = await db.select({ slug: parks.slug }).from(parks).where(eq(parks.id, parkId));
  if (!park) throw notFound('park');
  const residents = (await residentsOf(db, parkId, year)).filter((r) => r.activeInYear);
  const existing = await existingReports(db, parkId, year);

  const workbook = newWorkbook();
  addTableSheet(
    workbook,
    SHEET_NAME(year),
    TEMPLATE_COLUMNS.map((key) => ({
      header: key,
      key,
      width: key === 'name' ? 40 : key === 'company' ? 24 : 18,
      style: MONEY_COLUMNS.has(key as FigureColumn) ? { numFmt: NUMBER_FORMATS.money } : key === 'inn' || key === 'company' ? { numFmt: '@' } : {},
    })),
    residents.map((r) => {
      const report = existing.get(r.id);
      const figures = report && report.status !== 'draft' ? report.figures : null;
      return {
        company: companyRef(r),
        inn: r.inn ?? '',
        name: r.name,
        ...(figures ? Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, cellFor(c, figures[c])])) : {}),
      };
    }),
    { columns: 3 },
  );

  addInstructionsSheet(workbook, TEMPLATE_HELP);

  const data = await workbookBuffer(workbook);
  return { filename: `kpi-${park.slug}-${year}.xlsx`, data };
}

/** A number where it is exact in a spreadsheet, else the decimal text (the upload reads both). */
function cellFor(column: FigureColumn, value: string | number | null): string | number | null {
  if (value === null || typeof value === 'number') return value;
  const n = Number(value);
  return Number.isFinite(n) && n.toFixed(2) === value ? n : value;
}

const TEMPLATE_HELP: [string, string, string][] = [
  ['company', 'The company key in this park (do not change it). Leave empty to match the company by INN.', 'Ключ компании в парке (не меняйте). Пусто — компания ищется по ИНН.'],
  ['inn', 'The company’s INN (taxpayer number).', 'ИНН компании.'],
  ['name', 'The company’s name, for reading only.', 'Название компании, только для чтения.'],
  ['jobsCreated', 'New jobs created during the year (a whole number).', 'Создано новых рабочих мест за год (целое число).'],
  ['headcount', 'Headcount at the end of the year (a whole number; may be empty).', 'Численность работников на конец года (целое число; можно не заполнять).'],
  ['investmentRub', 'Investment during the year, roubles with kopecks.', 'Инвестиции за год, рубли с копейками.'],
  ['capitalInvestmentRub', 'Of which capital investment (not more than the investment), roubles.', 'В том числе капитальные вложения (не больше инвестиций), рубли.'],
  ['incomeRub', 'Income (revenue) for the year, roubles.', 'Выручка за год, рубли.'],
  ['taxesPaidRub', 'Taxes paid during the year, roubles.', 'Уплачено налогов за год, рубли.'],
  ['rndSpendRub', 'Spending on research and development, roubles (may be empty).', 'Затраты на исследования и разработки, рубли (можно не заполнять).'],
  ['', 'A row with all figures empty is skipped. Uploaded rows count as reports accepted by the manager.', 'Строка без показателей пропускается. Загруженные строки считаются отчётами, принятыми менеджером.'],
];

// ---------------------------------------------------------------- reading the file

export type UploadIssue = { field: Column | null; code: string; params?: Record<string, string | number> };

export type UploadRow = {
  /** The row's number in the spreadsheet (the header is row 1). */
  row: number;
  company: string;
  inn: string;
  name: string;
  companyId: string | null;
  /** The values as read (text), for the preview. */
  values: Record<FigureColumn, string>;
  figures: KpiFiguresDto | null;
  action: 'create' | 'update' | 'unchanged' | 'skip' | 'error';
  /** The status of the report it replaces, when there is one. */
  previousStatus: string | null;
  issues: UploadIssue[];
};

export type UploadPreview = {
  year: number;
  /** Problems with the file as a whole (not an XLSX, a missing column…). */
  fileIssues: UploadIssue[];
  rows: UploadRow[];
  counts: { create: number; update: number; unchanged: number; skip: number; error: number };
  ok: boolean;
};

function readFigure(column: FigureColumn, cell: CellRead): { value: string | number | null } | { issue: string } {
  if (cell.kind === 'empty') return OPTIONAL_COLUMNS.has(column) ? { value: null } : { issue: 'required' };
  if (cell.kind === 'bad') return { issue: MONEY_COLUMNS.has(column) ? 'amountNotRoubles' : 'invalidCount' };
  const text = textOf(cell);
  if (/e/i.test(text)) return { issue: MONEY_COLUMNS.has(column) ? 'amountNotRoubles' : 'invalidCount' };
  if (MONEY_COLUMNS.has(column)) {
    const read = readMoney(text);
    return read.ok ? { value: read.value } : { issue: read.message };
  }
  const count = readCount(text);
  return typeof count === 'number' ? { value: count } : { issue: count };
}

function fileRefusal(code: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION', message, { key: code, params, fieldErrors: { file: [code] } });
}

/** Checks the upload is an XLSX workbook (by content, not by name) of acceptable size, and opens it. */
async function openWorkbook(file: Uint8Array): Promise<ExcelJS.Workbook> {
  const opened = await openXlsx(file, KPI_UPLOAD_MAX_BYTES);
  if (opened === 'tooLarge') throw fileRefusal('kpiUploadTooLarge', `file: larger than ${KPI_UPLOAD_MAX_BYTES / 1024 / 1024} MB`, { max: KPI_UPLOAD_MAX_BYTES / 1024 / 1024 });
  if (opened === 'notXlsx') throw fileRefusal('kpiUploadNotXlsx', 'file: not an XLSX workbook');
  return opened;
}

async function existingReports(db: DbOrTx, parkId: string, year: number, lock = false) {
  const query = db
    .select()
    .from(kpiReports)
    .where(and(eq(kpiReports.parkId, parkId), eq(kpiReports.year, year), isNull(kpiReports.quarter)));
  const rows = lock ? await query.for('update') : await query;
  return new Map(rows.map((r) => [r.companyId, { id: r.id, status: r.status, version: r.version, figures: figuresOf(r) }]));
}

async function checkUpload(db: DbOrTx, parkId: string, year: number, file: Uint8Array, lock: boolean): Promise<UploadPreview & { existing: Awaited<ReturnType<typeof existingReports>> }> {
  const workbook = await openWorkbook(file);
  const sheet = workbook.worksheets[0];
  const empty = { year, rows: [], counts: { create: 0, update: 0, unchanged: 0, skip: 0, error: 0 }, ok: false, existing: new Map() };
  if (!sheet) return { ...empty, fileIssues: [{ field: null, code: 'uploadNoSheet' }] };
  const sheetYear = /^KPI (\d{4})$/.exec(sheet.name.trim())?.[1];
  if (sheetYear && Number(sheetYear) !== year) return { ...empty, fileIssues: [{ field: null, code: 'uploadWrongYear', params: { fileYear: Number(sheetYear), year } }] };

  const columns = new Map<Column, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const key = textOf(readCell(cell.value)).trim();
    const known = TEMPLATE_COLUMNS.find((c) => c.toLowerCase() === key.toLowerCase());
    if (known && !columns.has(known)) columns.set(known, col);
  });
  const missing = TEMPLATE_COLUMNS.filter((c) => c !== 'name' && c !== 'inn' && !columns.has(c));
  if (!columns.has('company') && columns.has('inn')) missing.splice(missing.indexOf('company'), 1);
  if (missing.length) return { ...empty, fileIssues: [{ field: null, code: 'uploadMissingColumns', params: { columns: missing.join(', ') } }] };
  if (sheet.actualRowCount - 1 > KPI_UPLOAD_MAX_ROWS) return { ...empty, fileIssues: [{ field: null, code: 'uploadTooManyRows', params: { max: KPI_UPLOAD_MAX_ROWS } }] };

  const residents = await residentsOf(db, parkId, year);
  const byRef = new Map<string, Resident>();
  for (const r of residents) {
    byRef.set(r.id, r);
    if (r.key) byRef.set(r.key, r);
  }
  const byInn = new Map<string, Resident[]>();
  for (const r of residents) if (r.inn) byInn.set(r.inn, [...(byInn.get(r.inn) ?? []), r]);
  const existing = await existingReports(db, parkId, year, lock);

  const rows: UploadRow[] = [];
  const seen = new Map<string, number>();
  for (let n = 2; n <= sheet.rowCount; n++) {
    const sheetRow = sheet.getRow(n);
    const cell = (c: Column) => (columns.has(c) ? readCell(sheetRow.getCell(columns.get(c)!).value) : ({ kind: 'empty' } as CellRead));
    const cells = Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c, cell(c)])) as Record<Column, CellRead>;
    if (TEMPLATE_COLUMNS.every((c) => cells[c].kind === 'empty')) continue;
    const row: UploadRow = {
      row: n,
      company: textOf(cells.company),
      inn: textOf(cells.inn),
      name: textOf(cells.name),
      companyId: null,
      values: Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, textOf(cells[c])])) as Record<FigureColumn, string>,
      figures: null,
      action: 'error',
      previousStatus: null,
      issues: [],
    };
    rows.push(row);

    // Which company: its key (or id) in this park, else its INN.
    let resident: Resident | undefined;
    if (row.company) {
      resident = byRef.get(row.company);
      if (!resident) row.issues.push({ field: 'company', code: 'unknownCompany', params: { value: row.company } });
    } else if (row.inn) {
      const matches = byInn.get(row.inn.replace(/\s/g, '')) ?? [];
      if (matches.length === 1) resident = matches[0];
      else row.issues.push({ field: 'inn', code: matches.length ? 'ambiguousInn' : 'unknownCompany', params: { value: row.inn } });
    } else {
      row.issues.push({ field: 'company', code: 'companyMissing' });
    }
    if (resident) {
      row.companyId = resident.id;
      if (!row.name) row.name = resident.name;
      if (!resident.activeInYear) row.issues.push({ field: 'company', code: 'notResidentThatYear', params: { year } });
      const first = seen.get(resident.id);
      if (first !== undefined) row.issues.push({ field: 'company', code: 'duplicateRow', params: { row: first } });
      else seen.set(resident.id, n);
    }

    if (FIGURE_COLUMNS.every((c) => cells[c].kind === 'empty')) {
      if (!row.issues.length) row.action = 'skip';
      continue;
    }
    const read: Partial<Record<FigureColumn, string | number | null>> = {};
    for (const c of FIGURE_COLUMNS) {
      const result = readFigure(c, cells[c]);
      if ('issue' in result) row.issues.push({ field: c, code: result.issue });
      else read[c] = result.value;
    }
    if (typeof read.investmentRub === 'string' && typeof read.capitalInvestmentRub === 'string' && !capitalWithinInvestment(read.capitalInvestmentRub, read.investmentRub)) {
      row.issues.push({ field: 'capitalInvestmentRub', code: 'capexAboveInvestment' });
    }
    if (row.issues.length) continue;
    row.figures = {
      jobsCreated: read.jobsCreated as number,
      headcount: (read.headcount ?? null) as number | null,
      investmentRub: read.investmentRub as string,
      capitalInvestmentRub: read.capitalInvestmentRub as string,
      incomeRub: read.incomeRub as string,
      taxesPaidRub: read.taxesPaidRub as string,
      rndSpendRub: (read.rndSpendRub ?? null) as string | null,
    };
    const current = existing.get(row.companyId!);
    row.previousStatus = current?.status ?? null;
    row.action = !current ? 'create' : current.status === 'accepted' && sameFigures(current.figures, row.figures) ? 'unchanged' : 'update';
  }
  const counts = { create: 0, update: 0, unchanged: 0, skip: 0, error: 0 };
  for (const r of rows) counts[r.action]++;
  const fileIssues: UploadIssue[] = rows.length ? [] : [{ field: null, code: 'uploadEmpty' }];
  return { year, fileIssues, rows, counts, ok: counts.error === 0 && fileIssues.length === 0, existing };
}

/** Reads and checks every row of an uploaded file; writes nothing. */
export async function previewKpiUpload(db: DbOrTx, { actor, input, file }: { actor: Actor; input: { parkId: string; year: number | string }; file: Uint8Array }): Promise<UploadPreview> {
  const { parkId, year } = parseInput(kpiTemplateSchema, input);
  assertCan(actor, 'kpi.bulkUpload', parkId);
  const { existing: _, ...preview } = await checkUpload(db, parkId, year, file, false);
  return preview;
}

export type UploadCommitResult = { created: number; updated: number; unchanged: number; skipped: number };

/**
 * Checks the file again and, only if every row is good, writes it in one transaction: each new or
 * changed row becomes an accepted report (a new version), with its audit row. Any bad row and
 * nothing is written.
 */
export async function commitKpiUpload(db: Db, { actor, input, file }: { actor: Actor; input: { parkId: string; year: number | string }; file: Uint8Array }): Promise<UploadCommitResult> {
  const { parkId, year } = parseInput(kpiTemplateSchema, input);
  assertCan(actor, 'kpi.bulkUpload', parkId);
  return inTransaction(db, async (tx) => {
    const check = await checkUpload(tx, parkId, year, file, true);
    if (!check.ok) {
      const bad = check.rows.filter((r) => r.action === 'error');
      const first = check.fileIssues[0] ?? bad[0]?.issues[0];
      const where = check.fileIssues.length ? 'file' : `row ${bad[0].row}${first?.field ? ` ${first.field}` : ''}`;
      throw new AppError('VALIDATION', `${where}: ${first?.code ?? 'invalid'}; nothing was imported`, {
        key: 'kpiUploadHasErrors',
        params: { errors: bad.length || check.fileIssues.length },
      });
    }
    const now = new Date();
    const reviewer = actorUserId(actor);
    const result: UploadCommitResult = { created: 0, updated: 0, unchanged: check.counts.unchanged, skipped: check.counts.skip };
    const audits: Extract<Parameters<typeof writeAudit>[1], unknown[]> = [];
    const versions: (typeof kpiReportVersions.$inferInsert)[] = [];
    for (const row of check.rows) {
      if (row.action !== 'create' && row.action !== 'update') continue;
      const figures = row.figures!;
      const current = check.existing.get(row.companyId!);
      const version = (current?.version ?? 0) + 1;
      const values = { ...figures, status: 'accepted' as const, version, reviewedAt: now, reviewedBy: reviewer, reviewComment: null, updatedAt: now };
      let id: string;
      if (current) {
        const [updated] = await tx.update(kpiReports).set(values).where(and(eq(kpiReports.id, current.id), eq(kpiReports.version, current.version))).returning({ id: kpiReports.id });
        if (!updated) throw new AppError('CONFLICT', `row ${row.row}: the report changed while uploading; nothing was imported`, { key: 'concurrent' });
        id = updated.id;
        result.updated++;
      } else {
        const [created] = await tx
          .insert(kpiReports)
          .values({ parkId, companyId: row.companyId!, year, quarter: null, submittedAt: now, ...values })
          .returning({ id: kpiReports.id });
        id = created.id;
        result.created++;
      }
      versions.push({ reportId: id, version, snapshot: { year, quarter: null, ...figures }, submittedBy: reviewer, submittedAt: now });
      audits.push({
        actor,
        parkId,
        action: 'kpi.bulkUpload',
        entity: 'kpi_report',
        entityId: id,
        before: current ? { status: current.status, version: current.version, ...current.figures } : null,
        after: { status: 'accepted', version, year, quarter: null, ...figures },
      });
    }
    for (let i = 0; i < versions.length; i += 500) await tx.insert(kpiReportVersions).values(versions.slice(i, i + 500));
    await writeAudit(tx, audits);
    return result;
  });
}
