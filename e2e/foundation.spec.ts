import { expect, test } from '@playwright/test';
import { demo, formError, signIn, signOut, signUpApplicant, unique } from './fixtures';

test.describe('sign-in and each role’s home', () => {
  test('the sign-in page lists the demo accounts', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    const demoCard = page.getByRole('region', { name: 'Demo accounts' });
    await expect(demoCard).toBeVisible();
    for (const email of [demo.manager, demo.expert, demo.analyst, demo.applicant, demo.admin]) await expect(demoCard.getByText(email)).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/sign-in.png', fullPage: true });
  });

  test('a wrong password gets a clear message', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(demo.manager);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(formError(page)).toHaveText('Wrong e-mail or password.');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('the manager lands on the park dashboard and can switch parks', async ({ page }) => {
    await signIn(page, demo.manager);
    await expect(page).toHaveURL(/\/p\/(kuzbass|itc-tomsk)$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('Awaiting screening')).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/home-manager.png', fullPage: true });
    const switcher = page.getByRole('combobox', { name: 'Park' });
    await switcher.selectOption('itc-tomsk');
    await expect(page).toHaveURL(/\/p\/itc-tomsk/);
    await expect(page.getByRole('heading', { level: 1, name: 'ITC Tomsk' })).toBeVisible();
    await signOut(page);
  });

  test('the expert lands on their reviews', async ({ page }) => {
    await signIn(page, demo.expert);
    await expect(page).toHaveURL(/\/p\/kuzbass\/reviews/, { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'My reviews' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/home-expert.png', fullPage: true });
    // an expert has no manager pages, not even by typing the address
    const response = await page.goto('/p/kuzbass/residents');
    expect(response?.status()).toBe(404);
  });

  test('an address no route answers shows the 404 inside the signed-in frame, or the public one', async ({ page }) => {
    for (const address of ['/no-such-page', '/p/kuzbass/no-such-section/deeper']) {
      const signedOut = await page.goto(address);
      await expect(page).toHaveURL(/\/sign-in/);
      expect(signedOut?.status()).toBe(200);
    }
    await signIn(page, demo.manager);
    for (const address of ['/no-such-page', '/p/kuzbass/no-such-section/deeper']) {
      const response = await page.goto(address);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: '404 Not found' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    }
  });

  test('on a phone the navigation opens from the menu button and closes on the way to the next page', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, demo.manager);
    await page.goto('/p/kuzbass');
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
    await page.getByRole('button', { name: 'Open the menu' }).click();
    const sheet = page.getByRole('dialog');
    await sheet.getByRole('link', { name: 'Expert council' }).click();
    await expect(page).toHaveURL(/\/p\/kuzbass\/council$/);
    await expect(sheet).toBeHidden();
    // Everything in the header stays on the screen.
    for (const control of [page.getByRole('button', { name: 'Account' }), page.getByRole('link', { name: /^Notifications/ })]) {
      const box = await control.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    }
  });

  test('the analyst lands on the park comparison', async ({ page }) => {
    await signIn(page, demo.analyst);
    await expect(page).toHaveURL(/\/compare/);
    await expect(page.getByRole('heading', { level: 1, name: 'Compare parks' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/home-analyst.png', fullPage: true });
  });

  test('the applicant lands on their overview', async ({ page }) => {
    await signIn(page, demo.applicant);
    await expect(page).toHaveURL(/\/my$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
    await page.screenshot({ path: 'test-results/screens/home-applicant.png', fullPage: true });
    const response = await page.goto('/admin');
    expect(response?.status()).toBe(404);
  });

  test('the admin lands on administration and can see the audit log', async ({ page }) => {
    await signIn(page, demo.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/home-admin.png', fullPage: true });
    await page.getByRole('link', { name: 'Audit log' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    // Filtered by the action, however many entries other tests add beside this one: the demo's accounts, in words.
    await page.getByLabel('Action').selectOption({ label: 'Created an account' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/action=user\.create/);
    await expect(page.getByRole('row').filter({ hasText: 'Created an account' }).first()).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Signed up' })).toHaveCount(0);
  });
});

test.describe('accounts', () => {
  test('sign-up creates an applicant who can sign out and in again', async ({ page }) => {
    const account = await signUpApplicant(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(account.name);
    await signOut(page);
    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/my$/);
  });

  test('sign-up refuses bad input field by field', async ({ page }) => {
    await page.goto('/sign-up');
    await page.getByLabel('E-mail').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const errors = page.locator('[data-field-error]');
    await expect(errors).toHaveText(['Required.', 'Enter a valid e-mail address.', 'At least 10 characters.']);
    await expect(page).toHaveURL(/\/sign-up/);
  });

  test('an admin disables a user, who then cannot sign in and is told the account is disabled', async ({ page, browser }) => {
    const other = await browser.newPage();
    const account = await signUpApplicant(other, unique('Disabled'));
    await other.close();
    await signIn(page, demo.admin);
    await page.goto('/admin/users');
    await page.getByLabel('Search').fill(account.email);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('button', { name: `Disable ${account.email}` }).click();
    // Disabling asks first; Cancel leaves the account as it was.
    const dialog = page.getByRole('alertdialog', { name: `Disable ${account.email}?` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: `Disable ${account.email}` }).click();
    await dialog.getByRole('button', { name: 'Disable' }).click();
    await expect(page.getByRole('button', { name: `Enable ${account.email}` })).toBeVisible();
    await signOut(page);
    await page.getByLabel('E-mail').fill(account.email);
    await page.getByLabel('Password').fill('not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A wrong password tells nothing about the account…
    await expect(formError(page)).toHaveText('Wrong e-mail or password.');
    // …the right one learns that it is disabled.
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(formError(page)).toHaveText("This account is disabled. Ask your park's administrator to enable it.");
  });

  test('signing out ends the session on the server: a saved copy of the cookie no longer signs in', async ({ page, browser }) => {
    await signIn(page, demo.analyst);
    const saved = await page.context().storageState();
    await signOut(page);
    const copy = await browser.newContext({ storageState: saved });
    try {
      const other = await copy.newPage();
      await other.goto('/compare');
      await expect(other).toHaveURL(/\/sign-in/);
      const api = await other.request.get('/api/v1/parks');
      expect(api.status()).toBe(401);
    } finally {
      await copy.close();
    }
  });

  test('the language switch turns the interface Russian', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/sign-in-ru.png', fullPage: true });
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });
});
