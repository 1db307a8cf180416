import { expect, type Page } from '@playwright/test';
import crypto from 'node:crypto';

export const DEMO_PASSWORD = 'technopark-demo';

export const demo = {
  manager: 'manager@technopark.demo',
  expert: 'expert@technopark.demo',
  expert2: 'expert2@technopark.demo',
  expert3: 'expert3@technopark.demo',
  expert4: 'expert4@technopark.demo',
  analyst: 'analyst@technopark.demo',
  applicant: 'applicant@technopark.demo',
  admin: 'admin@technopark.demo',
} as const;

/** A name no other run or spec uses, so specs can run in any order and again on the same database. */
export const unique = (prefix: string) => `${prefix} ${crypto.randomBytes(3).toString('hex')}`;

/** Signs in through the sign-in page, as a person would, and waits to leave it. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Signs up a new applicant and returns its e-mail. */
export async function signUpApplicant(page: Page, name = unique('Founder')) {
  const email = `${crypto.randomBytes(5).toString('hex')}@e2e.example.com`;
  await page.goto('/sign-up');
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('e2e-password-123');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/my/, { timeout: 30_000 });
  return { email, password: 'e2e-password-123', name };
}
