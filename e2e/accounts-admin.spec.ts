import { expect, test, type Browser, type Page } from '@playwright/test';
import crypto from 'node:crypto';
import { demo, KUZBASS, signIn, TOMSK, unique } from './fixtures';

test.describe.configure({ timeout: 180_000 });

/** A page of a browser context of its own, signed in as `email`. */
async function signedIn(browser: Browser, email: string, password?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

test.describe('accounts administration', () => {
  test('an administrator gives a manager a second park, which the manager then has; the audit log says so in words', async ({ page, browser }) => {
    const name = unique('Менеджер');
    const email = `${crypto.randomBytes(5).toString('hex')}@e2e.example.com`;
    const password = 'e2e-password-123';

    // The administrator creates a manager of Kuzbass.
    await signIn(page, demo.admin);
    await page.goto('/admin/users');
    const create = page.getByRole('region', { name: 'Create user' });
    await create.getByLabel('Name').fill(name);
    await create.getByLabel('E-mail').fill(email);
    await create.getByLabel('Initial password').fill(password);
    await create.getByRole('button', { name: 'Add role' }).click();
    await create.getByLabel('Parks 1').selectOption({ label: KUZBASS.name });
    await create.getByLabel('Role 1').selectOption('manager');
    await create.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByText('User created.')).toBeVisible();

    // The manager has one park: no park switcher.
    const manager = await signedIn(browser, email, password);
    await expect(manager).toHaveURL(new RegExp(`/p/${KUZBASS.slug}$`));
    await expect(manager.getByRole('combobox', { name: 'Park' })).toHaveCount(0);

    // The administrator finds them by search and adds ITC Tomsk on their page.
    await page.getByLabel('Search').fill(email.toUpperCase());
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('1 user', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: `Edit ${email}` }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const userId = /\/admin\/users\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
    expect(userId).toBeTruthy();
    const account = page.getByRole('region', { name: 'Name, e-mail and roles' });
    await account.getByRole('button', { name: 'Add role' }).click();
    await account.getByLabel('Parks 2').selectOption({ label: TOMSK.name });
    await account.getByLabel('Role 2').selectOption('manager');
    await account.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Changes saved.')).toBeVisible();

    // On the manager's next request: the switcher offers ITC Tomsk, and its section is theirs.
    await manager.reload();
    const switcher = manager.getByRole('combobox', { name: 'Park' });
    await expect(switcher.getByRole('option', { name: TOMSK.name })).toHaveCount(1);
    await switcher.selectOption(TOMSK.slug);
    await expect(manager).toHaveURL(new RegExp(`/p/${TOMSK.slug}$`));
    await expect(manager.getByRole('heading', { level: 1, name: TOMSK.name })).toBeVisible();
    await expect(manager.getByRole('navigation', { name: 'Main' }).getByText(TOMSK.name)).toBeVisible();
    await manager.context().close();

    // The audit log, filtered by the action, shows the edit in words, field by field.
    await page.goto('/admin/audit');
    await page.getByLabel('Action').selectOption({ label: 'Edited an account' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/action=user\.update/);
    const entry = page.getByRole('row').filter({ hasText: `user ${userId!.slice(0, 8)}` });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText('Edited an account');
    await expect(entry).toContainText(demo.admin);
    const change = entry.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'memberships' }) });
    await expect(change.getByRole('cell')).toHaveText([`${KUZBASS.slug}: manager`, [`${TOMSK.slug}: manager`, `${KUZBASS.slug}: manager`].sort().join(', ')]);
    await expect(page.getByRole('row').filter({ hasText: 'Created an account' })).toHaveCount(0);

    // The same filtered log downloads.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const file = await (await download).path();
    const text = await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8'));
    expect(text).toContain('Edited an account');
    expect(text).not.toContain('Created an account');
  });

  test('the audit log says why a range that ends before it starts shows nothing', async ({ page }) => {
    await signIn(page, demo.admin);
    await page.goto('/admin/audit');
    await page.getByLabel('From').fill('2026-03-04');
    await page.getByLabel('To').fill('2026-03-01');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('The first day comes after the last one.');
    await expect(page.getByRole('table')).toHaveCount(0);
  });

  test("an administrator sets a park's service target in its settings, which hold no council rubric for them; a bad value changes nothing", async ({ page }) => {
    await signIn(page, demo.admin);
    // Park settings is in the administrator's navigation of each park.
    await page.goto(`/p/${KUZBASS.slug}/reports`);
    await page.getByRole('link', { name: 'Park settings' }).and(page.locator(`[href="/p/${KUZBASS.slug}/settings"]`)).first().click();
    await expect(page).toHaveURL(new RegExp(`/p/${KUZBASS.slug}/settings$`));
    await expect(page.getByText('Review criteria')).toHaveCount(0);
    const desk = page.getByRole('region', { name: 'Service desk' });
    const days = desk.getByLabel('Target time, days');
    const before = await days.inputValue();

    await days.fill('0');
    await desk.getByRole('button', { name: 'Save target time' }).click();
    await expect(desk.getByText('A whole number of days from 1 to 365.')).toBeVisible();
    await page.reload();
    await expect(days).toHaveValue(before);

    await days.fill('12');
    await desk.getByRole('button', { name: 'Save target time' }).click();
    await expect(page.getByText('Target time saved.')).toBeVisible();
    await page.goto(`/p/${KUZBASS.slug}/services?view=overdue`);
    await expect(page.getByText("Open requests older than the park's target time: 12 days")).toBeVisible();

    // Put it back for the other tests.
    await page.goto(`/p/${KUZBASS.slug}/settings`);
    await days.fill(before);
    await desk.getByRole('button', { name: 'Save target time' }).click();
    await expect(page.getByText('Target time saved.')).toBeVisible();
  });
});
