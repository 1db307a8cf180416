import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ParkComparison } from '@/lib/reports/analytics/comparison';
import { COMPARE_COLUMNS, comparisonToCsv, comparisonToXlsx, type CompareLabels } from './compare';

const labels: CompareLabels = {
  sheet: 'Parks',
  title: 'Parks compared, 2010–2016',
  columns: Object.fromEntries(COMPARE_COLUMNS.map((c) => [c, `L:${c}`])) as CompareLabels['columns'],
  notReached: 'not reached',
};

const kuzbass: ParkComparison = {
  slug: 'kuzbass',
  name: 'Kuzbass Technopark',
  region: 'Kemerovo Region — Kuzbass',
  type: 'mixed',
  foundedOn: '2007-06-27',
  closedOn: null,
  residentsSupported: 60,
  residentsAtEnd: 28,
  smeResidentsAtEnd: 26,
  area: { totalM2: '16500.00', leasedM2: '5608.40', usePct: 34 },
  reportsAccepted: 3, jobsCreated: 1705,
  investmentRub: '11000000000.00',
  incomeRub: '14500000000.00',
  taxesPaidRub: '2600000000.00',
  budgetRub: '920300000.00',
  taxesPerBudgetRub: 2.87,
  paybackYear: 2014,
  support: { rentRub: '1000.00', servicesRub: '250.50', totalRub: '1250.50', taxesPerSupportRub: 2079132.35 },
};

const odd: ParkComparison = {
  ...kuzbass,
  slug: 'odd',
  name: '=HYPERLINK("x"), "quoted"',
  region: 'Somewhere',
  budgetRub: '0.00',
  taxesPerBudgetRub: null,
  paybackYear: null,
  area: { totalM2: '0.00', leasedM2: '0.00', usePct: 0 },
  support: { rentRub: '0.00', servicesRub: '0.00', totalRub: '0.00', taxesPerSupportRub: null },
};

describe('comparisonToCsv', () => {
  it('writes a header and a row per park, numbers plain, empty where a figure does not exist', () => {
    const csv = comparisonToCsv([kuzbass, odd], labels);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[0]).toBe(COMPARE_COLUMNS.map((c) => `L:${c}`).join(','));
    expect(lines[1]).toBe(
      'Kuzbass Technopark,Kemerovo Region — Kuzbass,60,28,26,16500.00,5608.40,34.0,1705,11000000000.00,14500000000.00,2600000000.00,920300000.00,2.87,2014,1000.00,250.50,1250.50,2079132.35',
    );
    // A formula-like name is kept text and quoted (it holds a comma and quotes); no ratio, no payback, no support.
    expect(lines[2]).toBe(`"'=HYPERLINK(""x""), ""quoted""",Somewhere,60,28,26,0.00,0.00,0.0,1705,11000000000.00,14500000000.00,2600000000.00,0.00,,,0.00,0.00,0.00,`);
  });
});

describe('comparisonToXlsx', () => {
  it('writes numbers as numbers with formats', async () => {
    const buffer = await comparisonToXlsx([kuzbass, odd], labels);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Parks')!;
    expect(sheet.getCell('A1').value).toBe('Parks compared, 2010–2016');
    expect(sheet.getRow(3).getCell(1).value).toBe('L:park');
    const row = sheet.getRow(4);
    expect(row.getCell(1).value).toBe('Kuzbass Technopark');
    expect(row.getCell(3).value).toBe(60);
    expect(row.getCell(6).value).toBe(16500);
    expect(row.getCell(8).value).toBe(0.34);
    expect(row.getCell(8).numFmt).toBe('0.0%');
    expect(row.getCell(10).value).toBe(11000000000);
    expect(row.getCell(10).numFmt).toBe('#,##0.00');
    expect(row.getCell(14).value).toBe(2.87);
    expect(row.getCell(15).value).toBe(2014);
    const second = sheet.getRow(5);
    expect(second.getCell(1).value).toBe('=HYPERLINK("x"), "quoted"');
    expect(second.getCell(14).value).toBeNull();
    expect(second.getCell(15).value).toBe('not reached');
  });
});
