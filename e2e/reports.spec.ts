import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { demo, downloadPdf, signIn, unique } from './fixtures';

/** A figure card by its label (the card is a group named by it). */
const figure = (scope: Page | ReturnType<Page['getByRole']>, label: string) => scope.getByRole('group', { name: label, exact: true });

/** The value in column B of the row whose column A is `label`. */
function cellBeside(sheet: ExcelJS.Worksheet, label: string): ExcelJS.CellValue {
  let value: ExcelJS.CellValue = null;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === label) value = row.getCell(2).value;
  });
  return value;
}

test.describe('Reports', () => {
  test('the manager picks 2010–2016 on the Kuzbass summary, sees the published figures, downloads the XLSX and prints to PDF', async ({ page }) => {
    test.setTimeout(480_000);
    await signIn(page, demo.manager);
    await page.goto('/p/kuzbass/reports');
    await expect(page.getByRole('heading', { level: 1, name: 'Park summary' })).toBeVisible();

    const picker = page.getByRole('form', { name: 'Report period' });
    await picker.getByLabel('From year').selectOption('2010');
    await picker.getByLabel('To year').selectOption('2016');
    await picker.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/from=2010&to=2016/);
    await expect(page.getByText('Kuzbass Technopark · 2010–2016')).toBeVisible();

    // The published Kuzbass 2010–2016 figures (docs/reports.md, "Reference figures"). The KPI sums are left out here:
    // other specs accept reports on the shared demo database; these figures no KPI report can move.
    const residents = page.getByRole('region', { name: 'Applications and residents' });
    await expect(figure(residents, 'Requests for support considered')).toContainText('356');
    await expect(figure(residents, 'Passed the expert council')).toContainText('173');
    await expect(figure(residents, 'Received regional tax incentives')).toContainText('53');
    await expect(figure(residents, 'Residents supported')).toContainText('60');
    await expect(figure(residents, 'of which on site')).toContainText('21');
    await expect(figure(residents, 'Residents at the end of 2016')).toContainText('28');
    await expect(figure(residents, 'of which SMEs')).toContainText('26');
    await expect(figure(residents, 'Area in use')).toContainText('34.0%');
    const budget = page.getByRole('region', { name: 'Budget funding up to 2016 and payback' });
    await expect(figure(budget, 'Budget funding received up to 2016')).toContainText('920.3 M RUB');
    await expect(figure(budget, 'Federal funding')).toContainText('44.9% of the total');
    await expect(figure(budget, 'Regional funding')).toContainText('507.4 M RUB');
    await expect(figure(budget, 'Regional funding')).toContainText('55.1% of the total');
    await expect(page.getByRole('region', { name: 'The summary for 2010–2016 in words' })).toContainText('356 requests for support were considered, 173 projects passed the expert council');
    // What the park's support was worth, beside the budget (rent and services below the market).
    const support = page.getByRole('region', { name: 'Resident support in 2010–2016' });
    for (const card of ['Rent support', 'Service support', 'Support in total', 'Taxes per rouble of support']) await expect(figure(support, card)).toBeVisible();
    // The exact amount is in the card's tooltip.
    await expect(figure(budget, 'Budget funding received up to 2016').getByTitle(/920,300,000\.00/)).toBeVisible();

    // XLSX: a sheet per section, numbers as numbers.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download XLSX' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('kuzbass-summary-2010-2016.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Summary', 'Totals', 'Budget', 'Reporting', 'Resident support']);
    expect(cellBeside(book.getWorksheet('Summary')!, 'Requests for support considered')).toBe(356);
    expect(cellBeside(book.getWorksheet('Summary')!, 'Residents supported')).toBe(60);
    expect(cellBeside(book.getWorksheet('Budget')!, 'Budget funding received up to 2016')).toBe(920300000);
    expect(cellBeside(book.getWorksheet('Budget')!, 'Regional share')).toBe(0.551);

    // PDF, made on the server: the same figures and narrative as the page, with the residents' results charted.
    const summaryPdf = await downloadPdf(page, page.getByRole('link', { name: 'PDF', exact: true }));
    expect(summaryPdf).toContain('Kuzbass Technopark: park summary, 2010–2016');
    expect(summaryPdf).toContain('356 requests for support were considered, 173 projects passed the expert council');
    for (const figure of ['Requests for support considered 356', 'Residents supported 60', 'RUB 920,300,000.00']) expect(summaryPdf).toContain(figure);
    expect(summaryPdf).toContain("Residents' results by year");

    // Print: the button opens the browser's print dialog; the print styles make a clean A4 PDF.
    await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => {
        w.printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print', exact: true })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
    await expect(page.getByRole('form', { name: 'Report period' })).toBeHidden();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
  });

  test('the analyst compares the two demo parks and sorts them', async ({ page }) => {
    test.setTimeout(420_000);
    await signIn(page, demo.analyst);
    await page.goto('/compare?from=2010&to=2016');
    const table = page.getByRole('table', { name: 'Side by side, 2010–2016' });
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(3);
    const kuzbass = rows.filter({ hasText: 'Kuzbass Technopark' });
    await expect(kuzbass).toContainText('34.0%');
    await expect(kuzbass).toContainText('2014');
    await expect(rows.filter({ hasText: 'ITC Tomsk' })).toContainText('not reached');
    // By name first; then by new jobs, the most first; then the fewest first.
    await expect(rows.nth(1)).toContainText('ITC Tomsk');
    await table.getByRole('link', { name: 'Sort by New jobs' }).click();
    await expect(page).toHaveURL(/sort=jobsCreated&dir=desc/);
    await expect(rows.nth(1)).toContainText('Kuzbass Technopark');
    await expect(table.getByRole('columnheader', { name: /New jobs/ })).toHaveAttribute('aria-sort', 'descending');
    await table.getByRole('link', { name: 'Sort by New jobs' }).click();
    await expect(page).toHaveURL(/sort=jobsCreated$/);
    await expect(table.getByRole('columnheader', { name: /New jobs/ })).toHaveAttribute('aria-sort', 'ascending');
    await expect(rows.nth(1)).toContainText('ITC Tomsk');

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV' }).click();
    const csv = fs.readFileSync((await (await downloading).path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^ITC Tomsk,/);
    // … taxes per budget rouble, payback year, then the four support columns (rent, services, total, taxes per support rouble).
    expect(lines[2]).toMatch(/^Kuzbass Technopark,.*,2\.87,2014,\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?,(\d+(\.\d+)?)?$/);
  });

  test('the analyst places a park against the reference ranges abroad', async ({ page }) => {
    test.setTimeout(300_000);
    await signIn(page, demo.analyst);
    await page.goto('/compare?from=2010&to=2016');
    const placing = page.getByRole('form', { name: 'Park to place against the ranges' });
    const choice = placing.getByRole('combobox', { name: 'Park' });
    await choice.selectOption({ label: 'Kuzbass Technopark' });
    await expect(choice).toHaveValue('kuzbass');
    await placing.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/park=kuzbass/);
    // Kuzbass 2010–2016: 28 residents (below Germany's 54–1,350, within Russia's 4–212), 16.5 thousand m²,
    // founded 2007 and paid back in 2014: 7 years, faster than the 10–12 years of Germany.
    const reference = page.getByRole('table').filter({ hasText: 'Residents per park' });
    await expect(reference.getByRole('row').filter({ hasText: 'Germany' })).toContainText(/54–1,350\s*below/);
    await expect(reference.getByRole('row').filter({ hasText: 'Germany' })).toContainText(/10–12 years\s*faster/);
    await expect(reference.getByRole('row').filter({ hasText: 'Russia' })).toContainText(/4–212\s*within/);
    await expect(page.getByText('16.5 thousand m²', { exact: true })).toBeVisible();
    await expect(page.getByText('7 years', { exact: true })).toBeVisible();
  });

  test('an API token created on the page reads its park’s summary and nothing else, until revoked', async ({ page, request }) => {
    test.setTimeout(420_000);
    await signIn(page, demo.manager);
    await page.goto('/p/kuzbass/reports');
    await page.getByRole('link', { name: 'API tokens' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();

    const name = unique('E2E reader');
    await page.getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByLabel('New API token');
    await expect(shown).toHaveValue(/^tp_[A-Za-z0-9_-]{43}$/);
    const token = await shown.inputValue();
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(token.slice(0, 10));
    await expect(row).toContainText('Active');
    // The token itself is shown only once: never in the list.
    await expect(page.getByRole('table')).not.toContainText(token);

    const auth = { Authorization: `Bearer ${token}` };
    const own = await request.get('/api/v1/parks/kuzbass/summary?from=2010&to=2016', { headers: auth });
    expect(own.status()).toBe(200);
    expect(await own.json()).toMatchObject({
      format: 'technopark-summary/1',
      park: { slug: 'kuzbass' },
      period: { from: 2010, to: 2016 },
      requests: 356,
      passedCouncil: 173,
      residentsSupported: 60,
      area: { usePct: 34 },
    });
    const other = await request.get('/api/v1/parks/itc-tomsk/summary?from=2010&to=2016', { headers: auth });
    expect(other.status()).toBe(404);
    expect((await other.json()).error.code).toBe('NOT_FOUND');

    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    await row.getByRole('button', { name: `Revoke “${name}” now` }).click();
    await expect(row).toContainText('Revoked');
    const revoked = await request.get('/api/v1/parks/kuzbass/summary?from=2010&to=2016', { headers: auth });
    expect(revoked.status()).toBe(401);
  });
});
