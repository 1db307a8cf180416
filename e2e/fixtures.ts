import { expect, type Download, type Page } from '@playwright/test';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';

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
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 60_000 });
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/, { timeout: 60_000 });
}

/**
 * Signs up a new applicant as a person would: the form answers "Check your e-mail" and mails a
 * confirmation link; the demo admin reads it from the outbox (no SMTP needed); the applicant opens it,
 * confirms, and signs in. Leaves `page` signed in as the new applicant and returns the account.
 */
export async function signUpApplicant(page: Page, name = unique('Founder')) {
  const email = `${crypto.randomBytes(5).toString('hex')}@e2e.example.com`;
  const password = 'e2e-password-123';
  await page.goto('/sign-up');
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  const sent = page.getByRole('status').filter({ hasText: 'Check your e-mail' });
  await expect(sent).toBeVisible({ timeout: 60_000 });
  await expect(sent).toContainText(`We sent a message to ${email}.`);

  await page.goto(await mailedLinkFor(page, email, '/sign-up/confirm'));
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your account is ready' })).toBeVisible();

  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/my/);
  return { email, password, name };
}

/**
 * The link to `path` (its path and token) in the last message mailed to `email`, as the demo admin
 * reads it at /admin/outbox, in a browser context of its own: the sign-up's confirmation, a password reset.
 */
export async function mailedLinkFor(page: Page, email: string, path: '/sign-up/confirm' | '/reset-password'): Promise<string> {
  const browser = page.context().browser();
  if (!browser) throw new Error('mailedLinkFor needs a page of a browser context that a browser opened');
  const context = await browser.newContext();
  try {
    const admin = await context.newPage();
    await signIn(admin, demo.admin);
    await admin.goto('/admin/outbox');
    const message = admin.getByRole('listitem').filter({ hasText: email }).filter({ hasText: `${path}?token=` });
    await expect(message).toHaveCount(1);
    // The body holds an absolute link on the server's configured address; the path is opened on the one under test.
    const body = (await message.locator('pre').textContent()) ?? '';
    const link = new RegExp(`${path.replace(/\//g, '\\/')}\\?token=[A-Za-z0-9_-]+`).exec(body)?.[0];
    if (!link) throw new Error(`no ${path} link in the message to ${email}: ${body}`);
    return link;
  } finally {
    await context.close();
  }
}

/** A random 10-digit INN with a correct check digit (weights 2 4 10 3 5 9 4 6 8, Σ mod 11 mod 10). */
export function makeInn(): string {
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const digits = Array.from({ length: 9 }, (_, i) => (i === 0 ? 1 + crypto.randomInt(9) : crypto.randomInt(10)));
  const check = (digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11) % 10;
  return [...digits, check].join('');
}

/** A tiny but well-formed PDF, built here so no file is needed on disk. */
export function tinyPdf(text = 'Business plan'): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj',
    `4 0 obj << /Length ${text.length + 30} >> stream`,
    `BT /F1 12 Tf 20 100 Td (${text}) Tj ET`,
    'endstream endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return Buffer.from(body, 'latin1');
}

/** The demo parks, with the zone each one's dates and times are read in (Kemerovo and Tomsk, UTC+7). */
export const KUZBASS = { slug: 'kuzbass', name: 'Kuzbass Technopark', timeZone: 'Asia/Novokuznetsk' } as const;
export const TOMSK = { slug: 'itc-tomsk', name: 'ITC Tomsk', timeZone: 'Asia/Tomsk' } as const;

/** The demo council members of Kuzbass, by the names the pages show. */
export const expertNames = {
  expert: 'Игорь Волков',
  expert2: 'Ольга Лебедева',
  expert3: 'Сергей Новиков',
  expert4: 'Елена Павлова',
} as const;

/** Registers a company through its form, as a signed-in applicant. */
export async function createCompany(page: Page, name = unique('ООО «Тест»')) {
  await page.goto('/my/companies/new');
  await page.getByLabel('Company name').fill(name);
  await page.getByLabel('INN', { exact: true }).fill(makeInn());
  await page.getByLabel('SME category').selectOption('small');
  await page.getByLabel('Industry').fill('Mining technology');
  await page.getByRole('button', { name: 'Create company' }).click();
  await expect(page).toHaveURL(/\/my\/companies$/);
  await expect(page.getByRole('link', { name })).toBeVisible();
  return name;
}

/** The form's error message: the alert in the page's main content (Next's route announcer, outside it, is an alert too). */
export const formError = (page: Page) => page.getByRole('main').getByRole('alert');

