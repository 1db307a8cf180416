import { numberFormat } from '@/lib/i18n/format';
import { divideRounded, toKopecks } from './money';
import { BUDGET_SOURCES, type BudgetSource, type ParkSummary, type ReportLocale } from './types';

/** The summary's figures; the narrative is what this module writes. */
export type SummaryFigures = Omit<ParkSummary, 'narrative'>;

/**
 * The park summary in words, in the phrasing of the published summary (docs/reports.md, "Narrative")
 * ("For 2010–2016 the park supported 60 resident companies, …").
 *
 * Amounts are rounded exactly from the decimal strings. Residents' money
 * figures share one unit (bn, M or thousand RUB, by the largest of them), as
 * do the budget figures, so they read side by side: one decimal from one unit
 * up, two significant digits below it ("0.42 bn RUB"). A single-year period
 * reads "In 2016" and drops the "in 2016 alone" clause, which would repeat
 * the totals.
 */
export function summaryNarrative(s: SummaryFigures, locale: ReportLocale): string {
  return (locale === 'ru' ? russian(s) : english(s)).join(' ');
}

function english(s: SummaryFigures): string[] {
  const fmt = formatters('en');
  const plural = (n: number, one: string, other: string) => `${fmt.int(n)} ${enRules.select(n) === 'one' ? one : other}`;
  const { from, to } = s.period;
  const single = from === to;
  const money = fmt.moneyIn(residentAmounts(s));
  const sentences: string[] = [];

  sentences.push(
    `${single ? `In ${to}` : `For ${from}–${to}`} the park supported ` +
      `${plural(s.residentsSupported, 'resident company', 'resident companies')}, ` +
      `${fmt.int(s.residentsSupportedOnSite)} of them on site; ` +
      `${plural(s.requests, 'request for support was', 'requests for support were')} considered, ` +
      `${plural(s.passedCouncil, 'project', 'projects')} passed the expert council, ` +
      `${fmt.int(s.taxIncentiveResidents)} received regional tax incentives.`,
  );

  const area = areaText(s.area.totalM2, fmt, 'en');
  sentences.push(
    `At the end of ${to} the park had ${plural(s.residentsAtEnd, 'resident', 'residents')}, ` +
      `${fmt.int(s.smeResidentsAtEnd)} of them ${s.smeResidentsAtEnd === 1 ? 'an SME' : 'SMEs'}, ` +
      (area ? `and ${fmt.pct(s.area.usePct)} of its ${area} was in use.` : 'and no premises available.'),
  );

  const t = s.totals;
  const ly = s.lastYear;
  sentences.push(
    `Residents invested ${money(t.investmentRub)}, of which ${money(t.capitalInvestmentRub)} capital investment, ` +
      `created ${plural(t.jobsCreated, 'new job', 'new jobs')}, earned ${money(t.incomeRub)} ` +
      `and paid ${money(t.taxesPaidRub)} in taxes` +
      (single
        ? '.'
        : `; in ${ly.year} alone: income ${money(ly.incomeRub)}, taxes ${money(ly.taxesPaidRub)}, ` +
          `${plural(ly.jobsCreated, 'new job', 'new jobs')}.`),
  );

  const budgetMoney = fmt.moneyIn(budgetAmounts(s));
  const sources = fundedSources(s).map(
    (source) =>
      `${EN_SOURCES[source]} ${budgetMoney(s.budget.bySource[source].amountRub)} (${fmt.pct(s.budget.bySource[source].sharePct)})`,
  );
  sentences.push(
    sources.length === 0
      ? 'No budget funding was received.'
      : `Budget funding received: ${budgetMoney(s.budget.totalRub)}, of which ${joinList(sources, ' and ')}.`,
  );

  if (s.payback.taxesPerBudgetRub !== null) {
    sentences.push(
      `By the end of ${to} residents had paid ${fmt.decimal(s.payback.taxesPerBudgetRub, 2)} RUB in taxes ` +
        'per rouble of budget funding; ' +
        (s.payback.paybackYear === null
          ? 'fiscal payback has not been reached.'
          : `fiscal payback was reached in ${s.payback.paybackYear}.`),
    );
  }

  // Said only when the park recorded support, so a summary without it reads as before.
  const support = s.support;
  if (toKopecks(support.totalRub) !== 0n) {
    const supportMoney = fmt.moneyIn(supportAmounts(s));
    sentences.push(
      `The park's support of its residents was worth ${supportMoney(support.totalRub)}: ` +
        `${supportMoney(support.rentRub)} in rent below the market rate and ${supportMoney(support.servicesRub)} in services below the market price` +
        (support.taxesPerSupportRub === null ? '.' : `; residents paid ${fmt.decimal(support.taxesPerSupportRub, 2)} RUB in taxes per rouble of support.`),
    );
  }
  return sentences;
}

/** Russian word forms by plural category: «1 резидент», «2 резидента», «5 резидентов». */
interface RuForms {
  one: string;
  few: string;
  many: string;
}

