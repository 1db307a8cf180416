import { describe, expect, it } from 'vitest';
import { csvDialectFor, csvNumber, INTERCHANGE_CSV, plainNumber, toCsv, type CsvCell } from './csv';

const rows: CsvCell[][] = [
  ['Park', 'Area, m²', 'Use, %', 'Since'],
  ['Kuzbass; "main"', csvNumber('16500.50'), csvNumber(34.5), '2010-01-01'],
  ['=HYPERLINK("x")', csvNumber('-2.43'), -1, null],
  ['+7 913', '-x', '@SUM(A1)', '\tnote'],
  ['two\nlines', 12, 1e-7, ''],
];

describe('toCsv in English (and for scripts)', () => {
  const csv = toCsv(rows, csvDialectFor('en'));

  it('is the interchange dialect: commas, decimal point, BOM, CRLF', () => {
    expect(csvDialectFor('en')).toEqual(INTERCHANGE_CSV);
    expect(csv.startsWith('\uFEFFPark,"Area, m²",')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Park,"Area, m²","Use, %",Since',
      '"Kuzbass; ""main""",16500.50,34.5,2010-01-01',
      `"'=HYPERLINK(""x"")",-2.43,-1,`,
      "'+7 913,'-x,'@SUM(A1),'\tnote",
      '"two\nlines",12,0.0000001,',
      '',
    ]);
  });

  it('is what toCsv writes without a dialect', () => {
    expect(toCsv(rows)).toBe(csv);
  });
});

describe('toCsv in Russian', () => {
  const csv = toCsv(rows, csvDialectFor('ru'));

  it('separates by semicolons and writes a decimal comma, so Excel with Russian settings opens columns', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Park;Area, m²;Use, %;Since',
      '"Kuzbass; ""main""";16500,50;34,5;2010-01-01',
      `"'=HYPERLINK(""x"")";-2,43;-1;`,
      "'+7 913;'-x;'@SUM(A1);'\tnote",
      '"two\nlines";12;0,0000001;',
      '',
    ]);
  });

  it('changes the decimal mark of figures only, never of text or dates', () => {
    expect(toCsv([['1.5', csvNumber('1.5'), '2024-02-29']], csvDialectFor('ru'))).toBe('\uFEFF1.5;1,5;2024-02-29\r\n');
  });
});

describe('plainNumber', () => {
  it('never writes exponent notation', () => {
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(-1.5e-3)).toBe('-0.0015');
    expect(plainNumber(114.8)).toBe('114.8');
  });
});
