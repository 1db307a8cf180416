import fs from 'node:fs';
import { summaryToPdf } from '@/lib/export/report-pdf';
import { kuzbassSummary } from '@/lib/test/kuzbass-summary';
const years = [2010, 2011, 2012, 2013, 2014, 2015, 2016].map((year, i) => ({ year, jobsCreated: 100 + i * 30, investmentRub: String(1e9 * (1 + i * 0.3)), capitalInvestmentRub: '0', incomeRub: String(1.5e9 * (1 + i * 0.2)), taxesPaidRub: String(2e8 * (1 + i * 0.25)), expected: 1, accepted: 1, pending: 0, missing: 0, coveragePct: 100 }));
fs.writeFileSync('/tmp/summary-ru.pdf', await summaryToPdf(kuzbassSummary(), years, 'ru'));
fs.writeFileSync('/tmp/summary-en.pdf', await summaryToPdf(kuzbassSummary(), years, 'en'));