function russian(s: SummaryFigures): string[] {
  const fmt = formatters('ru');
  const form = (n: number, forms: RuForms) => {
    const category = ruRules.select(n);
    return category === 'one' ? forms.one : category === 'few' ? forms.few : forms.many;
  };
  // The count with its noun: «21 резидент».
  const counted = (n: number, forms: RuForms) => `${fmt.int(n)} ${form(n, forms)}`;
  const { from, to } = s.period;
  const single = from === to;
  const money = fmt.moneyIn(residentAmounts(s));
  const sentences: string[] = [];

  sentences.push(
    `${single ? `В ${to} году` : `За ${from}–${to} годы`} поддержку технопарка ` +
      `${form(s.residentsSupported, { one: 'получал', few: 'получали', many: 'получали' })} ` +
      `${counted(s.residentsSupported, RESIDENT)}, из них ${fmt.int(s.residentsSupportedOnSite)} — с размещением на площадке; ` +
      `${form(s.requests, { one: 'рассмотрена', few: 'рассмотрены', many: 'рассмотрено' })} ` +
      `${counted(s.requests, { one: 'заявка на поддержку', few: 'заявки на поддержку', many: 'заявок на поддержку' })}, ` +
      `${counted(s.passedCouncil, { one: 'проект прошёл', few: 'проекта прошли', many: 'проектов прошли' })} экспертный совет, ` +
      `${counted(s.taxIncentiveResidents, { one: 'резидент получил', few: 'резидента получили', many: 'резидентов получили' })} ` +
      'региональные налоговые льготы.',
  );

  const area = areaText(s.area.totalM2, fmt, 'ru');
  sentences.push(
    `На конец ${to} года в технопарке ` +
      `${form(s.residentsAtEnd, { one: 'насчитывался', few: 'насчитывалось', many: 'насчитывалось' })} ` +
      `${counted(s.residentsAtEnd, RESIDENT)}, ` +
      `из них ${counted(s.smeResidentsAtEnd, { one: 'субъект', few: 'субъекта', many: 'субъектов' })} МСП; ` +
      (area
        ? `в аренде находилось ${fmt.pct(s.area.usePct)} из ${area} площадей.`
        : 'помещений для размещения резидентов не было.'),
  );

  const t = s.totals;
  const ly = s.lastYear;
  sentences.push(
    `Инвестиции резидентов составили ${money(t.investmentRub)}, ` +
      `в том числе капитальные вложения — ${money(t.capitalInvestmentRub)}; ` +
      `резиденты создали ${counted(t.jobsCreated, NEW_JOB)}, получили ${money(t.incomeRub)} выручки ` +
      `и уплатили ${money(t.taxesPaidRub)} налогов` +
      (single
        ? '.'
        : `; только за ${ly.year} год: выручка ${money(ly.incomeRub)}, налоги ${money(ly.taxesPaidRub)}, ` +
          `${counted(ly.jobsCreated, NEW_JOB)}.`),
  );

  const budgetMoney = fmt.moneyIn(budgetAmounts(s));
  const sources = fundedSources(s).map(
    (source) =>
      `${RU_SOURCES[source]} ${budgetMoney(s.budget.bySource[source].amountRub)} (${fmt.pct(s.budget.bySource[source].sharePct)})`,
  );
  sentences.push(
    sources.length === 0
      ? 'Бюджетное финансирование не поступало.'
      : `Получено бюджетное финансирование: ${budgetMoney(s.budget.totalRub)}, в том числе ${joinList(sources, ' и ')}.`,
  );

  if (s.payback.taxesPerBudgetRub !== null) {
    sentences.push(
      `К концу ${to} года резиденты уплатили ${fmt.decimal(s.payback.taxesPerBudgetRub, 2)} руб. налогов ` +
        'на рубль бюджетного финансирования; ' +
        (s.payback.paybackYear === null
          ? 'бюджетная окупаемость не достигнута.'
          : `бюджетная окупаемость достигнута в ${s.payback.paybackYear} году.`),
    );
  }

  const support = s.support;
  if (toKopecks(support.totalRub) !== 0n) {
    const supportMoney = fmt.moneyIn(supportAmounts(s));
    sentences.push(
      `Поддержка резидентов технопарком составила ${supportMoney(support.totalRub)}: ` +
        `${supportMoney(support.rentRub)} — аренда ниже рыночной ставки, ${supportMoney(support.servicesRub)} — услуги ниже рыночной цены` +
        (support.taxesPerSupportRub === null ? '.' : `; на рубль поддержки резиденты уплатили ${fmt.decimal(support.taxesPerSupportRub, 2)} руб. налогов.`),
    );
  }
  return sentences;
}

const enRules = new Intl.PluralRules('en');
const ruRules = new Intl.PluralRules('ru');

const RESIDENT: RuForms = { one: 'резидент', few: 'резидента', many: 'резидентов' };
const NEW_JOB: RuForms = { one: 'новое рабочее место', few: 'новых рабочих места', many: 'новых рабочих мест' };

