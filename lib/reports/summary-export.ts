import ExcelJS from 'exceljs';
import {
  BUDGET_SOURCES,
  type BudgetSource,
  type IndicatorDirection,
  type IndicatorReport,
  type IndicatorStatus,
  type ParkSummary,
  type ReportLocale,
} from './types';

/*
 * CSV and XLSX exports of the park summary and of an indicator report.
 * CSV is for people opening it in a spreadsheet: UTF-8 with a byte order
 * mark (so Excel reads Cyrillic right), CRLF lines, RFC 4180 quoting, and
 * numbers written plainly with a dot. Scripts should read the JSON, which is
 * the stable contract; these labels may be reworded.
 */

type FigureKind = 'money' | 'area' | 'percent' | 'ratio' | 'count' | 'year' | 'text';

interface Figure {
  label: string;
  kind: FigureKind;
  value: string | number | null;
  /** What the XLSX shows for a null value (the CSV leaves it empty). */
  nullText?: string;
  unit?: string;
}

interface Section {
  title: string;
  figures: Figure[];
}

interface SummaryLabels {
  sections: { summary: string; totals: string; budget: string; reporting: string };
  header: { section: string; figure: string; value: string; unit: string };
  units: { money: string; area: string; percent: string; perRouble: string };
  title: (park: string, period: string) => string;
  park: string;
  periodFrom: string;
  periodTo: string;
  requests: string;
  passedCouncil: string;
  taxIncentiveResidents: string;
  residentsSupported: string;
  residentsSupportedOnSite: string;
  residentsAtEnd: string;
  smeResidentsAtEnd: string;
  totalM2: string;
  leasedM2: string;
  usePct: string;
  narrative: string;
  investment: string;
  capitalInvestment: string;
  jobsCreated: string;
  income: string;
  taxesPaid: string;
  lastYear: string;
  inYear: (figure: string, year: number) => string;
  budgetTotal: (to: number) => string;
  sourceAmount: Record<BudgetSource, string>;
  sourceShare: Record<BudgetSource, string>;
  taxesPerBudget: string;
  paybackYear: string;
  paybackNotReached: string;
  expected: string;
  accepted: string;
  pending: string;
  missing: string;
}

