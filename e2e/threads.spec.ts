import { expect, test, type Page } from '@playwright/test';
import { createCompany, demo, KUZBASS, signIn, signUpApplicant, submitApplication, tinyPdf, unique } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

/** The conversation on the page: its messages (a list) and its form. */
const conversation = (page: Page) => page.getByRole('region', { name: 'Conversation' });

/** Writes a message, with documents if given, and waits for it to be on the page. */
async function write(page: Page, body: string, files: { name: string; buffer: Buffer }[] = []) {
  const region = conversation(page);
  await page.waitForLoadState('networkidle'); // typing before hydration would be lost
  await region.getByLabel('Message').fill(body);
  if (files.length) await region.getByLabel('Documents').setInputFiles(files.map((f) => ({ ...f, mimeType: 'application/pdf' })));
  await region.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Message sent.')).toBeVisible();
  await expect(region.getByRole('list', { name: 'Conversation' })).toContainText(body);
}

test.describe('conversations on the record', () => {
  test('an applicant asks about its application with a document; the manager reads, downloads and answers; the applicant is notified and reads the answer', async ({ browser }) => {
    test.setTimeout(180_000);
    const applicant = await (await browser.newContext()).newPage();
    const manager = await (await browser.newContext()).newPage();
    await signUpApplicant(applicant);
    const company = await createCompany(applicant);
    const title = unique('Coal-bed methane sensors');
    const id = await submitApplication(applicant, { company, title, park: KUZBASS.name });

    await applicant.goto(`/my/applications/${id}`);
    const region = conversation(applicant);
    await expect(region.getByText('No messages yet.')).toBeVisible();
    // An empty message is refused on its field, and nothing is sent.
    await applicant.waitForLoadState('networkidle');
    await region.getByRole('button', { name: 'Send' }).click();
    await expect(region.getByText('Write a message.')).toBeVisible();
    const question = `May we add the signed letter of support from the regional ministry? (${unique('q')})`;
    await write(applicant, question, [{ name: 'letter-of-support.pdf', buffer: tinyPdf('Letter of support') }]);
    await expect(region.getByRole('link', { name: /letter-of-support\.pdf/ })).toBeVisible();
    await shot(applicant, 'thread-applicant');

    // The manager is told, opens the application from the notice, reads the question and downloads the letter.
    await signIn(manager, demo.manager);
    await manager.goto('/notifications');
    await manager.getByRole('link', { name: new RegExp(`wrote about the application "${title}"`) }).first().click();
    await expect(manager).toHaveURL(new RegExp(`/p/${KUZBASS.slug}/applications/${id}`));
    const staffView = conversation(manager);
    await expect(staffView.getByRole('list', { name: 'Conversation' })).toContainText(question);
    await expect(staffView.getByRole('list', { name: 'Conversation' })).toContainText('Company');
    const [download] = await Promise.all([manager.waitForEvent('download'), staffView.getByRole('link', { name: /letter-of-support\.pdf/ }).click()]);
    expect(download.suggestedFilename()).toBe('letter-of-support.pdf');
    const answer = 'Yes: attach it to your next version, and we will add it to the council’s packet.';
    await write(manager, answer);
    await expect(staffView.getByRole('list', { name: 'Conversation' })).toContainText('Park staff');
    await shot(manager, 'thread-manager');

    // The applicant is told and reads the answer.
    await applicant.goto('/notifications');
    await applicant.getByRole('link', { name: new RegExp(`wrote about the application "${title}"`) }).first().click();
    await expect(applicant).toHaveURL(new RegExp(`/my/applications/${id}`));
    await expect(conversation(applicant).getByRole('list', { name: 'Conversation' })).toContainText(answer);

    // Another applicant cannot download the document.
    const stranger = await (await browser.newContext()).newPage();
    await signUpApplicant(stranger);
    const href = await staffView.getByRole('link', { name: /letter-of-support\.pdf/ }).getAttribute('href');
    expect((await stranger.request.get(href!)).status()).toBe(404);
  });
});