const EN_SOURCES: Record<BudgetSource, string> = {
  federal: 'federal',
  regional: 'regional',
  municipal: 'municipal',
  extrabudgetary: 'extra-budgetary',
};

const RU_SOURCES: Record<BudgetSource, string> = {
  federal: 'из федерального бюджета',
  regional: 'из регионального бюджета',
  municipal: 'из муниципального бюджета',
  extrabudgetary: 'из внебюджетных источников',
};

/** Units of money, largest first; `rub` is the unit in roubles. */
const MONEY_SCALES = [
  { rub: 1_000_000_000n, en: 'bn RUB', ru: 'млрд руб.' },
  { rub: 1_000_000n, en: 'M RUB', ru: 'млн руб.' },
  { rub: 1_000n, en: 'thousand RUB', ru: 'тыс. руб.' },
] as const;

function residentAmounts(s: SummaryFigures): string[] {
  const { totals: t, lastYear: ly } = s;
  return [t.investmentRub, t.capitalInvestmentRub, t.incomeRub, t.taxesPaidRub, ly.incomeRub, ly.taxesPaidRub];
}

function budgetAmounts(s: SummaryFigures): string[] {
  return [s.budget.totalRub, ...BUDGET_SOURCES.map((source) => s.budget.bySource[source].amountRub)];
}

function supportAmounts(s: SummaryFigures): string[] {
  return [s.support.totalRub, s.support.rentRub, s.support.servicesRub];
}

function fundedSources(s: SummaryFigures): BudgetSource[] {
  return BUDGET_SOURCES.filter((source) => toKopecks(s.budget.bySource[source].amountRub) !== 0n);
}

/** "a, b and c" */
function joinList(items: string[], lastSeparator: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')}${lastSeparator}${items.at(-1)}`;
}

/** "16.5 thousand m²" from 1000 m² up, whole m² below; null when there is no area. */
function areaText(totalM2: string, fmt: Formatters, locale: ReportLocale): string | null {
  const hundredths = toKopecks(totalM2);
  if (hundredths <= 0n) return null;
  if (hundredths >= 100_000n) {
    return `${fmt.scaled(divideRounded(hundredths * 10n, 100_000n), 1)} ${locale === 'ru' ? 'тыс. м²' : 'thousand m²'}`;
  }
  return `${fmt.scaled(divideRounded(hundredths, 100n), 0)} ${locale === 'ru' ? 'м²' : 'm²'}`;
}

type Formatters = ReturnType<typeof formatters>;

function formatters(locale: ReportLocale) {
  const integer = numberFormat(locale === 'ru' ? 'ru-RU' : 'en-US', { maximumFractionDigits: 0 });
  const decimalSeparator = locale === 'ru' ? ',' : '.';

  /** The integer `value` read with `digits` decimals, localized: (165n, 1) → "16.5" / "16,5". */
  function scaled(value: bigint, digits: number): string {
    const negative = value < 0n;
    const abs = negative ? -value : value;
    const unit = 10n ** BigInt(digits);
    const whole = integer.format(abs / unit);
    const fraction = digits > 0 ? decimalSeparator + (abs % unit).toString().padStart(digits, '0') : '';
    return `${negative ? '-' : ''}${whole}${fraction}`;
  }

  /** A number already rounded to `digits` decimals (a report's percentage or ratio). */
  function decimal(value: number, digits: number): string {
    return scaled(BigInt(value.toFixed(digits).replace('.', '')), digits);
  }

  /** A formatter for a group of amounts, in the unit that suits the largest of them. */
  function moneyIn(amounts: string[]): (amountRub: string) => string {
    const largest = amounts.map(toKopecks).reduce((max, k) => (abs(k) > max ? abs(k) : max), 0n);
    const scale = MONEY_SCALES.find((candidate) => largest >= candidate.rub * 100n);
    if (!scale) return (amountRub) => `${scaled(toKopecks(amountRub), 2)} ${locale === 'ru' ? 'руб.' : 'RUB'}`;
    const unitKopecks = scale.rub * 100n;
    return (amountRub) => {
      const kopecks = toKopecks(amountRub);
      let digits = 1;
      if (kopecks !== 0n && abs(kopecks) < unitKopecks) {
        // Below one unit: two significant digits ("0.42"), at most three decimals.
        digits = 2;
        while (digits < 3 && abs(kopecks) * 10n ** BigInt(digits - 1) < unitKopecks) digits += 1;
      }
      let value = divideRounded(kopecks * 10n ** BigInt(digits), unitKopecks);
      if (digits > 1 && abs(value) >= 10n ** BigInt(digits)) {
        // Rounded up to a whole unit ("0.996" → "1.0"): back to one decimal.
        digits = 1;
        value = divideRounded(kopecks * 10n, unitKopecks);
      }
      return `${scaled(value, digits)} ${scale[locale]}`;
    };
  }

  return {
    int: (n: number) => integer.format(n),
    pct: (n: number) => `${decimal(n, 1)}%`,
    decimal,
    scaled,
    moneyIn,
  };
}

function abs(k: bigint): bigint {
  return k < 0n ? -k : k;
}