const SUMMARY_LABELS: Record<ReportLocale, SummaryLabels> = {
  en: {
    sections: { summary: 'Summary', totals: 'Totals', budget: 'Budget', reporting: 'Reporting' },
    header: { section: 'Section', figure: 'Figure', value: 'Value', unit: 'Unit' },
    units: { money: 'RUB', area: 'm²', percent: '%', perRouble: 'RUB per RUB' },
    title: (park, period) => `${park}: summary for ${period}`,
    park: 'Park',
    periodFrom: 'Period from',
    periodTo: 'Period to',
    requests: 'Requests for support considered',
    passedCouncil: 'Passed the expert council',
    taxIncentiveResidents: 'Received regional tax incentives',
    residentsSupported: 'Residents supported',
    residentsSupportedOnSite: 'of which on site',
    residentsAtEnd: 'Residents at the end of the period',
    smeResidentsAtEnd: 'of which SMEs',
    totalM2: 'Premises area',
    leasedM2: 'Area under lease',
    usePct: 'Area in use',
    narrative: 'Narrative',
    investment: "Residents' investment",
    capitalInvestment: 'of which capital investment',
    jobsCreated: 'New jobs created',
    income: "Residents' income",
    taxesPaid: 'Taxes paid by residents',
    lastYear: 'Last year',
    inYear: (figure, year) => `${figure}, ${year}`,
    budgetTotal: (to) => `Budget funding received up to ${to}`,
    sourceAmount: {
      federal: 'Federal funding',
      regional: 'Regional funding',
      municipal: 'Municipal funding',
      extrabudgetary: 'Extra-budgetary funding',
    },
    sourceShare: {
      federal: 'Federal share',
      regional: 'Regional share',
      municipal: 'Municipal share',
      extrabudgetary: 'Extra-budgetary share',
    },
    taxesPerBudget: 'Taxes per rouble of budget funding',
    paybackYear: 'Fiscal payback year',
    paybackNotReached: 'not reached',
    expected: 'Annual reports expected',
    accepted: 'Accepted',
    pending: 'Submitted, awaiting acceptance',
    missing: 'Missing',
  },
  ru: {
    sections: { summary: 'Сводка', totals: 'Итоги', budget: 'Бюджет', reporting: 'Отчётность' },
    header: { section: 'Раздел', figure: 'Показатель', value: 'Значение', unit: 'Единица' },
    units: { money: 'руб.', area: 'м²', percent: '%', perRouble: 'руб. на руб.' },
    title: (park, period) => `${park}: сводка за ${period}`,
    park: 'Технопарк',
    periodFrom: 'Период с',
    periodTo: 'Период по',
    requests: 'Рассмотрено заявок на поддержку',
    passedCouncil: 'Прошли экспертный совет',
    taxIncentiveResidents: 'Получили региональные налоговые льготы',
    residentsSupported: 'Резиденты, получившие поддержку',
    residentsSupportedOnSite: 'в том числе с размещением на площадке',
    residentsAtEnd: 'Резиденты на конец периода',
    smeResidentsAtEnd: 'в том числе субъекты МСП',
    totalM2: 'Площадь помещений',
    leasedM2: 'Площадь в аренде',
    usePct: 'Доля площади в аренде',
    narrative: 'Описание',
    investment: 'Инвестиции резидентов',
    capitalInvestment: 'в том числе капитальные вложения',
    jobsCreated: 'Создано новых рабочих мест',
    income: 'Выручка резидентов',
    taxesPaid: 'Налоги, уплаченные резидентами',
    lastYear: 'Последний год',
    inYear: (figure, year) => `${figure} за ${year} год`,
    budgetTotal: (to) => `Бюджетное финансирование, полученное по ${to} год`,
    sourceAmount: {
      federal: 'Федеральный бюджет',
      regional: 'Региональный бюджет',
      municipal: 'Муниципальный бюджет',
      extrabudgetary: 'Внебюджетные источники',
    },
    sourceShare: {
      federal: 'Доля федерального бюджета',
      regional: 'Доля регионального бюджета',
      municipal: 'Доля муниципального бюджета',
      extrabudgetary: 'Доля внебюджетных источников',
    },
    taxesPerBudget: 'Налоги на рубль бюджетного финансирования',
    paybackYear: 'Год бюджетной окупаемости',
    paybackNotReached: 'не достигнута',
    expected: 'Ожидалось годовых отчётов',
    accepted: 'Приняты',
    pending: 'Поданы, ожидают приёмки',
    missing: 'Не поданы',
  },
};

interface IndicatorLabels {
  sheet: string;
  title: (programme: string) => string;
  columns: {
    key: string;
    name: string;
    unit: string;
    direction: string;
    latestYear: string;
    latestValue: string;
    targetYear: string;
    targetValue: string;
    requiredGrowthPct: string;
    growthSoFarPct: string;
    status: string;
  };
  direction: Record<IndicatorDirection, string>;
  status: Record<IndicatorStatus, string>;
}

const INDICATOR_LABELS: Record<ReportLocale, IndicatorLabels> = {
  en: {
    sheet: 'Indicators',
    title: (programme) => `${programme}: indicators`,
    columns: {
      key: 'Key',
      name: 'Indicator',
      unit: 'Unit',
      direction: 'Direction',
      latestYear: 'Latest year',
      latestValue: 'Latest actual',
      targetYear: 'Target year',
      targetValue: 'Target',
      requiredGrowthPct: 'Required growth per year, %',
      growthSoFarPct: 'Growth so far per year, %',
      status: 'Status',
    },
    direction: { higher: 'higher is better', lower: 'lower is better' },
    status: { achieved: 'achieved', on_track: 'on track', off_track: 'off track', no_data: 'no data' },
  },
  ru: {
    sheet: 'Показатели',
    title: (programme) => `${programme}: показатели`,
    columns: {
      key: 'Код',
      name: 'Показатель',
      unit: 'Единица',
      direction: 'Направление',
      latestYear: 'Последний год',
      latestValue: 'Последнее фактическое значение',
      targetYear: 'Целевой год',
      targetValue: 'Целевое значение',
      requiredGrowthPct: 'Необходимый рост в год, %',
      growthSoFarPct: 'Фактический рост в год, %',
      status: 'Статус',
    },
    direction: { higher: 'чем больше, тем лучше', lower: 'чем меньше, тем лучше' },
    status: { achieved: 'достигнут', on_track: 'в графике', off_track: 'отстаёт', no_data: 'нет данных' },
  },
};

