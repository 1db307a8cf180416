import { expect, test, type Page } from '@playwright/test';
import crypto from 'node:crypto';
import { demo, KUZBASS, signIn } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

/** The demo catalogue's patent service and its prices per item (lib/demo/support.ts). */
const PATENT = { name: 'Патентный поиск и заявка на изобретение', marketRub: 45_000, residentRub: 15_000 };

/** The park summary's services support for one year, in kopecks, read from its JSON export as the manager. */
async function servicesSupportKopecks(page: Page, year: number): Promise<bigint> {
  const response = await page.request.get(`/p/${KUZBASS.slug}/reports/summary/export?from=${year}&to=${year}&format=json`);
  expect(response.ok()).toBe(true);
  const summary = (await response.json()) as { support?: { servicesRub?: string } };
  const text = summary.support?.servicesRub ?? '0';
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
}

/** Today's year in the park's time zone: a request is delivered on the park's today. */
const parkYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: KUZBASS.timeZone, year: 'numeric' }).format(new Date()));

/** Writes in the conversation of the page's request and waits for the message to show. */
async function write(page: Page, body: string) {
  const conversation = page.getByRole('region', { name: 'Conversation' });
  await page.waitForLoadState('networkidle');
  await conversation.getByLabel('Message').fill(body);
  await conversation.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Message sent.')).toBeVisible();
  await expect(conversation.getByRole('list', { name: 'Conversation' })).toContainText(body);
}

test('a resident requests patent support; the manager assigns, starts and delivers it; both talk on the request; the summary’s support grows by the difference × quantity', async ({ browser }) => {
  test.setTimeout(240_000);
  const applicant = await (await browser.newContext()).newPage();
  const manager = await (await browser.newContext()).newPage();
  const description = `Patent search for a mine-water filter (${crypto.randomBytes(3).toString('hex')})`;

  // The representative asks for the service from the park's catalogue.
  await signIn(applicant, demo.applicant);
  await applicant.goto('/my/services');
  await applicant.getByRole('link', { name: 'Request a service' }).click();
  await expect(applicant).toHaveURL(/\/my\/services\/new$/);
  await applicant.waitForLoadState('networkidle');
  const form = applicant.getByRole('form', { name: 'Request a service' });
  const company = form.getByLabel('Company');
  if ((await company.inputValue()) === '') await company.selectOption({ index: 1 });
  // Bad input first: nothing chosen, no quantity — the fields say so and nothing is sent.
  await form.getByLabel(/^Quantity/).fill('0');
  await form.getByRole('button', { name: 'Send the request' }).click();
  await expect(form.locator('[data-field-error]').filter({ hasText: 'Choose a service' })).toBeVisible();
  await expect(form.locator('[data-field-error]').filter({ hasText: 'A quantity greater than zero, at most two decimals.' })).toBeVisible();
  await form.getByLabel('Service').selectOption({ label: PATENT.name });
  await form.getByLabel(/^Quantity/).fill('1');
  await form.getByLabel('Description').fill(description);
  await form.getByRole('button', { name: 'Send the request' }).click();
  await expect(applicant).toHaveURL(/\/my\/services\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const id = applicant.url().split('/').pop()!;
  await expect(applicant.getByRole('heading', { name: `Request: ${PATENT.name}` })).toBeVisible();
  await expect(applicant.getByText(description)).toBeVisible();
  await expect(applicant.getByText('Requested', { exact: true }).first()).toBeVisible();
  const question = `Can you start before the end of the month? (${crypto.randomBytes(2).toString('hex')})`;
  await write(applicant, question);

  // The manager finds it on the desk, reads the question and handles the request.
  await signIn(manager, demo.manager);
  const year = parkYear();
  const before = await servicesSupportKopecks(manager, year);
  await manager.goto(`/p/${KUZBASS.slug}/services?view=requested`);
  const link = manager.locator(`a[href="/p/${KUZBASS.slug}/services/requests/${id}"]`);
  await expect(link).toBeVisible();
  await link.click();
  await expect(manager).toHaveURL(new RegExp(`/services/requests/${id}$`));
  await expect(manager.getByText(description)).toBeVisible();
  await expect(manager.getByRole('region', { name: 'Conversation' })).toContainText(question);
  await shot(manager, 'service-desk-request-requested');

  await manager.waitForLoadState('networkidle');
  const assign = manager.getByRole('form', { name: 'Assign' });
  await assign.getByLabel('Assigned to').selectOption({ index: 1 });
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(manager.getByText('Request assigned.')).toBeVisible();

  await manager.waitForLoadState('networkidle');
  await manager.getByRole('form', { name: 'Start work' }).getByRole('button', { name: 'Start work' }).click();
  await expect(manager.getByText('Work started.')).toBeVisible();
  await expect(manager.getByRole('form', { name: 'Start work' })).toHaveCount(0);

  await manager.waitForLoadState('networkidle');
  const deliver = manager.getByRole('form', { name: 'Mark as delivered' });
  await deliver.getByLabel('Quantity delivered').fill('-1');
  await deliver.getByRole('button', { name: 'Mark as delivered' }).click();
  await expect(deliver.getByText('A quantity greater than zero, at most two decimals.')).toBeVisible();
  await deliver.getByLabel('Quantity delivered').fill('2');
  await deliver.getByRole('button', { name: 'Mark as delivered' }).click();
  await expect(manager.getByText('Request delivered.')).toBeVisible();
  await expect(manager.getByRole('region', { name: 'Handle the request' })).toHaveCount(0);
  const answer = `Delivered: the search report is with your engineer (${crypto.randomBytes(2).toString('hex')}).`;
  await write(manager, answer);
  await shot(manager, 'service-desk-request-done');

  // The summary's services support for the year grows by exactly (market − resident) × quantity.
  const after = await servicesSupportKopecks(manager, year);
  expect(after - before).toBe(BigInt((PATENT.marketRub - PATENT.residentRub) * 2) * 100n);

  // The representative sees it done, with the quantity delivered and the park's answer.
  await applicant.reload();
  const details = applicant.getByRole('region', { name: 'Request', exact: true });
  await expect(details).toContainText('Done');
  await expect(details).toContainText('Quantity delivered');
  await expect(applicant.getByRole('region', { name: 'Conversation' })).toContainText(answer);
  await expect(applicant.getByRole('region', { name: 'Cancel the request' })).toHaveCount(0);
  await applicant.goto('/my/services');
  await expect(applicant.locator(`a[href="/my/services/${id}"]`)).toBeVisible();
});
