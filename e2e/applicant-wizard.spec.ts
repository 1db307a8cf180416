import { expect, test, type Page } from '@playwright/test';
import { applicationHistory, attachPdf, createCompany, demo, expectDraftSaved, KUZBASS, signIn, signOut, signUpApplicant, submitApplication, unique } from './fixtures';

/*
 * The applicant's wizard with bad input: it stays on a step that failed to save, shows each field's
 * error with its limit and keeps what was typed; the park is required; the last step shows what will
 * be sent; a submission gets a receipt; a resubmission carries a cover note the manager reads.
 */

const next = (page: Page) => page.getByRole('button', { name: 'Next', exact: true }).click();
/** A step's button in the wizard's navigation; a done step's number is replaced by a tick. */
const stepButton = (page: Page, name: string) => page.getByRole('navigation', { name: 'Application steps' }).getByRole('button', { name, exact: true });

/** The message to `email` whose text holds `text`, as the demo admin reads it at /admin/outbox. */
async function mailedTo(page: Page, email: string, text: string): Promise<string> {
  const context = await page.context().browser()!.newContext();
  try {
    const admin = await context.newPage();
    await signIn(admin, demo.admin);
    await admin.goto('/admin/outbox');
    const message = admin.getByRole('listitem').filter({ hasText: email }).filter({ hasText: text });
    await expect(message).toHaveCount(1);
    return (await message.textContent()) ?? '';
  } finally {
    await context.close();
  }
}

