import { expect, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { demo, mailedLinkFor, signIn, signOut, signUpApplicant } from './fixtures';

/** The code an authenticator app shows for `secret`, in a 30-second step later than `after` (a code is never accepted twice). */
async function freshCode(secret: string, after: number): Promise<{ code: string; step: number }> {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  let step = Math.floor(Date.now() / 30_000);
  while (step <= after) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    step = Math.floor(Date.now() / 30_000);
  }
  return { code: totp.generate(), step };
}

test('a person turns on two-factor sign-in, forgets their password, resets it from the e-mail and signs in with a code', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { email, password } = await signUpApplicant(page);
  // A second browser signed in too: it stays signed in until the password is reset.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await signIn(elsewhere, email, password);

  // Sign-in security, from the account menu: scan (here: read the key), confirm with a code, keep the recovery codes.
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Sign-in security' }).click();
  await expect(page.getByRole('heading', { name: 'Sign-in security', level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code for the authenticator app' })).toBeVisible();
  const secret = (await page.locator('[data-totp-secret]').textContent())!.trim();
  // A wrong code turns nothing on and says so on the field.
  await page.getByLabel('Code from the app').fill('000000');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByText('Wrong or expired code.')).toBeVisible();
  const enrolled = await freshCode(secret, 0);
  await page.getByLabel('Code from the app').fill(enrolled.code);
  await page.getByRole('button', { name: 'Turn on' }).click();
  const codes = page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent())!.trim();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('On since')).toBeVisible();
  await expect(page.getByText('10 unused recovery codes left.')).toBeVisible();

  await signOut(page);

  // Forgotten password: the same answer for any address; the link arrives by e-mail.
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText(`If ${email} belongs to an account, a link to set a new password is on its way.`);
  const link = await mailedLinkFor(page, email, '/reset-password');
  await page.goto(link);
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.locator('[data-field-error]')).toBeVisible();
  const newPassword = 'brand-new-e2e-password-9';
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password has been changed');
  // The link works once.
  await page.goto(link);
  await expect(page.getByText('This reset link is invalid, has been used or has expired.')).toBeVisible();
  // Every session of the account ended with the reset.
  await elsewhere.goto('/my');
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await other.close();

  // Sign in: password, then the code from the app (a wrong code first).
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Code', { exact: true })).toBeVisible();
  await page.getByLabel('Code', { exact: true }).fill('123456');
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The code is wrong or has expired.' })).toBeVisible();
  const signInCode = await freshCode(secret, enrolled.step);
  await page.getByLabel('Code', { exact: true }).fill(signInCode.code);
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page).toHaveURL(/\/my/, { timeout: 60_000 });

  // A recovery code signs in too, once.
  await signOut(page);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Code', { exact: true }).fill(recovery);
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page).toHaveURL(/\/my/, { timeout: 60_000 });
  await page.goto('/account/security');
  await expect(page.getByText('9 unused recovery codes left.')).toBeVisible();
});

test("the language a person chooses follows them to another browser", async ({ page, browser }) => {
  const { email, password } = await signUpApplicant(page);
  // Chosen from the account menu.
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitemradio', { name: 'Русский' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  // Another device, whose browser asks for English and has no language cookie.
  const other = await browser.newContext({ locale: 'en-GB' });
  try {
    const elsewhere = await other.newPage();
    await elsewhere.goto('/sign-in');
    await elsewhere.getByLabel('E-mail').fill(email);
    await elsewhere.getByLabel('Password').fill(password);
    await elsewhere.getByRole('button', { name: 'Sign in' }).click();
    await expect(elsewhere.locator('html')).toHaveAttribute('lang', 'ru');
    await elsewhere.getByRole('button', { name: 'Учётная запись' }).click();
    await expect(elsewhere.getByRole('menuitemradio', { name: 'Русский' })).toHaveAttribute('aria-checked', 'true');
  } finally {
    await other.close();
  }
});

test('an administrator resets a lost second factor and sends a reset link, and the person signs in with the password alone', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { email, password } = await signUpApplicant(page);
  await page.goto('/account/security');
  const secret = (await page.locator('[data-totp-secret]').textContent())!.trim();
  await page.getByLabel('Code from the app').fill((await freshCode(secret, 0)).code);
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('list', { name: 'Your recovery codes' })).toBeVisible();
  await signOut(page);

  const context = await browser.newContext();
  try {
    const admin = await context.newPage();
    await signIn(admin, demo.admin);
    await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
    await admin.getByRole('link', { name: `Edit ${email}` }).click();
    await expect(admin.getByText('Two-factor sign-in')).toBeVisible();
    await admin.getByRole('button', { name: 'Send password reset link' }).click();
    await expect(admin.getByText(`A reset link is on its way to ${email}`)).toBeVisible();
    await admin.getByRole('button', { name: 'Reset second factor' }).click();
    await admin.getByRole('alertdialog').getByRole('button', { name: 'Reset second factor' }).click();
    await expect(admin.getByText(`The second factor of ${email} was reset.`)).toBeVisible();
    await expect(admin.getByRole('button', { name: 'Reset second factor' })).toBeHidden();
    await admin.goto('/admin/audit?action=user.secondFactorReset');
    await expect(admin.getByRole('row').filter({ hasText: 'Reset a second factor' }).first()).toBeVisible();
  } finally {
    await context.close();
  }
  // The reset link is in the outbox; the password still works, with no code asked.
  expect(await mailedLinkFor(page, email, '/reset-password')).toMatch(/^\/reset-password\?token=/);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/my/);
});
