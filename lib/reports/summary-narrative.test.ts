import { describe, expect, it } from 'vitest';
import { kuzbassSummary, summaryBudget, withoutFundingOrPremises } from '@/lib/test/kuzbass-summary';
import { summaryNarrative } from './summary-narrative';
import type { ParkSummary } from './types';

const NBSP = '\u00a0';

/** A summary with every count set to `n`, for checking plural forms. */
function withCounts(counts: Partial<ParkSummary> & { jobs?: number; lastYearJobs?: number }): ParkSummary {
  const s = kuzbassSummary();
  const { jobs, lastYearJobs, ...rest } = counts;
  return {
    ...s,
    ...rest,
    totals: { ...s.totals, jobsCreated: jobs ?? s.totals.jobsCreated },
    lastYear: { ...s.lastYear, jobsCreated: lastYearJobs ?? s.lastYear.jobsCreated },
  };
}

describe('summaryNarrative in English', () => {
  it('tells the Kuzbass 2010–2016 summary in the published words', () => {
    expect(summaryNarrative(kuzbassSummary(), 'en')).toBe(
      'For 2010–2016 the park supported 60 resident companies, 21 of them on site; ' +
        '356 requests for support were considered, 173 projects passed the expert council, ' +
        '53 received regional tax incentives. ' +
        'At the end of 2016 the park had 28 residents, 26 of them SMEs, and 34.0% of its 16.5 thousand m² was in use. ' +
        'Residents invested 11.0 bn RUB, of which 8.7 bn RUB capital investment, created 1,705 new jobs, ' +
        'earned 14.5 bn RUB and paid 2.6 bn RUB in taxes; ' +
        'in 2016 alone: income 2.3 bn RUB, taxes 0.42 bn RUB, 1,060 new jobs. ' +
        'Budget funding received: 920.3 M RUB, of which federal 412.9 M RUB (44.9%) and regional 507.4 M RUB (55.1%). ' +
        'By the end of 2016 residents had paid 2.83 RUB in taxes per rouble of budget funding; ' +
        'fiscal payback was reached in 2014.',
    );
  });

  it('says when payback has not been reached', () => {
    const s = kuzbassSummary();
    s.payback = { taxesPerBudgetRub: 0.87, paybackYear: null };
    expect(summaryNarrative(s, 'en')).toMatch(
      /By the end of 2016 residents had paid 0\.87 RUB in taxes per rouble of budget funding; fiscal payback has not been reached\.$/,
    );
  });

  it('reads "In 2016" for a single year and drops the last-year clause', () => {
    const s = kuzbassSummary();
    s.period = { from: 2016, to: 2016 };
    s.totals = { ...s.lastYear };
    const text = summaryNarrative(s, 'en');
    expect(text).toMatch(/^In 2016 the park supported 60 resident companies/);
    expect(text).toContain('At the end of 2016 the park had 28 residents');
    expect(text).toContain(
      'Residents invested 1.2 bn RUB, of which 0.90 bn RUB capital investment, created 1,060 new jobs, ' +
        'earned 2.3 bn RUB and paid 0.42 bn RUB in taxes. ',
    );
    expect(text).not.toContain('alone');
  });

  it('uses the singular for one', () => {
    const text = summaryNarrative(
      withCounts({ residentsSupported: 1, requests: 1, passedCouncil: 1, residentsAtEnd: 1, smeResidentsAtEnd: 1, jobs: 1, lastYearJobs: 1 }),
      'en',
    );
    expect(text).toContain('supported 1 resident company, 21 of them on site');
    expect(text).toContain('1 request for support was considered, 1 project passed the expert council');
    expect(text).toContain('the park had 1 resident, 1 of them an SME,');
    expect(text).toContain('created 1 new job,');
    expect(text).toContain('taxes 0.42 bn RUB, 1 new job.');
  });

  it('picks units for a small park and says when there is no funding or premises', () => {
    const s = kuzbassSummary();
    s.area = { totalM2: '850.40', leasedM2: '425.20', usePct: 50 };
    s.totals = {
      investmentRub: '48250000.00',
      capitalInvestmentRub: '996000.00',
      jobsCreated: 12,
      incomeRub: '3040000.50',
      taxesPaidRub: '42000.00',
    };
    s.lastYear = { ...s.lastYear, incomeRub: '0.00', taxesPaidRub: '0.00', jobsCreated: 0 };
    expect(summaryNarrative(s, 'en')).toContain(
      'and 50.0% of its 850 m² was in use. Residents invested 48.3 M RUB, of which 1.0 M RUB capital investment, ' +
        'created 12 new jobs, earned 3.0 M RUB and paid 0.042 M RUB in taxes; ' +
        'in 2016 alone: income 0.0 M RUB, taxes 0.0 M RUB, 0 new jobs.',
    );

    const text = summaryNarrative(withoutFundingOrPremises(s), 'en');
    expect(text).toContain('26 of them SMEs, and no premises available.');
    expect(text).toMatch(/No budget funding was received\.$/);
  });

  it('lists every funded source in a fixed order', () => {
    const s = kuzbassSummary();
    s.budget = summaryBudget('1500000.00', {
      regional: { amountRub: '750000.00', sharePct: 50 },
      municipal: { amountRub: '500000.00', sharePct: 33.3 },
      extrabudgetary: { amountRub: '250000.00', sharePct: 16.7 },
    });
    expect(summaryNarrative(s, 'en')).toContain(
      'Budget funding received: 1.5 M RUB, of which regional 0.75 M RUB (50.0%), municipal 0.50 M RUB (33.3%) ' +
        'and extra-budgetary 0.25 M RUB (16.7%).',
    );
  });
});