const NUM_FMT: Record<FigureKind, string | undefined> = {
  money: '#,##0.00',
  area: '#,##0.00',
  percent: '0.0%',
  ratio: '0.00',
  count: '#,##0',
  year: '0',
  text: undefined,
};

const STATUS_FILL: Record<IndicatorStatus, string> = {
  achieved: 'FFC6EFCE',
  on_track: 'FFE2F0D9',
  off_track: 'FFFFC7CE',
  no_data: 'FFEDEDED',
};

function summarySections(s: ParkSummary, locale: ReportLocale): Section[] {
  const l = SUMMARY_LABELS[locale];
  const money = (label: string, value: string): Figure => ({ label, kind: 'money', value, unit: l.units.money });
  const count = (label: string, value: number): Figure => ({ label, kind: 'count', value });
  const percent = (label: string, value: number): Figure => ({ label, kind: 'percent', value, unit: l.units.percent });
  const ly = s.lastYear;
  return [
    {
      title: l.sections.summary,
      figures: [
        { label: l.park, kind: 'text', value: s.park.name },
        { label: l.periodFrom, kind: 'year', value: s.period.from },
        { label: l.periodTo, kind: 'year', value: s.period.to },
        count(l.requests, s.requests),
        count(l.passedCouncil, s.passedCouncil),
        count(l.taxIncentiveResidents, s.taxIncentiveResidents),
        count(l.residentsSupported, s.residentsSupported),
        count(l.residentsSupportedOnSite, s.residentsSupportedOnSite),
        count(l.residentsAtEnd, s.residentsAtEnd),
        count(l.smeResidentsAtEnd, s.smeResidentsAtEnd),
        { label: l.totalM2, kind: 'area', value: s.area.totalM2, unit: l.units.area },
        { label: l.leasedM2, kind: 'area', value: s.area.leasedM2, unit: l.units.area },
        percent(l.usePct, s.area.usePct),
      ],
    },
    {
      title: l.sections.totals,
      figures: [
        money(l.investment, s.totals.investmentRub),
        money(l.capitalInvestment, s.totals.capitalInvestmentRub),
        count(l.jobsCreated, s.totals.jobsCreated),
        money(l.income, s.totals.incomeRub),
        money(l.taxesPaid, s.totals.taxesPaidRub),
        { label: l.lastYear, kind: 'year', value: ly.year },
        money(l.inYear(l.investment, ly.year), ly.investmentRub),
        money(l.inYear(l.capitalInvestment, ly.year), ly.capitalInvestmentRub),
        count(l.inYear(l.jobsCreated, ly.year), ly.jobsCreated),
        money(l.inYear(l.income, ly.year), ly.incomeRub),
        money(l.inYear(l.taxesPaid, ly.year), ly.taxesPaidRub),
      ],
    },
    {
      title: l.sections.budget,
      figures: [
        money(l.budgetTotal(s.period.to), s.budget.totalRub),
        ...BUDGET_SOURCES.flatMap((source) => [
          money(l.sourceAmount[source], s.budget.bySource[source].amountRub),
          percent(l.sourceShare[source], s.budget.bySource[source].sharePct),
        ]),
        { label: l.taxesPerBudget, kind: 'ratio', value: s.payback.taxesPerBudgetRub, unit: l.units.perRouble },
        { label: l.paybackYear, kind: 'year', value: s.payback.paybackYear, nullText: l.paybackNotReached },
      ],
    },
    {
      title: l.sections.reporting,
      figures: [
        count(l.expected, s.reporting.expected),
        count(l.accepted, s.reporting.accepted),
        count(l.pending, s.reporting.pending),
        count(l.missing, s.reporting.missing),
      ],
    },
  ];
}