/** An application's history, on the applicant's and the staff's page. */
export const applicationHistory = (page: Page) => page.getByRole('list', { name: 'History' });

/** Waits until the application form has saved everything typed (the autosave answers). */
export async function expectDraftSaved(page: Page) {
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-dirty', 'no');
}

/**
 * Fills and submits a complete application (to Kuzbass unless another park is named) through the
 * multi-step form, as the signed-in applicant representing `company`. Returns the application's id.
 */
export async function submitApplication(page: Page, { company, title, park = KUZBASS.name }: { company: string; title: string; park?: string }) {
  await page.goto('/my/applications/new');
  await page.getByLabel('Company', { exact: true }).selectOption({ label: company });
  await page.getByLabel('Park', { exact: true }).selectOption({ label: park });
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('Project title').fill(title);
  await page.getByLabel('Project description').fill('Methane sensors for coal mines, piloted with a partner mine in Kuzbass.');
  await page.getByLabel('Industry', { exact: true }).fill('Mining technology');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('Regional tax incentives').check();
  await page.getByLabel('Consulting').check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Add a year' }).click();
  await page.getByLabel('Investment, ₽, row 1').fill('1500000');
  await page.getByLabel('of which capital, ₽, row 1').fill('500000');
  await page.getByLabel('New jobs, row 1').fill('8');
  await page.getByLabel('Expected income, ₽, row 1').fill('2000000');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await attachPdf(page, 'business-plan.pdf');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByText('Everything needed is filled in')).toBeVisible();
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByText('Application submitted.')).toBeVisible();
  await expect(page.locator('[data-status="submitted"]').first()).toBeVisible();
  const id = page.url().match(/applications\/([0-9a-f-]{36})/)?.[1];
  if (!id) throw new Error(`no application id in ${page.url()}`);
  return id;
}

/** On the documents step: uploads a generated PDF as the business plan. */
export async function attachPdf(page: Page, fileName: string) {
  await page.getByLabel('Document', { exact: true }).selectOption('business_plan');
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: tinyPdf() });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('link', { name: fileName })).toBeVisible();
}

/** The text of a downloaded PDF, as a reader could copy it out: pages joined, white space made single. */
export async function pdfText(download: Download): Promise<string> {
  const bytes = fs.readFileSync(await download.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** Clicks a download link and reads the PDF it gives. */
export async function downloadPdf(page: Page, link: ReturnType<Page['getByRole']>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return pdfText(download);
}

/** ITC Tomsk's whole expert council (lib/demo/accounts.ts): one member, a quorum on their own. */
const TOMSK_EXPERT = 'Павел Смирнов';

/**
 * The manager (signed in) accepts a submitted ITC Tomsk application for expert review and has the
 * council approve it at a new meeting, on a paper tally, without expert reviews for a stated reason.
 * Tomsk keeps the Kuzbass council's meetings to the council spec.
 */
export async function approveInTomskCouncil(manager: Page, { title, company }: { title: string; company: string }) {
  await manager.goto(`/p/${TOMSK.slug}/applications?status=submitted`);
  await manager.getByLabel('Search').fill(title);
  await manager.getByRole('button', { name: 'Apply' }).click();
  await manager.getByRole('link', { name: title }).click();
  await manager.getByRole('button', { name: 'Accept for expert review' }).click();
  await expect(manager.getByText('Screening recorded.')).toBeVisible();

  await manager.goto(`/p/${TOMSK.slug}/council`);
  await manager.getByRole('button', { name: 'Create meeting' }).click();
  await expect(manager.getByRole('heading', { name: /^Meeting No\. \d+$/ })).toBeVisible();
  await manager.getByLabel('Application under expert review').selectOption({ label: `${title} — ${company}` });
  await manager.getByRole('button', { name: 'Add to agenda' }).click();
  const item = manager.getByRole('region', { name: new RegExp(title) });
  await expect(item).toBeVisible();
  await manager.getByRole('checkbox', { name: TOMSK_EXPERT }).check();
  await manager.getByRole('button', { name: 'Save attendance' }).click();
  await expect(item).toContainText('1 member present may vote');
  // Counted on paper, and approved without expert reviews for a stated reason.
  await item.getByLabel('Enter a paper tally instead of the members’ votes').check();
  await item.getByLabel('For', { exact: true }).fill('1');
  await item.getByLabel('Decision').selectOption({ label: 'Approved' });
  await item.getByLabel('Reason to approve with fewer reviews').fill('A follow-on project of a resident the council knows.');
  await item.getByRole('button', { name: 'Close the item and record the decision' }).click();
  await expect(item).toContainText('For 1 · Against 0 · Abstained 0');
}
