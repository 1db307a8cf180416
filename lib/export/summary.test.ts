import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildIndicatorReport } from '@/lib/reports/indicator-status';
import type { ParkSummary } from '@/lib/reports/types';
import { kuzbassSummary as publishedSummary } from '@/lib/test/kuzbass-summary';
import { csvDialectFor } from './csv';
import { indicatorsToCsv, indicatorsToXlsx } from './indicators';
import { summaryToCsv, summaryToXlsx } from './summary';

/** The published summary, with a narrative that needs quoting in a CSV. */
const kuzbassSummary = (): ParkSummary => ({
  ...publishedSummary(),
  narrative: 'For 2010–2016 the park supported 60 resident companies, 21 of them on site; "quoted", and\non a new line.',
});

/** A minimal RFC 4180 reader, independent of the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  expect(Buffer.isBuffer(buffer)).toBe(true);
  const workbook = new ExcelJS.Workbook();
  // exceljs types load() with its own ArrayBuffer-like Buffer.
  await workbook.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
  return workbook;
}

/** The value cell (column B) of the row whose label (column A) is `label`. */
function valueCell(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === label) found = row.getCell(2);
  });
  if (!found) throw new Error(`No row "${label}" in ${sheet.name}`);
  return found;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`No sheet ${name}`);
  return found;
}

describe('summaryToCsv', () => {
  it('starts with a BOM, ends lines with CRLF and writes a row per figure', () => {
    const csv = summaryToCsv(kuzbassSummary(), 'en');
    expect(csv.startsWith('\uFEFFSection,Figure,Value,Unit\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Summary,Park,Kuzbass Technopark,',
        'Summary,Period from,2010,',
        'Summary,Requests for support considered,356,',
        'Summary,Premises area,16500.00,m²',
        'Summary,Area in use,34.0,%',
        "Totals,Residents' investment,11000000000.00,RUB",
        'Totals,New jobs created,1705,',
        'Totals,"Taxes paid by residents, 2016",420000000.00,RUB',
        'Budget,Budget funding received up to 2016,920300000.00,RUB',
        'Budget,Regional share,55.1,%',
        'Budget,Municipal funding,0.00,RUB',
        'Budget,Municipal share,0.0,%',
        'Budget,Taxes per rouble of budget funding,2.83,RUB per RUB',
        'Budget,Fiscal payback year,2014,',
        'Reporting,Missing,5,',
      ]),
    );
  });

  it('quotes commas, quotes and line breaks, and reads back to the same text', () => {
    const s = kuzbassSummary();
    s.park.name = 'Technopark "Kuzbass", Kemerovo';
    const csv = summaryToCsv(s, 'en');
    expect(csv).toContain('\r\nSummary,Park,"Technopark ""Kuzbass"", Kemerovo",\r\n');
    const rows = parseCsv(csv.slice(1));
    expect(rows.every((row) => row.length === 4)).toBe(true);
    expect(rows.find((row) => row[1] === 'Park')?.[2]).toBe('Technopark "Kuzbass", Kemerovo');
    expect(rows.find((row) => row[1] === 'Narrative')).toEqual(['Summary', 'Narrative', s.narrative, '']);
    // 13 summary figures + the narrative, 11 totals, 1 + 4×2 + 2 budget, 4 reporting, 1 header
    expect(rows).toHaveLength(1 + 14 + 11 + 11 + 4 + 4);
  });

  it('leaves a null empty and keeps a formula-like text from running', () => {
    const s = kuzbassSummary();
    s.park.name = '=HYPERLINK("http://example.invalid")';
    s.payback = { taxesPerBudgetRub: null, paybackYear: null };
    const rows = parseCsv(summaryToCsv(s, 'en').slice(1));
    expect(rows.find((row) => row[1] === 'Park')?.[2]).toBe('\'=HYPERLINK("http://example.invalid")');
    expect(rows.find((row) => row[1] === 'Fiscal payback year')).toEqual(['Budget', 'Fiscal payback year', '', '']);
    expect(rows.find((row) => row[1] === 'Taxes per rouble of budget funding')?.[2]).toBe('');
  });

  it('writes the reader’s dialect when asked: in Russian, semicolons and a decimal comma', () => {
    const lines = summaryToCsv(kuzbassSummary(), 'ru', csvDialectFor('ru')).slice(1).split('\r\n');
    expect(lines[0]).toBe('Раздел;Показатель;Значение;Единица');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Сводка;Доля площади в аренде;34,0;%',
        'Итоги;Выручка резидентов за 2016 год;2300000000,00;руб.',
        'Бюджет;Налоги на рубль бюджетного финансирования;2,83;руб. на руб.',
        'Бюджет;Год бюджетной окупаемости;2014;',
      ]),
    );
    const indicators = indicatorsToCsv(indicatorReport, 'ru', csvDialectFor('ru')).slice(1).split('\r\n');
    expect(indicators[1]).toBe('jobs;High-productivity jobs, thousand;thousand;чем больше, тем лучше;2016;114,8;2020;160;8,65;-2,43;отстаёт');
  });

  it('labels in Russian but writes numbers plainly with a dot', () => {
    const lines = summaryToCsv(kuzbassSummary(), 'ru').slice(1).split('\r\n');
    expect(lines[0]).toBe('Раздел,Показатель,Значение,Единица');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Сводка,Доля площади в аренде,34.0,%',
        'Итоги,Инвестиции резидентов,11000000000.00,руб.',
        'Итоги,Выручка резидентов за 2016 год,2300000000.00,руб.',
        'Бюджет,Доля федерального бюджета,44.9,%',
        'Бюджет,Налоги на рубль бюджетного финансирования,2.83,руб. на руб.',
        'Отчётность,Ожидалось годовых отчётов,176,',
      ]),
    );
  });
});

