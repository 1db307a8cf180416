import { expect, test, type Page } from '@playwright/test';
import { approveInTomskCouncil, createCompany, demo, KUZBASS, signIn, signUpApplicant, submitApplication, TOMSK, unique } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

/** A new applicant's company and its submitted application, to Kuzbass unless another park is named. */
async function newApplication(applicant: Page, park: string = KUZBASS.name) {
  await signUpApplicant(applicant);
  const company = await createCompany(applicant);
  const title = unique('Mine water purification');
  const id = await submitApplication(applicant, { company, title, park });
  return { company, title, id };
}

/** On the staff's application page: the closing form, its outcome and reason, and the notice that follows. */
async function closeApplication(manager: Page, outcome: string, reason: string) {
  const form = manager.getByRole('region', { name: 'Close the application' });
  await manager.waitForLoadState('networkidle');
  await form.getByRole('radio', { name: outcome }).check();
  await form.getByLabel('Reason').fill(reason);
  await form.getByRole('button', { name: 'Close the application' }).click();
  await expect(manager.getByText('Application closed.')).toBeVisible();
  await expect(manager.getByTestId('closure')).toContainText(`Outcome: ${outcome}`);
  await expect(manager.getByTestId('closure')).toContainText(`Reason: ${reason}`);
  await expect(manager.getByRole('region', { name: 'Close the application' })).toHaveCount(0);
}

test.describe('queues that empty', () => {
  test('a manager closes a stale application as lapsed with a reason: it leaves the inbox, the closed filter shows it with outcome and reason, the applicant sees why', async ({ browser }) => {
    test.setTimeout(180_000);
    const applicant = await (await browser.newContext()).newPage();
    const manager = await (await browser.newContext()).newPage();
    const { title, id } = await newApplication(applicant);
    await signIn(manager, demo.manager);
    const inbox = `/p/${KUZBASS.slug}/applications`;

    await manager.goto(`${inbox}?q=${encodeURIComponent(title)}`);
    await manager.getByRole('link', { name: title }).click();
    // A refusal changes nothing: the reason is required.
    await manager.waitForLoadState('networkidle');
    const form = manager.getByRole('region', { name: 'Close the application' });
    await form.getByRole('button', { name: 'Close the application' }).click();
    await expect(form.getByText('Required.')).toBeVisible();
    const reason = 'No answer to the park’s three letters since the application came in.';
    await closeApplication(manager, 'Lapsed (no reply)', reason);
    await shot(manager, 'queues-closed-application');

    // Live work only by default: searching for it finds nothing.
    await manager.goto(`${inbox}?q=${encodeURIComponent(title)}`);
    await expect(manager.getByText('No applications match.')).toBeVisible();
    // The closed filter shows it, with the outcome, the reason, who and when.
    await manager.getByLabel('Status', { exact: true }).selectOption({ label: 'Closed' });
    await manager.getByRole('button', { name: 'Apply' }).click();
    await expect(manager).toHaveURL(/status=closed/);
    const row = manager.getByRole('row').filter({ has: manager.getByRole('link', { name: title }) });
    await expect(row).toContainText('Lapsed (no reply)');
    await expect(row).toContainText(reason);
    await expect(row).toContainText(/Closed by .+, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} GMT\+7/);
    await shot(manager, 'queues-inbox-closed-filter');

    // The applicant is told, and reads the outcome and the reason on the application.
    await applicant.goto(`/my/applications/${id}`);
    await expect(applicant.getByTestId('closure')).toContainText('Outcome: Lapsed (no reply)');
    await expect(applicant.getByTestId('closure')).toContainText(reason);
    await applicant.goto('/notifications');
    await expect(applicant.getByText(`Your application “${title}” was closed by the park: it lapsed without a reply.`)).toBeVisible();
  });

  test('an approval closed as “not admitted” leaves the admission list and shows among the closed ones', async ({ browser }) => {
    test.setTimeout(240_000);
    const applicant = await (await browser.newContext()).newPage();
    const manager = await (await browser.newContext()).newPage();
    const { company, title } = await newApplication(applicant, TOMSK.name);
    await signIn(manager, demo.manager);
    await approveInTomskCouncil(manager, { title, company });

    const admit = `/p/${TOMSK.slug}/residents/admit`;
    await manager.goto(admit);
    await expect(manager.getByRole('link', { name: `Admit: ${company}`, exact: true })).toBeVisible();
    await manager.getByRole('link', { name: `Close…: ${company}`, exact: true }).click();
    const reason = 'The company moved its project to another region.';
    await closeApplication(manager, 'Not admitted', reason);

    await manager.goto(admit);
    await expect(manager.getByRole('link', { name: `Admit: ${company}`, exact: true })).toHaveCount(0);
    await manager.getByRole('link', { name: 'Closed', exact: true }).click();
    const row = manager.getByRole('row').filter({ hasText: company });
    await expect(row).toContainText('Not admitted');
    await expect(row).toContainText(reason);
    await expect(row.getByRole('link', { name: title })).toBeVisible();
    await shot(manager, 'queues-admit-closed');
  });

  test('on a phone the inbox’s filters fold behind “Filters” and the first application is on the first screen; on a desktop they stay open', async ({ browser }) => {
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await signIn(phone, demo.manager);
    await phone.goto(`/p/${KUZBASS.slug}/applications`);
    const firstRow = phone.getByRole('table').getByRole('row').nth(1);
    await expect(firstRow).toBeVisible();
    const box = (await firstRow.boundingBox())!;
    expect(box.y + Math.min(box.height, 40)).toBeLessThanOrEqual(844);
    await expect(phone.getByLabel('Search')).toBeHidden();
    await phone.getByText('Filters', { exact: true }).click();
    await expect(phone.getByLabel('Search')).toBeVisible();
    await shot(phone, 'queues-inbox-phone');

    const desktop = await (await browser.newContext()).newPage();
    await signIn(desktop, demo.manager);
    await desktop.goto(`/p/${KUZBASS.slug}/applications`);
    await expect(desktop.getByLabel('Search')).toBeVisible();
    await expect(desktop.getByText('Filters', { exact: true })).toBeHidden();
  });
});
