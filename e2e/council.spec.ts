import { expect, type Page, test } from '@playwright/test';
import { applicationHistory, createCompany, demo, expertNames, KUZBASS, signIn, signOut, signUpApplicant, submitApplication, unique } from './fixtures';

/** The Kuzbass demo rubric, by the names the scoring form shows. */
const CRITERIA = ['Novelty', 'Market potential', 'Team', 'Feasibility', 'Regional impact: jobs and investment'];

async function openReview(page: Page, title: string) {
  await page.goto(`/p/${KUZBASS.slug}/reviews`);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: `Review: ${title}` })).toBeVisible();
}

async function scoreAndSubmit(page: Page, scores: number[], recommendation: 'Approve' | 'Reject' | 'Return for revision') {
  await page.getByLabel('I have no conflict of interest').check();
  await page.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByText('You declared no conflict of interest')).toBeVisible();
  for (const [i, name] of CRITERIA.entries()) await page.getByLabel(name, { exact: true }).selectOption(String(scores[i]));
  await page.getByLabel(recommendation, { exact: true }).check();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Submit review' }).click();
  await expect(page.getByText('You submitted your review')).toBeVisible();
}

/** The rows of the application's expert assignments (its header row has column headers, not cells). */
const assignmentRows = (page: Page) => page.getByRole('table', { name: 'Expert reviews' }).getByRole('row').filter({ has: page.getByRole('cell') });

/** Ticks exactly these experts in the assignment form. */
async function chooseExperts(page: Page, names: string[]) {
  const boxes = page.locator('fieldset').getByRole('checkbox');
  for (const box of await boxes.all()) if ((await box.isChecked()) && (await box.isEnabled())) await box.uncheck();
  for (const name of names) await page.getByRole('checkbox', { name: new RegExp(name) }).check();
}