describe('summaryToXlsx', () => {
  it('writes a sheet per section with real numbers and number formats', async () => {
    const workbook = await readWorkbook(await summaryToXlsx(kuzbassSummary(), 'en'));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Totals', 'Budget', 'Reporting', 'Resident support']);

    const summary = sheet(workbook, 'Summary');
    expect(summary.getCell('A1').value).toBe('Kuzbass Technopark: summary for 2010–2016');
    expect(summary.getCell('A1').font?.bold).toBe(true);
    expect(summary.getCell('A2').value).toBe(kuzbassSummary().narrative);
    expect(summary.getCell('A2').alignment?.wrapText).toBe(true);
    expect(summary.getRow(4).getCell(1).value).toBe('Figure');
    expect(summary.getRow(4).getCell(2).font?.bold).toBe(true);

    const use = valueCell(summary, 'Area in use');
    expect(use.value).toBe(0.34);
    expect(use.numFmt).toBe('0.0%');
    const requests = valueCell(summary, 'Requests for support considered');
    expect(requests.value).toBe(356);
    expect(requests.numFmt).toBe('#,##0');
    expect(valueCell(summary, 'Premises area').value).toBe(16500);
    expect(valueCell(summary, 'Premises area').numFmt).toBe('#,##0.00');
    expect(valueCell(summary, 'Park').value).toBe('Kuzbass Technopark');

    const totals = sheet(workbook, 'Totals');
    expect(totals.getRow(1).getCell(1).value).toBe('Figure');
    expect(totals.getRow(1).font?.bold).toBe(true);
    const investment = valueCell(totals, "Residents' investment");
    expect(investment.value).toBe(11_000_000_000);
    expect(investment.numFmt).toBe('#,##0.00');
    expect(investment.type).toBe(ExcelJS.ValueType.Number);
    expect(valueCell(totals, 'New jobs created, 2016').value).toBe(1060);

    const budget = sheet(workbook, 'Budget');
    const federal = valueCell(budget, 'Federal share');
    expect(federal.value).toBe(0.449);
    expect(federal.numFmt).toBe('0.0%');
    expect(valueCell(budget, 'Regional funding').value).toBe(507_400_000);
    expect(valueCell(budget, 'Taxes per rouble of budget funding').value).toBe(2.83);
    expect(valueCell(budget, 'Taxes per rouble of budget funding').numFmt).toBe('0.00');
    expect(valueCell(budget, 'Fiscal payback year').value).toBe(2014);

    expect(valueCell(sheet(workbook, 'Reporting'), 'Accepted').value).toBe(168);
    for (const ws of workbook.worksheets) {
      for (const column of ws.columns) expect(column.width).toBeGreaterThanOrEqual(10);
    }
    expect(totals.getColumn(1).width).toBeGreaterThan("Residents' investment, 2016".length);
  });

  it('names sheets and labels in Russian and says when payback is not reached', async () => {
    const s = kuzbassSummary();
    s.payback = { taxesPerBudgetRub: 0.87, paybackYear: null };
    const workbook = await readWorkbook(await summaryToXlsx(s, 'ru'));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Сводка', 'Итоги', 'Бюджет', 'Отчётность', 'Поддержка резидентов']);
    expect(sheet(workbook, 'Сводка').getCell('A1').value).toBe('Kuzbass Technopark: сводка за 2010–2016');
    expect(valueCell(sheet(workbook, 'Бюджет'), 'Год бюджетной окупаемости').value).toBe('не достигнута');
    const income = valueCell(sheet(workbook, 'Итоги'), 'Выручка резидентов за 2016 год');
    expect(income.value).toBe(2_300_000_000);
    expect(income.numFmt).toBe('#,##0.00');
  });
});

