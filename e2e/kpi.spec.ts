import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { approveInTomskCouncil, createCompany, demo, formError, signIn, signUpApplicant, submitApplication, TOMSK, unique } from './fixtures';

/** A row of the upload preview, found by its spreadsheet row number. */
const uploadRow = (page: Page, n: number) =>
  page.getByRole('table', { name: 'Preview' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(n), exact: true }) });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-kpi-'));

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

/**
 * A resident of its own for the spec, so that every run, on a fresh database or on one used before,
 * has a year to report: a new applicant registers a company and applies to ITC Tomsk, the council
 * approves it (approveInTomskCouncil), and the manager admits the company (extraterritorial, from today).
 * Leaves `applicant` signed in as the new representative and returns the company's name.
 */
async function newResident(applicant: Page, manager: Page): Promise<string> {
  await signUpApplicant(applicant);
  const company = await createCompany(applicant);
  const title = unique('Radiation-hard sensor modules');
  await submitApplication(applicant, { company, title, park: TOMSK.name });

  await approveInTomskCouncil(manager, { title, company });

  await manager.goto(`/p/${TOMSK.slug}/residents/admit`);
  await manager.getByRole('link', { name: `Admit: ${company}`, exact: true }).click();
  await expect(manager.getByRole('heading', { level: 1 })).toContainText(company);
  await manager.getByLabel('Agreement number').fill(unique('E2E-ITC'));
  await manager.getByRole('radio', { name: 'Extraterritorial' }).check();
  await manager.getByRole('button', { name: 'Admit resident' }).click();
  await expect(manager).toHaveURL(new RegExp(`/p/${TOMSK.slug}/residents/[0-9a-f-]{36}$`));
  await expect(manager.getByText('Current resident')).toBeVisible();
  return company;
}