/** One row per figure: section, figure, value, unit. The narrative closes the first section. */
export function summaryToCsv(s: ParkSummary, locale: ReportLocale): string {
  const l = SUMMARY_LABELS[locale];
  const rows: string[][] = [[l.header.section, l.header.figure, l.header.value, l.header.unit]];
  summarySections(s, locale).forEach((section, i) => {
    for (const figure of section.figures) {
      rows.push([section.title, figure.label, csvValue(figure.kind, figure.value), figure.unit ?? '']);
    }
    if (i === 0) rows.push([section.title, l.narrative, csvValue('text', s.narrative), '']);
  });
  return toCsv(rows);
}

/** A sheet per section, the narrative under the title of the first. */
export async function summaryToXlsx(s: ParkSummary, locale: ReportLocale): Promise<Buffer> {
  const l = SUMMARY_LABELS[locale];
  const workbook = new ExcelJS.Workbook();
  const period = s.period.from === s.period.to ? `${s.period.to}` : `${s.period.from}–${s.period.to}`;
  summarySections(s, locale).forEach((section, i) => {
    const sheet = workbook.addWorksheet(section.title);
    sheet.columns = [
      { width: clampWidth(Math.max(l.header.figure.length, ...section.figures.map((f) => f.label.length))) },
      { width: clampWidth(Math.max(l.header.value.length, ...section.figures.map(displayLength))) },
      { width: clampWidth(Math.max(l.header.unit.length, ...section.figures.map((f) => (f.unit ?? '').length))) },
    ];
    let headerRow = 1;
    if (i === 0) {
      const title = sheet.getCell('A1');
      title.value = l.title(s.park.name, period);
      title.font = { bold: true, size: 14 };
      sheet.mergeCells('A2:C2');
      const narrative = sheet.getCell('A2');
      narrative.value = s.narrative;
      narrative.alignment = { wrapText: true, vertical: 'top' };
      const lineWidth = sheet.columns.reduce((sum, column) => sum + (column.width ?? 10), 0);
      sheet.getRow(2).height = Math.max(1, Math.ceil(s.narrative.length / lineWidth)) * 15 + 4;
      headerRow = 4;
    }
    const header = sheet.getRow(headerRow);
    header.values = [l.header.figure, l.header.value, l.header.unit];
    header.font = { bold: true };
    section.figures.forEach((figure, j) => {
      const row = sheet.getRow(headerRow + 1 + j);
      row.getCell(1).value = figure.label;
      const cell = row.getCell(2);
      if (figure.value === null) {
        cell.value = figure.nullText ?? null;
      } else {
        cell.value = xlsxValue(figure.kind, figure.value);
        const numFmt = NUM_FMT[figure.kind];
        if (numFmt) cell.numFmt = numFmt;
      }
      row.getCell(3).value = figure.unit ?? null;
    });
    sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  });
  return toBuffer(workbook);
}

function indicatorColumns(locale: ReportLocale, withKey: boolean): string[] {
  const c = INDICATOR_LABELS[locale].columns;
  return [
    ...(withKey ? [c.key] : []),
    c.name,
    c.unit,
    c.direction,
    c.latestYear,
    c.latestValue,
    c.targetYear,
    c.targetValue,
    c.requiredGrowthPct,
    c.growthSoFarPct,
    c.status,
  ];
}

