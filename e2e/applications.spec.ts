import { expect, test } from '@playwright/test';
import { applicationHistory, attachPdf, createCompany, demo, expectDraftSaved, KUZBASS, makeInn, signIn, signOut, signUpApplicant, submitApplication, unique } from './fixtures';

test.describe('applications', () => {
  test('an applicant signs up, registers a company, fills the application over several steps, reloads mid-way, attaches a PDF and submits', async ({ page }) => {
    test.setTimeout(420_000);
    await signUpApplicant(page);

    // The company: an impossible INN is refused with a clear message, a valid one accepted.
    const company = unique('ООО «Метан-Контроль»');
    await page.goto('/my/companies/new');
    await page.getByLabel('Company name').fill(company);
    await page.getByLabel('INN', { exact: true }).fill('7707083894');
    await page.getByRole('button', { name: 'Create company' }).click();
    await expect(page.getByText('The INN check digits do not match')).toBeVisible();
    await page.getByLabel('INN', { exact: true }).fill(makeInn());
    await page.getByLabel('Industry').fill('Mining technology');
    await page.getByRole('button', { name: 'Create company' }).click();
    await expect(page).toHaveURL(/\/my\/companies$/);
    await expect(page.getByRole('link', { name: company })).toBeVisible();

    // The applicant's own pages read their clock: Kemerovo's, chosen from the account menu.
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Time zone' }).click();
    await expect(page).toHaveURL(/\/account\/time-zone$/);
    await page.getByRole('combobox', { name: 'Time zone' }).selectOption('Asia/Novokuznetsk');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Time zone saved.')).toBeVisible();
    await expect(page.getByText(/^Now: .+ GMT\+7$/)).toBeVisible();

    // Step 1 and 2, then a reload: everything typed is still there, on the same step.
    const title = unique('Methane sensors');
    await page.getByRole('link', { name: 'My applications' }).click();
    await page.getByRole('link', { name: 'New application' }).click();
    await expect(page.getByText('Step 1 of 6')).toBeVisible();
    await page.getByLabel('Company', { exact: true }).selectOption({ label: company });
    await page.getByLabel('Park', { exact: true }).selectOption({ label: KUZBASS.name });
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByText('Step 2 of 6')).toBeVisible();
    await page.getByLabel('Project title').fill(title);
    const description = 'A pilot line of methane sensors for coal mines, tested with a partner mine in Kuzbass.';
    await page.getByLabel('Project description').fill(description);
    await page.getByLabel('Industry', { exact: true }).fill('Mining technology');
    await expect(page).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}\?step=2$/);
    await expectDraftSaved(page);
    // When it was saved, written by the server on the applicant's clock, zone named: never the browser's (UTC here).
    await expect(page.getByTestId('autosave-status')).toHaveText(/^Draft saved at \d{2}:\d{2}:\d{2} GMT\+7$/);
    await page.reload();
    await expect(page.getByText('Step 2 of 6')).toBeVisible();
    await expect(page.getByLabel('Project title')).toHaveValue(title);
    await expect(page.getByLabel('Project description')).toHaveValue(description);
    await expect(page.getByLabel('Industry', { exact: true })).toHaveValue('Mining technology');

    // Step 3: the support asked for.
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByLabel('Premises in the park').check();
    await page.getByLabel('Area wanted, m²').fill('120.5');
    await page.getByLabel('Patent and licence support').check();

    // Step 4: the plan; a capital investment above the investment is refused at once.
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('button', { name: 'Add a year' }).click();
    await page.getByLabel('Investment, ₽, row 1').fill('1000000');
    await page.getByLabel('of which capital, ₽, row 1').fill('2000000');
    await expect(page.getByText('Capital investment cannot exceed the investment.')).toBeVisible();
    await page.getByLabel('of which capital, ₽, row 1').fill('400000');
    await page.getByLabel('New jobs, row 1').fill('5');
    await page.getByRole('button', { name: 'Add a year' }).click();
    await page.getByLabel('Investment, ₽, row 2').fill('2500000');
    await page.getByLabel('New jobs, row 2').fill('12');
    await page.getByLabel('Expected income, ₽, row 2').fill('3000000');
    await expectDraftSaved(page);

    // The review step lists what is still missing: the business plan.
    await page.getByRole('button', { name: /Review and submit/ }).click();
    await expect(page.getByText('Before submitting, complete:')).toBeVisible();
    await page.getByRole('button', { name: 'The business plan document' }).click();
    await expect(page.getByText('Step 5 of 6')).toBeVisible();

    // Step 5: a program renamed .pdf is refused by its content; a real PDF is accepted.
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00this is not a pdf', 'latin1') });
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByText('Only PDF, DOCX, XLSX, PNG and JPEG documents are accepted')).toBeVisible();
    await attachPdf(page, 'business-plan.pdf');

    // Step 6: submit.
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByText('Everything needed is filled in')).toBeVisible();
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect(page.getByText('Application submitted.')).toBeVisible();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.locator('[data-status="submitted"]').first()).toBeVisible();
    const timeline = applicationHistory(page);
    await expect(timeline).toContainText('Draft created');
    await expect(timeline).toContainText('Submitted (version 1)');
    await expect(page.getByRole('link', { name: 'business-plan.pdf' })).toBeVisible();
    await page.getByRole('link', { name: 'My applications' }).click();
    await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('Submitted');
  });

  test('a manager returns an application for revision; the applicant sees the comment, revises, resubmits and compares the versions', async ({ page }) => {
    test.setTimeout(420_000);
    const applicant = await signUpApplicant(page);
    const company = await createCompany(page);
    const title = unique('Coal sorbents');
    const id = await submitApplication(page, { company, title });
    await signOut(page);

    await signIn(page, demo.manager);
    await page.goto(`/p/${KUZBASS.slug}/applications`);
    await page.getByLabel('Search').fill(title);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`/p/${KUZBASS.slug}/applications/${id}$`));
    // A return needs a comment.
    await page.getByRole('button', { name: 'Return for revision' }).click();
    await expect(page.getByText('Write a comment for the applicant.')).toBeVisible();
    const comment = 'Please raise the income estimate and add the patent plan.';
    await page.getByLabel('Comment for the applicant').fill(comment);
    await page.getByRole('button', { name: 'Return for revision' }).click();
    await expect(page.getByText('Screening recorded.')).toBeVisible();
    await expect(applicationHistory(page)).toContainText('Returned for revision');
    await signOut(page);

    await signIn(page, applicant.email, applicant.password);
    await page.goto('/my/applications');
    await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('Returned for revision');
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('status', { name: 'Returned for revision' }).getByRole('blockquote')).toContainText(comment);
    await page.getByRole('button', { name: /Plan by year/ }).click();
    await page.getByLabel('Expected income, ₽, row 1').fill('4500000');
    await page.getByRole('button', { name: /Support asked/ }).click();
    await page.getByLabel('Patent and licence support').check();
    await expectDraftSaved(page);
    await page.getByRole('button', { name: /Review and submit/ }).click();
    await page.getByRole('button', { name: 'Resubmit application' }).click();
    await expect(page.getByText('Application submitted.')).toBeVisible();
    await expect(applicationHistory(page)).toContainText('Resubmitted (version 2)');
    // Versions 1 and 2 compared: the income and the services changed.
    const versions = page.getByRole('region', { name: 'Versions' });
    await expect(versions).toContainText('Income');
    await expect(versions).toContainText('RUB 4,500,000.00');
    await expect(versions).toContainText('Patent and licence support');
    await signOut(page);

    await signIn(page, demo.manager);
    await page.goto(`/p/${KUZBASS.slug}/applications/${id}`);
    await expect(page.locator('[data-status="submitted"]').first()).toBeVisible();
    await expect(page.getByText('· version 2', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Versions' })).toContainText('RUB 4,500,000.00');
    await expect(page.getByRole('button', { name: 'Accept for expert review' })).toBeVisible();
  });

  test('another applicant cannot open someone else’s application', async ({ page }) => {
    test.setTimeout(300_000);
    await signUpApplicant(page);
    const company = await createCompany(page);
    const id = await submitApplication(page, { company, title: unique('Private project') });
    await signOut(page);
    await signUpApplicant(page);
    const response = await page.goto(`/my/applications/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '404' })).toBeVisible();
  });
});
