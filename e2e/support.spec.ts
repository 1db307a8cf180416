import { expect, test, type Page } from '@playwright/test';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { demo, KUZBASS, signIn } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

/** The park summary's services support for one year, in kopecks, read from its JSON export. */
async function servicesSupportKopecks(page: Page, year: number): Promise<bigint> {
  const response = await page.request.get(`/p/${KUZBASS.slug}/reports/summary/export?from=${year}&to=${year}&format=json`);
  expect(response.ok()).toBe(true);
  const summary = (await response.json()) as { support?: { servicesRub?: string } };
  const [whole, fraction = ''] = (summary.support?.servicesRub ?? '0').split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
}

const parkToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: KUZBASS.timeZone }).format(new Date());

test('a manager records a lease’s rates (both or neither, never negative) and sees them on the premises grid', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.manager);
  await page.goto(`/p/${KUZBASS.slug}/premises`);
  await page.locator('a[data-state="leased"]').first().click();
  await expect(page).toHaveURL(/\/premises\/units\/[0-9a-f-]{36}$/);
  await page.waitForLoadState('networkidle');
  const lease = page.locator('[data-lease-start]').first();
  const startOn = (await lease.getAttribute('data-lease-start'))!;
  const form = lease.getByRole('form');

  await form.getByLabel(/^Resident's rent/).fill('123.45');
  await form.getByLabel(/^Market rent/).fill('');
  await form.getByRole('button', { name: 'Save rates' }).click();
  await expect(form.locator('[data-field-error]').filter({ hasText: 'Give both rates or neither.' })).toBeVisible();
  await form.getByLabel(/^Market rent/).fill('-5');
  await form.getByRole('button', { name: 'Save rates' }).click();
  await expect(form.locator('[data-field-error]').filter({ hasText: 'Cannot be negative.' })).toBeVisible();

  await form.getByLabel(/^Market rent/).fill('678.9');
  await form.getByRole('button', { name: 'Save rates' }).click();
  await expect(page.getByText('Rates saved.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Lease history' })).toContainText('123.45 / 678.90');

  await page.goto(`/p/${KUZBASS.slug}/premises?at=${startOn}`);
  await expect(page.getByTestId('lease-rates').filter({ hasText: '123.45 RUB/m² · market 678.90' }).first()).toBeVisible();
  await shot(page, 'premises-lease-rates');
});

test('a manager uploads requests delivered outside the product: a bad row refuses the file, good rows count as support, a re-upload adds nothing', async ({ page }, info) => {
  test.setTimeout(180_000);
  await signIn(page, demo.manager);
  const today = parkToday();
  const year = Number(today.slice(0, 4));
  await page.goto(`/p/${KUZBASS.slug}/services/catalogue`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the XLSX template' }).click()]);
  const templatePath = info.outputPath('template.xlsx');
  await download.saveAs(templatePath);

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(templatePath);
  // A company resident today, and a service with its catalogue prices.
  const company = book
    .getWorksheet('Companies')!
    .getSheetValues()
    .find((r) => Array.isArray(r) && typeof r[4] === 'string' && r[4] <= today && !r[5]) as ExcelJS.CellValue[];
  const service = book.getWorksheet('Services')!.getSheetValues().find((r) => Array.isArray(r) && r[7] === 'yes') as ExcelJS.CellValue[];
  expect(company && service).toBeTruthy();
  const tag = crypto.randomBytes(3).toString('hex');
  const row = (key: string, quantity: string | number, prices: [number, number] | null) => [key, company[1], service[1], today, 'done', today, quantity, ...(prices ?? [])];

  const upload = async (rows: unknown[][], name: string) => {
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(templatePath);
    const sheet = copy.getWorksheet('Requests')!;
    rows.forEach((values, i) => (sheet.getRow(i + 2).values = values as ExcelJS.CellValue[]));
    const path = info.outputPath(name);
    await copy.xlsx.writeFile(path);
    await page.getByLabel('Filled-in template (XLSX)').setInputFiles(path);
    await page.getByRole('button', { name: 'Upload requests' }).click();
  };

  const before = await servicesSupportKopecks(page, year);
  // One good row and one with a zero quantity: the file is refused, row 3 named, nothing written.
  await upload([row(`E2E-${tag}-1`, 2, [1000, 3000.5]), row(`E2E-${tag}-2`, 0, null)], 'bad.xlsx');
  const refused = page.getByRole('region', { name: 'Rows refused' });
  await expect(refused).toContainText('Nothing was imported');
  await expect(refused.getByRole('table')).toContainText(`E2E-${tag}-2`);
  await expect(refused.getByRole('row', { name: new RegExp(`^3 E2E-${tag}-2`) })).toContainText('quantity: a quantity above zero');
  await shot(page, 'service-import-refused');
  expect(await servicesSupportKopecks(page, year)).toBe(before);

  // Good rows: (3000.50 − 1000) × 2 = 4001.00, and one at the catalogue's prices × 3.
  const catalogue = BigInt(Math.round(Number(service[5]) * 100)) - BigInt(Math.round(Number(service[6]) * 100));
  await upload([row(`E2E-${tag}-1`, 2, [1000, 3000.5]), row(`E2E-${tag}-3`, 3, null)], 'good.xlsx');
  await expect(page.getByText('2 requests imported; none already there.').first()).toBeVisible();
  const expected = 400_100n + catalogue * 3n;
  expect(await servicesSupportKopecks(page, year)).toBe(before + expected);

  await upload([row(`E2E-${tag}-1`, 2, [1000, 3000.5]), row(`E2E-${tag}-3`, 3, null)], 'again.xlsx');
  await expect(page.getByText('No new requests; 2 already imported.').first()).toBeVisible();
  expect(await servicesSupportKopecks(page, year)).toBe(before + expected);
  await shot(page, 'service-import-done');
});