describe('summaryNarrative in Russian', () => {
  it('tells the Kuzbass 2010–2016 summary', () => {
    expect(summaryNarrative(kuzbassSummary(), 'ru')).toBe(
      'За 2010–2016 годы поддержку технопарка получали 60 резидентов, из них 21 — с размещением на площадке; ' +
        'рассмотрено 356 заявок на поддержку, 173 проекта прошли экспертный совет, ' +
        '53 резидента получили региональные налоговые льготы. ' +
        'На конец 2016 года в технопарке насчитывалось 28 резидентов, из них 26 субъектов МСП; ' +
        'в аренде находилось 34,0% из 16,5 тыс. м² площадей. ' +
        'Инвестиции резидентов составили 11,0 млрд руб., в том числе капитальные вложения — 8,7 млрд руб.; ' +
        `резиденты создали 1${NBSP}705 новых рабочих мест, получили 14,5 млрд руб. выручки и уплатили 2,6 млрд руб. налогов; ` +
        `только за 2016 год: выручка 2,3 млрд руб., налоги 0,42 млрд руб., 1${NBSP}060 новых рабочих мест. ` +
        'Получено бюджетное финансирование: 920,3 млн руб., в том числе из федерального бюджета 412,9 млн руб. (44,9%) ' +
        'и из регионального бюджета 507,4 млн руб. (55,1%). ' +
        'К концу 2016 года резиденты уплатили 2,83 руб. налогов на рубль бюджетного финансирования; ' +
        'бюджетная окупаемость достигнута в 2014 году.',
    );
  });

  it('reads «В 2016 году» for a single year and says when payback has not been reached', () => {
    const s = kuzbassSummary();
    s.period = { from: 2016, to: 2016 };
    s.totals = { ...s.lastYear };
    s.payback = { taxesPerBudgetRub: 0.46, paybackYear: null };
    const text = summaryNarrative(s, 'ru');
    expect(text).toMatch(/^В 2016 году поддержку технопарка получали 60 резидентов/);
    expect(text).toContain('уплатили 0,42 млрд руб. налогов. Получено');
    expect(text).not.toContain('только за');
    expect(text).toMatch(/уплатили 0,46 руб\. налогов на рубль бюджетного финансирования; бюджетная окупаемость не достигнута\.$/);
  });

  it('agrees nouns and verbs with 21, 22 and 25', () => {
    const text = summaryNarrative(
      withCounts({
        residentsSupported: 21,
        requests: 22,
        passedCouncil: 25,
        taxIncentiveResidents: 21,
        residentsAtEnd: 22,
        smeResidentsAtEnd: 21,
        jobs: 22,
        lastYearJobs: 25,
      }),
      'ru',
    );
    expect(text).toContain('поддержку технопарка получал 21 резидент, из них 21 — с размещением на площадке');
    expect(text).toContain('рассмотрены 22 заявки на поддержку, 25 проектов прошли экспертный совет');
    expect(text).toContain('21 резидент получил региональные налоговые льготы');
    expect(text).toContain('в технопарке насчитывалось 22 резидента, из них 21 субъект МСП;');
    expect(text).toContain('резиденты создали 22 новых рабочих места,');
    expect(text).toContain('25 новых рабочих мест.');

    const other = summaryNarrative(
      withCounts({ residentsSupported: 25, requests: 21, passedCouncil: 21, taxIncentiveResidents: 22, residentsAtEnd: 21, smeResidentsAtEnd: 25, jobs: 21, lastYearJobs: 22 }),
      'ru',
    );
    expect(other).toContain('получали 25 резидентов,');
    expect(other).toContain('рассмотрена 21 заявка на поддержку, 21 проект прошёл экспертный совет');
    expect(other).toContain('22 резидента получили региональные налоговые льготы');
    expect(other).toContain('в технопарке насчитывался 21 резидент, из них 25 субъектов МСП;');
    expect(other).toContain('резиденты создали 21 новое рабочее место,');
    expect(other).toContain('22 новых рабочих места.');
  });

  it.each([
    [1, 'резидент'],
    [2, 'резидента'],
    [4, 'резидента'],
    [5, 'резидентов'],
    [11, 'резидентов'],
    [12, 'резидентов'],
    [14, 'резидентов'],
    [101, 'резидент'],
    [111, 'резидентов'],
    [0, 'резидентов'],
  ])('%i %s', (n, noun) => {
    const text = summaryNarrative(withCounts({ residentsAtEnd: n }), 'ru');
    expect(text).toContain(`в технопарке ${n === 1 || n === 101 ? 'насчитывался' : 'насчитывалось'} ${n} ${noun},`);
  });

  it('formats thousands with a no-break space and decimals with a comma', () => {
    const s = kuzbassSummary();
    s.totals = { ...s.totals, investmentRub: '1234500000000.00' };
    expect(summaryNarrative(s, 'ru')).toContain(`Инвестиции резидентов составили 1${NBSP}234,5 млрд руб.,`);
  });

  it('lists every funded source', () => {
    const s = kuzbassSummary();
    s.budget.bySource.municipal = { amountRub: '10000000.00', sharePct: 1.1 };
    s.budget.bySource.extrabudgetary = { amountRub: '5000000.00', sharePct: 0.5 };
    expect(summaryNarrative(s, 'ru')).toContain(
      'в том числе из федерального бюджета 412,9 млн руб. (44,9%), из регионального бюджета 507,4 млн руб. (55,1%), ' +
        'из муниципального бюджета 10,0 млн руб. (1,1%) и из внебюджетных источников 5,0 млн руб. (0,5%).',
    );
  });

  it('says when there is no funding and no premises', () => {
    const text = summaryNarrative(withoutFundingOrPremises(kuzbassSummary()), 'ru');
    expect(text).toContain('из них 26 субъектов МСП; помещений для размещения резидентов не было.');
    expect(text).toMatch(/Бюджетное финансирование не поступало\.$/);
  });
});