test.describe('the applicant’s wizard', () => {
  test('refuses to move on from a step that failed to save, keeps the text, requires the park, summarises, and sends a receipt', async ({ page }) => {
    test.setTimeout(420_000);
    const applicant = await signUpApplicant(page);
    const company = await createCompany(page);
    const title = unique('Mine gas analytics');

    // Step 1 without a park: the field says so and the wizard stays.
    await page.goto('/my/applications/new');
    await expect(page.getByLabel('Company', { exact: true })).toHaveValue(/.+/);
    await next(page);
    await expect(page.getByText('Step 1 of 6')).toBeVisible();
    await expect(page.getByText('Required.')).toBeVisible();
    await expect(page.getByLabel('Park', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Park', { exact: true }).selectOption({ label: KUZBASS.name });
    await next(page);
    await expect(page.getByText('Step 2 of 6')).toBeVisible();

    // Step 2: a description over 20,000 characters is refused with its limit; the step is not ticked and the text stays.
    const tooLong = 'Методика. '.repeat(2001).slice(0, 20_001);
    await page.getByLabel('Project title').fill(title);
    await page.getByLabel('Project description').fill(tooLong);
    await page.getByLabel('Industry', { exact: true }).fill('Mining technology');
    await next(page);
    await expect(page.getByText('At most 20,000 characters.')).toBeVisible();
    await expect(page.getByText('Step 2 of 6')).toBeVisible();
    await expect(page.getByLabel('Project description')).toHaveAttribute('aria-invalid', 'true');
    expect((await page.getByLabel('Project description').inputValue()).length).toBe(20_001);
    await expect(stepButton(page, 'Project').locator('svg')).toHaveCount(0);
    await expect(stepButton(page, 'Company and park').locator('svg')).toHaveCount(1);

    // Back on step 1 the refusal is named with its step, and the text is still there on the way back.
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByText('Step 1 of 6')).toBeVisible();
    await expect(page.getByTestId('errors-elsewhere')).toContainText('Project description (step 2, Project): At most 20,000 characters.');
    await page.getByTestId('errors-elsewhere').getByRole('button', { name: /Project description/ }).click();
    await expect(page.getByText('Step 2 of 6')).toBeVisible();
    expect((await page.getByLabel('Project description').inputValue()).length).toBe(20_001);
    await page.getByLabel('Project description').fill('Gas analytics for coal mines: sensors, a data platform and alarms, piloted in Kuzbass.');
    await expectDraftSaved(page);
    await next(page);

    // Step 3: −50 m² is refused, said as a limit, and the wizard stays.
    await expect(page.getByText('Step 3 of 6')).toBeVisible();
    await page.getByLabel('Premises in the park').check();
    await page.getByLabel('Area wanted, m²').fill('-50');
    await next(page);
    await expect(page.getByText('The area must be greater than zero.')).toBeVisible();
    await expect(page.getByText('Step 3 of 6')).toBeVisible();
    await expect(page.getByLabel('Area wanted, m²')).toHaveValue('-50');
    await page.getByLabel('Area wanted, m²').fill('120');
    await page.getByLabel('Consulting').check();
    await next(page);

    // Step 4: −3 new jobs must be 0 or more.
    await expect(page.getByText('Step 4 of 6')).toBeVisible();
    await page.getByRole('button', { name: 'Add a year' }).click();
    await page.getByLabel('Investment, ₽, row 1').fill('1500000');
    await page.getByLabel('New jobs, row 1').fill('-3');
    await next(page);
    await expect(page.getByText('A whole number, 0 or more.')).toBeVisible();
    await expect(page.getByText('Step 4 of 6')).toBeVisible();
    await page.getByLabel('New jobs, row 1').fill('3');
    await next(page);

    // Step 5, then the summary of what will be sent, each section a way back to its step.
    await expect(page.getByText('Step 5 of 6')).toBeVisible();
    await attachPdf(page, 'gas-plan.pdf');
    await next(page);
    await expect(page.getByText('Step 6 of 6')).toBeVisible();
    const summary = page.getByTestId('application-summary');
    await expect(summary.getByRole('heading', { name: 'What will be sent' })).toBeVisible();
    for (const text of [company, KUZBASS.name, title, 'Mining technology', '120 m²', 'Consulting', '1,500,000', 'gas-plan.pdf']) await expect(summary).toContainText(text);
    await summary.getByRole('button', { name: 'Edit: Support asked' }).click();
    await expect(page.getByText('Step 3 of 6')).toBeVisible();
    await stepButton(page, 'Review and submit').click();
    await expect(page.getByText('Everything needed is filled in')).toBeVisible();
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect(page.getByText('Application submitted.')).toBeVisible();

    // The receipt: a notice in the app and an e-mail, with the application, the park and what happens next.
    await page.goto('/notifications');
    const receipt = page.getByRole('main').getByText(`Your application “${title}” (version 1) was received by ${KUZBASS.name}`);
    await expect(receipt).toBeVisible();
    await expect(receipt).toContainText('expert council');
    const mail = await mailedTo(page, applicant.email, title);
    expect(mail).toContain(KUZBASS.name);
    expect(mail).toContain('expert council');
  });

  test('a submit with the park missing names it, on its step, and highlights it there', async ({ page }) => {
    test.setTimeout(300_000);
    await signUpApplicant(page);
    await createCompany(page);
    await page.goto('/my/applications/new?step=6');
    await expect(page.getByText('Step 6 of 6')).toBeVisible();
    await expect(page.getByTestId('missing-list')).toContainText('The park');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect(page.getByText('Not submitted: correct the fields listed above.')).toBeVisible();
    await expect(page.getByTestId('errors-elsewhere')).toContainText('Park (step 1, Company and park): Required.');
    await page.getByTestId('errors-elsewhere').getByRole('button', { name: /^Park/ }).click();
    await expect(page.getByText('Step 1 of 6')).toBeVisible();
    await expect(page.getByLabel('Park', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  });

  test('a resubmission carries a cover note that the manager reads in the history', async ({ page }) => {
    test.setTimeout(420_000);
    const applicant = await signUpApplicant(page);
    const company = await createCompany(page);
    const title = unique('Sorbent pilot');
    const id = await submitApplication(page, { company, title });
    await signOut(page);

    await signIn(page, demo.manager);
    await page.goto(`/p/${KUZBASS.slug}/applications/${id}`);
    await page.getByLabel('Comment for the applicant').fill('Add the market study.');
    await page.getByRole('button', { name: 'Return for revision' }).click();
    await expect(page.getByText('Screening recorded.')).toBeVisible();
    await signOut(page);

    await signIn(page, applicant.email, applicant.password);
    await page.goto(`/my/applications/${id}?step=3`);
    await page.getByLabel('Patent and licence support').check();
    await expectDraftSaved(page);
    await stepButton(page, 'Review and submit').click();
    const note = 'Added the market study and patent support, as asked.';
    await page.getByLabel('Cover note to the park: what you changed').fill(note);
    await page.getByRole('button', { name: 'Resubmit application' }).click();
    await expect(page.getByText('Application submitted.')).toBeVisible();
    await expect(applicationHistory(page)).toContainText(note);
    await signOut(page);

    await signIn(page, demo.manager);
    await page.goto(`/p/${KUZBASS.slug}/applications/${id}`);
    const history = applicationHistory(page);
    await expect(history).toContainText('Resubmitted (version 2)');
    await expect(history).toContainText('The applicant’s note');
    await expect(history).toContainText(note);
  });

  test('sign-up says a too-short password once, not as the hint and the error both', async ({ page }) => {
    await page.goto('/sign-up');
    await page.getByLabel('Full name').fill('Short Password');
    await page.getByLabel('E-mail').fill(`${unique('short').replace(' ', '-')}@e2e.example.com`);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('At least 10 characters.')).toHaveCount(1);
  });
});
