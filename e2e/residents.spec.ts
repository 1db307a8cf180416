import { expect, test, type Page } from '@playwright/test';
import { addDays, todayIso } from '../lib/dates';
import { demo, formError, KUZBASS, signIn, unique } from './fixtures';

/*
 * Residents, premises and tax incentives, as the Kuzbass manager works with them.
 *
 * Admission starts from an application the council approved. The demo Kuzbass data holds well over a
 * hundred approved applications whose company was never admitted on them (listed, newest decision
 * first, on the admission page), so each run admits companies from that list rather than taking a new
 * application through the council first; a run uses two of them.
 *
 * The spec's units become available today, so the park's published 2010–2016 figures stay as they are,
 * and they are retired at the end of the run.
 */

const PARK = '/p/kuzbass';

/** The premises page's "Area in use" figure, in per cent (the figure is a group named by its label). */
async function areaInUse(page: Page): Promise<number> {
  const text = await page.getByRole('group', { name: /^Area in use/ }).innerText();
  const pct = /(\d+(?:[.,]\d+)?)\s*%/.exec(text);
  if (!pct) throw new Error(`no percentage in the "Area in use" figure: ${text}`);
  return Number(pct[1].replace(',', '.'));
}

/** Opens the first approved application whose company is not a resident now; returns the company's name. */
async function openAdmission(page: Page): Promise<string> {
  await page.goto(`${PARK}/residents/admit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Admit a resident' })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: /^Admit: / }) }).filter({ hasNotText: 'Already a resident' }).first();
  const link = row.getByRole('link', { name: /^Admit: / });
  const name = ((await link.getAttribute('aria-label')) ?? '').replace(/^Admit: /, '');
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  return name;
}

async function admit(page: Page, placement: 'On site' | 'Extraterritorial'): Promise<{ name: string; profile: string }> {
  const name = await openAdmission(page);
  await page.getByLabel('Agreement number').fill(unique('E2E-KT'));
  await page.getByRole('radio', { name: placement }).check();
  await page.getByRole('button', { name: 'Admit resident' }).click();
  await expect(page).toHaveURL(/\/p\/kuzbass\/residents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Current resident')).toBeVisible();
  return { name, profile: new URL(page.url()).pathname };
}

/** The grid tile of a unit, by the name it was given (its accessible name reads "<name>, <kind> · <area> …"). */
const tile = (page: Page, unit: string) => page.getByRole('link', { name: new RegExp(`^${unit} ?, `) });

async function chooseUnit(page: Page, unit: string) {
  const value = await page.getByRole('combobox', { name: 'Unit', exact: true }).locator('option', { hasText: unit }).getAttribute('value');
  await page.getByRole('combobox', { name: 'Unit', exact: true }).selectOption(value!);
}

test.describe('residents, premises and incentives', () => {
  test('the manager admits an approved applicant on site, leases it two units, grants an incentive and ends the residency', async ({ page }) => {
    test.setTimeout(900_000);
    const today = todayIso(KUZBASS.timeZone);
    const building = unique('E2E Block');
    const office = unique('E2E Office');
    const lab = unique('E2E Lab');
    await signIn(page, demo.manager);

    // Premises: a building and two units, free from today.
    await page.goto(`${PARK}/premises`);
    await expect(page.getByRole('heading', { level: 1, name: 'Premises & leases' })).toBeVisible();
    const addBuilding = page.getByRole('form', { name: 'Add building' });
    await addBuilding.getByLabel('Building name').fill(building);
    await addBuilding.getByRole('button', { name: 'Add building' }).click();
    await expect(page.getByRole('heading', { level: 2, name: building })).toBeVisible();
    const addUnit = page.getByRole('form', { name: 'Add unit' });
    // A zero area is refused with a clear message, and nothing is added.
    await addUnit.getByLabel('Building').selectOption({ label: building });
    await addUnit.getByLabel('Unit name').fill(office);
    await addUnit.getByLabel('Area, m²').fill('0');
    await addUnit.getByLabel('Available from (optional)').fill(today);
    await addUnit.getByRole('button', { name: 'Add unit' }).click();
    await expect(addUnit.getByText('The area must be greater than zero.')).toBeVisible();
    await addUnit.getByLabel('Area, m²').fill('240');
    await addUnit.getByRole('button', { name: 'Add unit' }).click();
    await expect(tile(page, office)).toHaveAttribute('data-state', 'free');
    await addUnit.getByLabel('Unit name').fill(lab);
    await addUnit.getByLabel('Kind').selectOption({ label: 'Laboratory' });
    await addUnit.getByLabel('Area, m²').fill('160.5');
    await addUnit.getByLabel('Available from (optional)').fill(today);
    await addUnit.getByRole('button', { name: 'Add unit' }).click();
    await expect(tile(page, lab)).toHaveAttribute('data-state', 'free');
    const before = await areaInUse(page);

    // Admission, on site.
    const resident = await admit(page, 'On site');

    // Two leases, from the profile and from the premises page.
    await page.getByRole('link', { name: 'Lease premises' }).click();
    await expect(page.getByRole('combobox', { name: 'Resident' })).toHaveValue(/[0-9a-f-]{36}/);
    await chooseUnit(page, office);
    await page.getByRole('button', { name: 'Create lease' }).click();
    await expect(page).toHaveURL(new RegExp(`/premises\\?at=${today}`));
    await expect(tile(page, office)).toHaveAttribute('data-state', 'leased');
    await expect(tile(page, office)).toContainText(resident.name);
    await page.getByRole('link', { name: 'New lease' }).click();
    await page.getByRole('combobox', { name: 'Resident' }).selectOption({ label: resident.name });
    await chooseUnit(page, lab);
    await page.getByRole('button', { name: 'Create lease' }).click();
    await expect(tile(page, lab)).toHaveAttribute('data-state', 'leased');

    // The same unit cannot be leased twice for the same days: the database refuses, the page says why.
    await page.getByRole('link', { name: 'New lease' }).click();
    await page.getByRole('combobox', { name: 'Resident' }).selectOption({ label: resident.name });
    await chooseUnit(page, lab);
    await page.getByRole('button', { name: 'Create lease' }).click();
    await expect(formError(page)).toHaveText('The unit is already leased for some of these days.');

    await page.goto(`${PARK}/premises`);
    const after = await areaInUse(page);
    expect(after).toBeGreaterThan(before);
    await page.screenshot({ path: 'test-results/screens/premises-occupancy.png', fullPage: true });

    // A profit-tax incentive, seen in the register and in the profile.
    await page.goto(resident.profile);
    await page.getByRole('link', { name: 'Grant an incentive' }).click();
    const decision = unique('R');
    await expect(page.getByLabel('Kind')).toHaveValue('profit_tax');
    await page.getByLabel('Legal basis').fill('Law of the Kemerovo Region No. 95-OZ, art. 4');
    await page.getByLabel('Decision number').fill(decision);
    await page.getByLabel('Valid to (optional)').fill(addDays(today, 60));
    await page.getByRole('button', { name: 'Grant incentive' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Reduced profit-tax rate');
    await page.goto(`${PARK}/incentives?q=${encodeURIComponent(decision)}`);
    const registerRow = page.getByRole('row').filter({ hasText: resident.name });
    await expect(registerRow).toContainText('Reduced profit-tax rate');
    await expect(registerRow).toContainText('In force');
    // The status counts the grants the filters match in the whole register, not the rows of the page.
    await expect(page.getByText('1 grant matches', { exact: true })).toBeVisible();
    await page.goto(`${PARK}/incentives?q=${encodeURIComponent('No such decision')}`);
    await expect(page.getByText('No grants match', { exact: true })).toBeVisible();
    // It ends within 90 days, so it is also on the manager's home.
    await page.goto(PARK);
    await expect(page.getByRole('region', { name: 'Tax incentives expiring within 90 days' }).getByText(resident.name)).toBeVisible();
    await page.goto(resident.profile);
    const incentives = page.getByRole('table', { name: 'Tax incentives' });
    await expect(incentives).toContainText('Reduced profit-tax rate');
    await expect(incentives).toContainText('In force');
    await expect(page.getByRole('table', { name: 'Current premises' })).toContainText(office);

    // The residency ends today, and its leases with it: tomorrow both units are free again.
    const exit = page.getByRole('form', { name: 'End the residency' });
    await exit.getByLabel('Last day of residency').fill(today);
    await exit.getByLabel('Reason').selectOption({ label: 'Graduated' });
    await exit.getByRole('button', { name: 'End residency' }).click();
    await expect(page.getByText(/1 tax incentive ended with it/)).toBeVisible();
    await expect(page.getByRole('form', { name: 'End the residency' })).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Residency ended: graduated');
    await page.goto(`${PARK}/premises?at=${addDays(today, 1)}`);
    await expect(tile(page, office)).toHaveAttribute('data-state', 'free');
    await expect(tile(page, lab)).toHaveAttribute('data-state', 'free');

    // The spec's units leave the park from tomorrow.
    for (const unit of [office, lab]) {
      await tile(page, unit).click();
      await page.getByRole('form', { name: 'Retire unit' }).getByLabel('Last available day').fill(today);
      await page.getByRole('form', { name: 'Retire unit' }).getByRole('button', { name: 'Retire unit' }).click();
      // The retired unit's notice (not the edit form's "Available until (optional)" label).
      await expect(page.getByText(/^Available until .+ \(its last day\)\.$/)).toBeVisible();
      await page.goto(`${PARK}/premises?at=${addDays(today, 1)}`);
    }
    await expect(tile(page, office)).toHaveAttribute('data-state', 'unavailable');
  });

  test('an extraterritorial resident cannot get a lease', async ({ page }) => {
    test.setTimeout(300_000);
    await signIn(page, demo.manager);
    const resident = await admit(page, 'Extraterritorial');
    await expect(page.getByText('Extraterritorial', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Lease premises' })).toHaveCount(0);
    await page.goto(`${PARK}/premises/leases/new`);
    await expect(page.getByRole('combobox', { name: 'Resident' }).locator('option', { hasText: resident.name })).toHaveCount(0);

    // Its residency ends the same day, so repeated runs leave the park's current figures as they were.
    await page.goto(resident.profile);
    const exit = page.getByRole('form', { name: 'End the residency' });
    await exit.getByLabel('Reason').selectOption({ label: 'Left' });
    await exit.getByRole('button', { name: 'End residency' }).click();
    await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Residency ended: left');
  });

  test('a resident’s representative sees its own residency only; experts see none', async ({ page, browser, baseURL }) => {
    test.setTimeout(300_000);
    await signIn(page, demo.applicant);
    await page.getByRole('link', { name: 'Residency, premises and incentives' }).first().click();
    await expect(page).toHaveURL(/\/my\/residency\/[0-9a-f-]{36}$/);
    const own = new URL(page.url()).pathname.split('/').pop()!;
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Residency of');
    await expect(page.getByRole('heading', { level: 2, name: 'Kuzbass Technopark' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Timeline' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'End the residency' })).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/my-residency.png', fullPage: true });
    expect((await page.goto(`${PARK}/residents/${own}`))?.status()).toBe(404);
    expect((await page.goto(`${PARK}/residents`))?.status()).toBe(404);

    // Another resident's profile address, as the manager sees it: the representative gets "not found".
    const manager = await (await browser.newContext({ baseURL })).newPage();
    await signIn(manager, demo.manager);
    await manager.goto(`${PARK}/residents`);
    const hrefs = await manager.getByRole('table').getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const other = hrefs.map((h) => /\/residents\/([0-9a-f-]{36})$/.exec(h ?? '')?.[1]).find((id) => id && id !== own)!;
    expect(other).toBeTruthy();
    expect((await page.goto(`/my/residency/${other}`))?.status()).toBe(404);

    const expert = await (await browser.newContext({ baseURL })).newPage();
    await signIn(expert, demo.expert);
    for (const path of [`${PARK}/residents/${own}`, `${PARK}/residents`, `${PARK}/incentives`, `${PARK}/premises`]) {
      expect((await expert.goto(path))?.status(), path).toBe(404);
    }
  });
});