/** One row per indicator, in the report's order. */
export function indicatorsToCsv(report: IndicatorReport, locale: ReportLocale): string {
  const l = INDICATOR_LABELS[locale];
  const rows: string[][] = [indicatorColumns(locale, true)];
  for (const i of report.indicators) {
    rows.push([
      csvValue('text', i.key),
      csvValue('text', i.name),
      csvValue('text', i.unit),
      l.direction[i.direction],
      csvValue('year', i.latest?.year ?? null),
      i.latest ? plainNumber(i.latest.value) : '',
      csvValue('year', i.target?.year ?? null),
      i.target ? plainNumber(i.target.value) : '',
      i.requiredGrowthPct === null ? '' : i.requiredGrowthPct.toFixed(2),
      i.growthSoFarPct === null ? '' : i.growthSoFarPct.toFixed(2),
      l.status[i.status],
    ]);
  }
  return toCsv(rows);
}

/** One sheet: the programme as title, then a row per indicator with its status coloured. */
export async function indicatorsToXlsx(report: IndicatorReport, locale: ReportLocale): Promise<Buffer> {
  const l = INDICATOR_LABELS[locale];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(l.sheet);
  const columns = indicatorColumns(locale, false);
  const title = sheet.getCell('A1');
  title.value = l.title(report.programme.name);
  title.font = { bold: true, size: 14 };

  const headerRow = 3;
  const header = sheet.getRow(headerRow);
  header.values = columns;
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };

  report.indicators.forEach((i, n) => {
    const row = sheet.getRow(headerRow + 1 + n);
    const growth = (pct: number | null) => (pct === null ? null : Number(`${pct}e-2`));
    row.values = [
      i.name,
      i.unit,
      l.direction[i.direction],
      i.latest?.year ?? null,
      i.latest?.value ?? null,
      i.target?.year ?? null,
      i.target?.value ?? null,
      growth(i.requiredGrowthPct),
      growth(i.growthSoFarPct),
      l.status[i.status],
    ];
    row.getCell(4).numFmt = '0';
    row.getCell(6).numFmt = '0';
    row.getCell(8).numFmt = '0.00%';
    row.getCell(9).numFmt = '0.00%';
    row.getCell(10).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[i.status] } };
  });

  const widths = columns.map((label, c) =>
    Math.max(
      Math.min(label.length, 16),
      ...report.indicators.map((_, n) => String(sheet.getRow(headerRow + 1 + n).getCell(c + 1).value ?? '').length),
    ),
  );
  sheet.columns = widths.map((width) => ({ width: clampWidth(width) }));
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  return toBuffer(workbook);
}

function csvValue(kind: FigureKind, value: string | number | null): string {
  if (value === null) return '';
  switch (kind) {
    case 'percent':
      return Number(value).toFixed(1);
    case 'ratio':
      return Number(value).toFixed(2);
    case 'text':
      return neutralizeFormula(String(value));
    default:
      return String(value);
  }
}

/**
 * A text cell that starts like a formula (=, +, -, @) is run by Excel when it
 * opens the CSV; a leading apostrophe keeps it text. Numbers never pass here.
 */
function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: CRLF lines; a field with a comma, quote or line break is quoted, quotes doubled. */
function toCsv(rows: string[][]): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/** A number without exponent notation: 1e-7 → "0.0000001", 1e21 → "1000000000000000000000". */
function plainNumber(n: number): string {
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

function xlsxValue(kind: FigureKind, value: string | number): string | number {
  switch (kind) {
    case 'money':
    case 'area':
      // Excel holds doubles; the decimal string is exact to the kopeck up to ~90 trillion.
      return Number(value);
    case 'percent':
      // The cell holds the fraction and its format shows the percent; via the decimal text so 44.9 gives exactly 0.449.
      return Number(`${value}e-2`);
    default:
      return value;
  }
}

function displayLength(figure: Figure): number {
  if (figure.value === null) return (figure.nullText ?? '').length;
  if (figure.kind === 'text') return String(figure.value).length;
  // Formatted with grouping: "11,000,000,000.00" is 17 characters.
  const n = Number(figure.value);
  const digits = String(Math.trunc(Math.abs(n))).length;
  return digits + Math.floor((digits - 1) / 3) + 4;
}

function clampWidth(chars: number): number {
  return Math.min(60, Math.max(10, chars + 2));
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const data = await workbook.xlsx.writeBuffer();
  // exceljs types its result as its own ArrayBuffer-like; in Node it is a Buffer.
  return Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
}