const indicatorReport = buildIndicatorReport({ key: 'itc-tomsk', name: 'ITC Tomsk concept' }, [
  {
    key: 'jobs',
    name: 'High-productivity jobs, thousand',
    unit: 'thousand',
    direction: 'higher',
    values: [
      { year: 2014, kind: 'actual', value: 120.6 },
      { year: 2015, kind: 'actual', value: 124.1 },
      { year: 2016, kind: 'actual', value: 114.8 },
      { year: 2020, kind: 'target', value: 160 },
    ],
  },
  {
    key: 'public-spaces',
    name: 'Public-space projects',
    unit: 'projects',
    direction: 'higher',
    values: [
      { year: 2015, kind: 'actual', value: 2 },
      { year: 2016, kind: 'actual', value: 13 },
      { year: 2020, kind: 'target', value: 15 },
    ],
  },
  { key: 'new', name: 'Not yet measured', unit: '%', direction: 'lower', values: [{ year: 2020, kind: 'target', value: 1e-7 }] },
]);

describe('indicatorsToCsv', () => {
  it('writes a row per indicator with a BOM and quoting', () => {
    const csv = indicatorsToCsv(indicatorReport, 'en');
    expect(csv.startsWith('\uFEFFKey,Indicator,Unit,Direction,Latest year,Latest actual,Target year,Target,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('jobs,"High-productivity jobs, thousand",thousand,higher is better,2016,114.8,2020,160,8.65,-2.43,off track');
    expect(lines[2]).toBe('public-spaces,Public-space projects,projects,higher is better,2016,13,2020,15,3.64,550.00,on track');
    expect(lines[3]).toBe('new,Not yet measured,%,lower is better,,,2020,0.0000001,,,no data');
    expect(lines).toHaveLength(5);
    expect(parseCsv(csv.slice(1)).every((row) => row.length === 11)).toBe(true);
  });

  it('labels in Russian', () => {
    const lines = indicatorsToCsv(indicatorReport, 'ru').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Код,Показатель,Единица,Направление,Последний год,Последнее фактическое значение,Целевой год,Целевое значение,' +
        '"Необходимый рост в год, %","Фактический рост в год, %",Статус',
    );
    expect(lines[1]).toBe('jobs,"High-productivity jobs, thousand",thousand,"чем больше, тем лучше",2016,114.8,2020,160,8.65,-2.43,отстаёт');
  });
});

describe('indicatorsToXlsx', () => {
  it('writes numbers, percentages as fractions and a coloured status', async () => {
    const workbook = await readWorkbook(await indicatorsToXlsx(indicatorReport, 'en'));
    const ws = sheet(workbook, 'Indicators');
    expect(ws.getCell('A1').value).toBe('ITC Tomsk concept: indicators');
    expect(ws.getRow(3).getCell(1).value).toBe('Indicator');
    expect(ws.getRow(3).getCell(1).font?.bold).toBe(true);

    const jobs = ws.getRow(4);
    expect(jobs.getCell(1).value).toBe('High-productivity jobs, thousand');
    expect(jobs.getCell(4).value).toBe(2016);
    expect(jobs.getCell(5).value).toBe(114.8);
    expect(jobs.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(jobs.getCell(7).value).toBe(160);
    expect(jobs.getCell(8).value).toBe(0.0865);
    expect(jobs.getCell(8).numFmt).toBe('0.00%');
    expect(jobs.getCell(9).value).toBe(-0.0243);
    expect(jobs.getCell(10).value).toBe('off track');
    expect(jobs.getCell(10).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });

    const empty = ws.getRow(6);
    expect(empty.getCell(10).value).toBe('no data');
    expect(empty.getCell(5).value).toBeNull();
    expect(empty.getCell(8).value).toBeNull();
    for (const column of ws.columns) expect(column.width).toBeGreaterThanOrEqual(10);
  });

  it('labels in Russian', async () => {
    const workbook = await readWorkbook(await indicatorsToXlsx(indicatorReport, 'ru'));
    const ws = sheet(workbook, 'Показатели');
    expect(ws.getRow(3).getCell(10).value).toBe('Статус');
    expect(ws.getRow(5).getCell(10).value).toBe('в графике');
  });
});
