import type { Locale } from '@/lib/i18n/locales';

/*
 * The one CSV writer. A CSV here is for a spreadsheet: UTF-8 with a byte order mark (Excel then reads
 * Cyrillic), CRLF lines, RFC 4180 quoting, and text that a spreadsheet would run as a formula made inert.
 *
 * Excel splits a CSV by the list separator of the reader's regional settings and reads numbers with
 * their decimal mark: with Russian settings that is ";" and ",", so a file written with commas opens as
 * one column. A download in Russian is therefore written with ";" and a decimal comma, in English with
 * "," and a decimal point. What scripts read (the CLI's and the JSON API's `--format csv`) keeps one
 * fixed dialect whatever the language of its labels: INTERCHANGE_CSV. The public description is
 * docs/reports.md, "Files: CSV and XLSX".
 */

export type CsvDialect = { readonly separator: ',' | ';'; readonly decimal: '.' | ',' };

export const INTERCHANGE_CSV: CsvDialect = { separator: ',', decimal: '.' };

const REGIONAL: Record<Locale, CsvDialect> = {
  en: INTERCHANGE_CSV,
  ru: { separator: ';', decimal: ',' },
};

/** The dialect a spreadsheet opens as columns under the regional settings that go with `locale`. */
export const csvDialectFor = (locale: Locale): CsvDialect => REGIONAL[locale];

export const CSV_TYPE = 'text/csv; charset=utf-8';

/** A figure, written as a decimal with a point ("920300000.00", "-2.43"); the dialect decides its mark. */
export type CsvNumber = { readonly number: string };

/**
 * A cell: a string is text (made inert if it starts like a formula), a JS number or a CsvNumber is a
 * figure, null is empty. Dates are text: they have no decimal mark.
 */
export type CsvCell = string | number | CsvNumber | null;

/** A figure from an exact decimal string (money, areas) or a JS number (never in exponent notation). */
export const csvNumber = (value: string | number): CsvNumber => ({ number: typeof value === 'number' ? plainNumber(value) : value });

/**
 * A text cell that starts like a formula (=, +, -, @, or a tab or carriage return before one) is run by
 * a spreadsheet when it opens the file; a leading apostrophe keeps it text. Figures never pass here.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cellText(cell: CsvCell, dialect: CsvDialect): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return neutralizeFormula(cell);
  const number = typeof cell === 'number' ? plainNumber(cell) : cell.number;
  return dialect.decimal === '.' ? number : number.replace('.', dialect.decimal);
}

/** RFC 4180: CRLF lines; a field holding the separator, a quote or a line break is quoted, quotes doubled. */
export function toCsv(rows: readonly (readonly CsvCell[])[], dialect: CsvDialect = INTERCHANGE_CSV): string {
  const field = (cell: CsvCell) => {
    const text = cellText(cell, dialect);
    return text.includes(dialect.separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\uFEFF${rows.map((row) => row.map(field).join(dialect.separator)).join('\r\n')}\r\n`;
}

/** A number without exponent notation: 1e-7 → "0.0000001", 1e21 → "1000000000000000000000". */
export function plainNumber(n: number): string {
  const text = String(n);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', exponent] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