test.describe('KPI reports', () => {
  test('a resident files its annual report; the manager returns it; the resident corrects and resubmits; the manager accepts', async ({ browser }) => {
    test.setTimeout(240_000);
    const resident = await (await browser.newContext()).newPage();
    const manager = await (await browser.newContext()).newPage();
    await signIn(manager, demo.manager);
    const company = await newResident(resident, manager);

    // Admitted today, the new resident has this year to report.
    await resident.goto('/my/kpi');
    await expect(resident.getByRole('heading', { level: 1, name: 'KPI reports' })).toBeVisible();
    const open = resident.getByRole('link', { name: /^File report: \d{4}$/ });
    await expect(open).toHaveCount(1);
    const year = (await open.getAttribute('aria-label'))!.slice(-4);
    await open.click();
    await expect(resident).toHaveURL(/\/my\/kpi\/report\?/);
    await resident.waitForLoadState('networkidle'); // typing before hydration would be lost
    await expect(resident.getByRole('heading', { level: 1 })).toHaveText(`${company}: report for ${year}`);

    const field = (label: string) => resident.getByLabel(label, { exact: true });
    await field('New jobs created').fill('7');
    await field('Headcount').fill('35');
    await field('Investment').fill('12abc');
    await field('of which capital investment').fill('1 000 000');
    await field('Income (revenue)').fill('8 000 000');
    await field('Taxes paid').fill('900 000');
    await field('R&D spending').fill('');
    await resident.getByRole('button', { name: 'Submit for review' }).click();
    await expect(resident.locator('[data-field-error]')).toHaveText(['An amount in roubles: digits, at most two decimals (e.g. 1 250 000,50).']);
    await field('Investment').fill('2 500 000,5');
    await expect(resident.getByText('Reads as RUB 2,500,000.50')).toBeVisible();
    await resident.getByRole('button', { name: 'Save draft' }).click();
    await expect(resident.getByText('Draft saved.')).toBeVisible();
    await shot(resident, 'kpi-report-form');
    await resident.getByRole('button', { name: 'Submit for review' }).click();
    await expect(resident.getByText(/awaiting the park’s review/)).toBeVisible();
    const reportUrl = resident.url();

    // The manager finds it awaiting review and returns it with a comment.
    await manager.goto(`/p/${TOMSK.slug}/kpi`);
    await expect(manager.getByRole('link', { name: 'Awaiting review', exact: false })).toHaveAttribute('aria-current', 'page');
    await manager.getByRole('link', { name: `${company}, ${year}`, exact: true }).click();
    await expect(manager.getByRole('heading', { level: 1 })).toHaveText(`${company}: ${year}`);
    await manager.waitForLoadState('networkidle');
    const comment = `Taxes paid look low for ${year}; please check against the tax statement (${crypto.randomBytes(2).toString('hex')}).`;
    await manager.getByLabel('Comment to the resident').fill(comment);
    await manager.getByRole('button', { name: 'Return with comment' }).click();
    await expect(manager.getByText('Comment when returned')).toBeVisible();
    const reviewUrl = manager.url();

    // The resident sees the comment, corrects the taxes and resubmits.
    await resident.goto(reportUrl);
    await resident.waitForLoadState('networkidle');
    await expect(resident.getByText('The park returned this report for correction:')).toBeVisible();
    await expect(resident.getByRole('status', { name: 'The park returned this report for correction:' }).getByRole('blockquote')).toHaveText(comment);
    await expect(field('Investment')).toHaveValue('2500000.50');
    // The resident answers in the report's conversation, with the statement; the manager reads it beside the figures.
    const conversation = resident.getByRole('region', { name: 'Conversation' });
    const answer = `The deferred payment was made in January; the statement is attached (${crypto.randomBytes(2).toString('hex')}).`;
    await conversation.getByLabel('Message').fill(answer);
    await conversation.getByLabel('Documents').setInputFiles({ name: 'tax-statement.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await conversation.getByRole('button', { name: 'Send' }).click();
    await expect(resident.getByText('Message sent.')).toBeVisible();
    await expect(conversation.getByRole('list', { name: 'Conversation' })).toContainText(answer);
    await field('Taxes paid').fill('950 000');
    await resident.getByRole('button', { name: 'Submit for review' }).click();
    await expect(resident.getByText(/awaiting the park’s review/)).toBeVisible();

    // The manager sees both versions, the change marked, and accepts.
    await manager.goto(reviewUrl);
    await manager.waitForLoadState('networkidle');
    const figures = manager.getByRole('table', { name: 'Figures' });
    await expect(figures.getByRole('columnheader', { name: /^v2/ })).toBeVisible();
    await expect(figures.getByRole('columnheader', { name: /^v1/ })).toBeVisible();
    await expect(figures.getByRole('row', { name: /Taxes paid/ })).toContainText('RUB 950,000.00 (changed)');
    await expect(manager.getByText(comment)).toBeVisible();
    const thread = manager.getByRole('region', { name: 'Conversation' }).getByRole('list', { name: 'Conversation' });
    await expect(thread).toContainText(answer);
    await expect(thread.getByRole('link', { name: /tax-statement\.pdf/ })).toBeVisible();
    // Beside the plan of the application it was admitted on (e2e/fixtures.ts: 1 500 000 invested, 500 000 of it capital,
    // 8 jobs, 2 000 000 of income, for the year the applicant applied in), with the differences; admitted this year, it has no year before.
    const compared = manager.getByRole('table', { name: 'Against the previous year and the plan' });
    await expect(compared.getByRole('columnheader', { name: `Plan for ${year} from the application` })).toBeVisible();
    await expect(compared.getByRole('row', { name: /^Investment/ })).toContainText('RUB 1,500,000.00+RUB 1,000,000.50+66.7%');
    await expect(compared.getByRole('row', { name: /^of which capital investment/ })).toContainText('RUB 500,000.00+RUB 500,000.00+100.0%');
    await expect(compared.getByRole('row', { name: /^New jobs created/ })).toContainText('8-1-12.5%');
    await expect(compared.getByRole('row', { name: /^Taxes paid/ })).toContainText('RUB 950,000.00');
    await expect(manager.getByText(`No accepted report for ${Number(year) - 1}: nothing to compare with.`)).toBeVisible();
    await shot(manager, 'kpi-review');
    await manager.getByRole('button', { name: 'Accept report' }).click();
    await expect(manager.getByText('Accepted', { exact: true }).first()).toBeVisible();
    await expect(manager.getByRole('button', { name: 'Accept report' })).toHaveCount(0);
    await expect(manager.getByText(/Reviewed by/)).toBeVisible();

    await resident.goto('/my/kpi');
    await expect(resident.getByRole('row').filter({ has: resident.getByRole('rowheader', { name: String(year), exact: true }) })).toContainText('Accepted');

    // The missing-reports list, for the screenshots.
    await manager.goto('/p/kuzbass/kpi?tab=missing');
    await expect(manager.getByRole('region', { name: 'Missing' }).or(manager.getByText('Nothing is missing')).first()).toBeVisible();
    await shot(manager, 'kpi-missing');
  });

  test('the manager reviews a report beside the company’s accepted report of the year before, with the differences', async ({ page }) => {
    await signIn(page, demo.manager);
    // A Kuzbass resident of the demo data that reported both 2015 and 2016, accepted.
    const company = 'АО «Сибирский центр углехимии»';
    await page.goto('/p/kuzbass/kpi?tab=accepted&year=2016');
    await page.getByRole('link', { name: `${company}, 2016`, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${company}: 2016`);
    const compared = page.getByRole('table', { name: 'Against the previous year and the plan' });
    await expect(compared.getByRole('columnheader', { name: '2015 accepted report' })).toBeVisible();
    // Each figure: this year's, last year's, the difference and its percentage of last year's.
    await expect(compared.getByRole('row', { name: /^Investment/ })).toHaveText(/^InvestmentRUB\s[\d,.]+RUB\s[\d,.]+[+-]RUB\s[\d,.]+[+-][\d.]+%/);
    await expect(compared.getByRole('row', { name: /^New jobs created/ })).toHaveText(/^New jobs created\d+\d+([+-]\d+[+-][\d.]+%|0(0\.0%|—))/);
    await expect(page.getByText('No accepted report for 2015')).toHaveCount(0);
  });

  test('the manager uploads a year in bulk: a bad row is flagged, the file is fixed and committed', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, demo.manager);
    await page.goto('/p/itc-tomsk/kpi/upload');
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Year').selectOption('2025');
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download template for 2025' }).click();
    const template = path.join(tmp, 'template.xlsx');
    await (await downloading).saveAs(template);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const sheet = workbook.getWorksheet('KPI 2025')!;
    expect(sheet.rowCount, 'ITC Tomsk has at least two residents in 2025').toBeGreaterThanOrEqual(3);
    const jobs = 10 + crypto.randomInt(80);
    const fill = (row: number, values: (string | number | null)[]) => values.forEach((v, i) => (sheet.getRow(row).getCell(4 + i).value = v));
    fill(2, [jobs, 50, 3_000_000.5, 1_000_000, 9_000_000, 1_200_000, null]);
    fill(3, [jobs + 1, 20, 500_000, 800_000, 2_000_000, 300_000, 50_000]); // capital investment above the investment
    const bad = path.join(tmp, 'bad.xlsx');
    await workbook.xlsx.writeFile(bad);

    // not a spreadsheet at all
    const text = path.join(tmp, 'notes.xlsx');
    fs.writeFileSync(text, 'company;jobsCreated\n');
    await page.getByLabel('Filled template (.xlsx)').setInputFiles(text);
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(formError(page)).toHaveText('This is not an Excel workbook (.xlsx). Upload the filled template.');

    await page.getByLabel('Filled template (.xlsx)').setInputFiles(bad);
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(uploadRow(page, 3)).toContainText('Capital investment is larger than the investment');
    await expect(uploadRow(page, 3)).toContainText('Error');
    await expect(uploadRow(page, 2)).not.toContainText('Error');
    await expect(page.getByText('Correct the rows marked as errors in the file and check it again. Nothing has been written.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Commit/ })).toHaveCount(0);
    await shot(page, 'kpi-upload-preview');

    fill(3, [jobs + 1, 20, 900_000, 800_000, 2_000_000, 300_000, 50_000]);
    const good = path.join(tmp, 'good.xlsx');
    await workbook.xlsx.writeFile(good);
    await page.getByLabel('Filled template (.xlsx)').setInputFiles(good);
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(uploadRow(page, 3)).not.toContainText('Error');
    await page.getByRole('button', { name: 'Commit 2 reports' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Committed: / })).toBeVisible();

    await page.goto('/p/itc-tomsk/kpi?tab=accepted&year=2025');
    await expect(page.getByRole('table', { name: 'Accepted' }).getByRole('row').filter({ hasText: String(jobs) }).first()).toBeVisible();
  });

  test('the admin imports a data set in the browser and sees the counts', async ({ page }) => {
    test.setTimeout(120_000);
    const slug = `e2e-${crypto.randomBytes(4).toString('hex')}`;
    const dataset = {
      format: 'technopark-dataset/1',
      park: { slug, name: `E2E Park ${slug}`, region: 'Tomsk Region', type: 'high_tech', landAreaHa: null, foundedOn: '2018-01-15' },
      buildings: [{ key: 'b1', name: 'Main building' }],
      premises: [{ key: 'u1', building: 'b1', name: 'Office 1', kind: 'office', areaM2: '54.50', availableFrom: null, availableTo: null }],
      companies: [
        { key: 'c1', name: 'ООО «Тест-1»', inn: null, smeCategory: 'micro', industry: 'IT', manufacturing: false },
        { key: 'c2', name: 'ООО «Тест-2»', inn: null, smeCategory: 'small', industry: null, manufacturing: true },
      ],
      applications: [],
      residencies: [{ key: 'r1', company: 'c1', application: null, agreementNumber: 'R-1', startOn: '2020-01-01', endOn: null, placement: 'on_site' }],
      leases: [{ key: 'l1', company: 'c1', premises: 'u1', startOn: '2020-02-01', endOn: null }],
      taxIncentives: [],
      kpiReports: [
        { key: 'k1', company: 'c1', year: 2021, quarter: null, status: 'accepted', jobsCreated: 4, headcount: 12, investmentRub: '1000000.00', capitalInvestmentRub: '250000.00', incomeRub: '3500000.00', taxesPaidRub: '410000.00', rndSpendRub: null },
      ],
      budgetFunding: [{ key: 'f1', year: 2019, source: 'regional', amountRub: '15000000.00' }],
      programmes: [],
    };
    const file = path.join(tmp, `${slug}.json`);
    fs.writeFileSync(file, JSON.stringify(dataset, null, 2));
    const junk = path.join(tmp, 'junk.json');
    fs.writeFileSync(junk, '{"format": "technopark-dataset/1", "park": ');

    await signIn(page, demo.admin);
    await page.goto('/admin/import');
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('heading', { level: 1, name: 'Import a data set' })).toBeVisible();
    await page.getByLabel('Data set file (.json)').setInputFiles(junk);
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(formError(page)).toHaveText('This file is not JSON. Upload a technopark-dataset/1 .json file.');
    // Another kind of JSON file is told in a sentence, its own format named.
    const other = path.join(tmp, 'other-format.json');
    fs.writeFileSync(other, JSON.stringify({ ...dataset, format: 'park-export/3' }));
    await page.getByLabel('Data set file (.json)').setInputFiles(other);
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(formError(page)).toHaveText('This is not a technopark data set: the file’s format is “park-export/3”, expected technopark-dataset/1.');

    await page.getByLabel('Data set file (.json)').setInputFiles(file);
    await page.getByRole('button', { name: 'Check file' }).click();
    const preview = page.getByRole('table', { name: `What the import would do in park “${slug}”` });
    await expect(preview).toBeVisible();
    await expect(page.getByText('The park will be created.')).toBeVisible();
    await expect(preview.getByRole('row', { name: /^Companies/ })).toHaveText(/Companies\s*2\s*0\s*0/);
    await expect(preview.getByRole('row', { name: /^KPI reports/ })).toHaveText(/KPI reports\s*1\s*0\s*0/);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const done = page.getByRole('table', { name: `Imported into park “${slug}”.` });
    await expect(done).toBeVisible();
    await expect(done.getByRole('row', { name: /^Leases/ })).toHaveText(/Leases\s*1\s*0\s*0/);
    await expect(done.getByRole('row', { name: /^Budget funding/ })).toHaveText(/Budget funding\s*1\s*0\s*0/);
    await shot(page, 'admin-import');

    // the same file again changes nothing
    await page.getByLabel('Data set file (.json)').setInputFiles(file);
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(page.getByText('The park exists and its details are unchanged.')).toBeVisible();
    await expect(page.getByText('Nothing changed: the data set matches the park.')).toBeVisible();
  });
});