test('from submission to the council’s approval: screening, two experts (one with a conflict), a third expert, a meeting with quorum, votes and decision', async ({ page }) => {
  test.setTimeout(600_000);

  // The applicant submits.
  const applicant = await signUpApplicant(page);
  const company = await createCompany(page);
  const title = unique('Mine gas utilisation');
  const id = await submitApplication(page, { company, title });
  await signOut(page);

  // The manager accepts it for expert review and assigns two experts.
  await signIn(page, demo.manager);
  await page.goto(`/p/${KUZBASS.slug}/applications?status=submitted`);
  await page.getByLabel('Search').fill(title);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Accept for expert review' }).click();
  await expect(page.getByText('Screening recorded.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Assign experts' })).toBeVisible();
  await chooseExperts(page, [expertNames.expert, expertNames.expert2]);
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByText('Experts assigned.')).toBeVisible();
  await expect(assignmentRows(page)).toHaveCount(2);
  await signOut(page);

  // The first expert declares a conflict: the application leaves the list.
  await signIn(page, demo.expert);
  await openReview(page, title);
  // Nothing is pre-selected: the declaration is a deliberate choice.
  await page.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByText('Declare one or the other.')).toBeVisible();
  await page.getByLabel('I have a conflict of interest').check();
  await page.getByLabel('Describe the conflict').fill('I advised this company last year.');
  await page.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByText('The application has been taken off your list')).toBeVisible();
  await page.goto(`/p/${KUZBASS.slug}/reviews`);
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  await signOut(page);

  // The second expert scores; before submitting, nobody else's review is shown.
  await signIn(page, demo.expert2);
  await openReview(page, title);
  await scoreAndSubmit(page, [8, 7, 9, 8, 6], 'Approve');
  await expect(page.getByText('No other expert has submitted a review yet.')).toBeVisible();
  await signOut(page);

  // The manager sees the conflict and the review, and assigns a third expert.
  await signIn(page, demo.manager);
  await page.goto(`/p/${KUZBASS.slug}/applications/${id}`);
  await expect(assignmentRows(page).filter({ hasText: expertNames.expert })).toContainText('Conflict of interest');
  await expect(assignmentRows(page).filter({ hasText: expertNames.expert2 })).toContainText('Reviewed');
  await chooseExperts(page, [expertNames.expert3]);
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByText('Experts assigned.')).toBeVisible();
  await expect(assignmentRows(page)).toHaveCount(3);
  await signOut(page);

  // The third expert scores, and then sees the other review.
  await signIn(page, demo.expert3);
  await openReview(page, title);
  await scoreAndSubmit(page, [6, 7, 7, 6, 8], 'Approve');
  await expect(page.getByText(expertNames.expert2)).toBeVisible();
  await signOut(page);

  // The manager sees the weighted mean, holds a meeting with a quorum, records the vote and approves.
  // By hand, Kuzbass weights 25/20/20/20/15: criterion means 7, 7, 8, 7, 7 → (175+140+160+140+105)/100 = 7.20.
  await signIn(page, demo.manager);
  await page.goto(`/p/${KUZBASS.slug}/applications/${id}`);
  await expect(page.getByRole('row', { name: /^Weighted mean/ }).getByRole('cell', { name: '7.20', exact: true })).toBeVisible();
  await page.goto(`/p/${KUZBASS.slug}/council`);
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page.getByRole('heading', { name: /^Meeting No\. \d+$/ })).toBeVisible();
  const meetingUrl = page.url();
  await page.getByLabel('Application under expert review').selectOption({ label: `${title} — ${company}` });
  await page.getByRole('button', { name: 'Add to agenda' }).click();
  const item = page.getByRole('region', { name: new RegExp(title) });
  await expect(item).toBeVisible();
  await expect(item).toContainText('Members’ votes: for 0 · against 0 · abstained 0');
  const quorum = page.getByRole('region', { name: 'Members present' }).getByRole('status');
  await expect(quorum).toHaveText('No quorum');
  for (const name of [expertNames.expert, expertNames.expert2, expertNames.expert3]) await page.getByRole('checkbox', { name }).check();
  await page.getByRole('button', { name: 'Save attendance' }).click();
  await expect(quorum).toHaveText('Quorum');
  await expect(item).toContainText(`Not voting, declared a conflict: ${expertNames.expert}`);
  await expect(item).toContainText('2 members present may vote');
  // The votes were counted on paper here (the members vote themselves in e2e/council-members.spec.ts).
  // Three votes with two members allowed to vote is refused.
  await item.getByLabel('Enter a paper tally instead of the members’ votes').check();
  await item.getByLabel('For', { exact: true }).fill('3');
  await item.getByLabel('Decision').selectOption({ label: 'Approved' });
  await item.getByRole('button', { name: 'Close the item and record the decision' }).click();
  await expect(item.getByText('3 votes, but only 2 members present may vote on this item.')).toBeVisible();
  await item.getByLabel('For', { exact: true }).fill('2');
  await item.getByLabel('Decision').selectOption({ label: 'Approved' });
  await item.getByRole('button', { name: 'Close the item and record the decision' }).click();
  const decision = item.getByRole('group', { name: 'Decision' });
  await expect(decision).toContainText('Approved');
  await expect(decision).toContainText('For 2 · Against 0 · Abstained 0 (paper tally)');

  // The minutes: members present, the item, its scores, the votes and the decision.
  await page.getByRole('link', { name: 'Minutes' }).click();
  await expect(page.getByRole('heading', { name: /^Minutes of the expert council meeting No\. \d+$/ })).toBeVisible();
  const minutes = page.locator('article');
  await expect(minutes).toContainText(expertNames.expert2);
  await expect(minutes).toContainText(title);
  await expect(minutes).toContainText('7.20');
  await expect(minutes).toContainText('Votes: for 2, against 0, abstained 0');
  await expect(minutes).toContainText(`Did not vote (conflict of interest): ${expertNames.expert}`);
  await expect(minutes).toContainText('Decision: Approved');
  await expect(page.getByRole('button', { name: 'Print / PDF' })).toBeVisible();
  expect(meetingUrl).toMatch(/\/council\/[0-9a-f-]{36}$/);
  await signOut(page);

  // The applicant sees the approval, the timeline, and no expert's name.
  await signIn(page, applicant.email, applicant.password);
  await page.goto('/my/applications');
  await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('Approved');
  await page.getByRole('link', { name: title }).click();
  const timeline = applicationHistory(page);
  for (const step of ['Draft created', 'Submitted (version 1)', 'Accepted for expert review', '3 experts assigned to review', 'Approved by the expert council']) {
    await expect(timeline).toContainText(step);
  }
  await expect(timeline).toContainText('for 2, against 0, abstained 0');
  for (const name of Object.values(expertNames)) await expect(page.getByText(name)).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Notifications, \d+ unread$/ })).toBeVisible();
});
