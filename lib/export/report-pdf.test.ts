import { describe, expect, it } from 'vitest';
import { buildIndicatorReport } from '@/lib/reports/indicator-status';
import { kuzbassSummary } from '@/lib/test/kuzbass-summary';
import { pdfText } from '@/lib/test/pdf-text';
import type { IndicatorValue } from '@/lib/reports/types';
import { indicatorsToPdf, summaryToPdf } from './report-pdf';

const years = [
  { year: 2015, jobsCreated: 120, investmentRub: '1500000000.00', capitalInvestmentRub: '800000000.00', incomeRub: '2100000000.00', taxesPaidRub: '300000000.00', expected: 20, accepted: 18, pending: 1, missing: 1, coveragePct: 90 },
  { year: 2016, jobsCreated: 140, investmentRub: '2300000000.00', capitalInvestmentRub: '420000000.00', incomeRub: '2600000000.00', taxesPaidRub: '350000000.00', expected: 22, accepted: 22, pending: 0, missing: 0, coveragePct: 100 },
];

describe('the park summary as a PDF', () => {
  it('holds the same figures and narrative as the page and the files, in the reader’s language, with its chart', async () => {
    const summary = kuzbassSummary();
    const en = await pdfText(await summaryToPdf(summary, years, 'en'));
    expect(en).toContain('Kuzbass Technopark: park summary, 2010–2016');
    expect(en).toContain(summary.narrative.replace(/\s+/g, ' ').slice(0, 80));
    for (const figure of ['Requests for support considered 356', 'Passed the expert council 173', 'Residents supported 60', 'RUB 920,300,000.00', '34.0%'])
      expect(en).toContain(figure);
    expect(en).toContain("Residents' results by year");
    expect(en).toMatch(/page 1 of \d/);
    const ru = await pdfText(await summaryToPdf(summary, years, 'ru'));
    expect(ru).toContain('сводка по парку, 2010–2016');
    expect(ru).toMatch(/920 300 000,00\s?₽/);
  });

  it('is the same bytes for the same summary (dated by the period, not by the moment it was made)', async () => {
    const a = await summaryToPdf(kuzbassSummary(), years, 'en');
    const b = await summaryToPdf(kuzbassSummary(), years, 'en');
    expect(Buffer.compare(a, b)).toBe(0);
  });
});

describe('an indicator programme as a PDF', () => {
  it('gives each indicator its status, figures and growth rates, and says when the target year passed without data', async () => {
    const values: IndicatorValue[] = [
      { year: 2014, kind: 'actual', value: 1.25 },
      { year: 2015, kind: 'actual', value: 1.9 },
      { year: 2016, kind: 'actual', value: 2.2 },
      { year: 2020, kind: 'target', value: 5 },
    ];
    const report = buildIndicatorReport({ key: 'sez', name: 'SEZ programme' }, [{ key: 'inv', name: 'Private investment of SEZ residents', unit: 'bn RUB', direction: 'higher', values }]);
    const text = await pdfText(await indicatorsToPdf(report, new Map([['inv', values]]), { locale: 'en', park: 'ITC Tomsk', currentYear: 2026 }));
    expect(text).toContain('SEZ programme: indicators');
    expect(text).toContain('Private investment of SEZ residents (bn RUB)');
    expect(text).toContain('no data for 2020, the target year (trend: on track)');
    expect(text).toContain('2.2 (2016)');
    expect(text).toContain('5 (2020)');
    const before = await pdfText(await indicatorsToPdf(report, new Map([['inv', values]]), { locale: 'en', park: 'ITC Tomsk', currentYear: 2019 }));
    expect(before).toContain('Status on track');
  });
});
