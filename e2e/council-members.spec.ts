import { expect, type Browser, type Page, test } from '@playwright/test';
import fs from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { addDays, todayIso } from '../lib/dates';
import { createCompany, demo, expertNames, KUZBASS, signIn, signOut, signUpApplicant, submitApplication, unique } from './fixtures';

/** A council member signed in in a browser context of their own, as on their own computer. */
async function member(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Opens the meeting from the member's own list of meetings, as a member would. */
async function openMeeting(page: Page, number: string) {
  await page.goto(`/p/${KUZBASS.slug}/meetings`);
  await page.getByRole('link', { name: `Meeting No. ${number}`, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Meeting No. ${number}` })).toBeVisible();
}

test('the council as a collegial body: members see the agenda, one is excluded by a conflict, two vote remotely and one in the meeting, the manager closes the item', async ({ browser, page }) => {
  test.setTimeout(600_000);

  // An application under expert review; the demo expert (Volkov) is assigned and will declare a conflict.
  await signUpApplicant(page);
  const company = await createCompany(page);
  const title = unique('Methane sensors');
  const id = await submitApplication(page, { company, title });
  await signOut(page);
  await signIn(page, demo.manager);
  await page.goto(`/p/${KUZBASS.slug}/applications/${id}`);
  await page.getByRole('button', { name: 'Accept for expert review' }).click();
  await expect(page.getByText('Screening recorded.')).toBeVisible();
  // Only Volkov (the form ticks the suggested experts): on a page loaded afresh, so nothing re-renders the form meanwhile.
  await page.reload();
  const boxes = page.locator('fieldset').getByRole('checkbox');
  await expect(async () => {
    for (const box of await boxes.all()) if ((await box.isChecked()) && (await box.isEnabled())) await box.uncheck();
    await page.getByRole('checkbox', { name: new RegExp(expertNames.expert) }).check();
    await expect(boxes.and(page.getByRole('checkbox', { checked: true }))).toHaveCount(1, { timeout: 1_000 });
  }).toPass();
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByText('Experts assigned.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Expert reviews' }).getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(1);

  // A meeting today, started at midnight, with a place, a video link and remote voting until tomorrow evening.
  await page.goto(`/p/${KUZBASS.slug}/council`);
  await page.getByRole('button', { name: 'Create meeting' }).click();
  const heading = page.getByRole('heading', { name: /^Meeting No\. \d+$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.replace(/\D/g, '');
  const details = page.getByRole('region', { name: 'Time, place and remote voting' });
  await details.getByLabel('Start time').fill('00:00');
  await details.getByLabel('Place').fill('Conference hall, room 204');
  await details.getByLabel('Video link').fill('https://telemost.example.ru/j/council');
  // Typed on the park's clock, as the form says.
  await details.getByLabel('Remote voting until').fill(`${addDays(todayIso(KUZBASS.timeZone), 1)}T18:00`);
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Meeting details saved.')).toBeVisible();
  await page.getByLabel('Application under expert review').selectOption({ label: `${title} — ${company}` });
  await page.getByRole('button', { name: 'Add to agenda' }).click();
  const item = page.getByRole('region', { name: new RegExp(title) });
  await expect(item).toBeVisible();
  // Pavlova is in the room; the others take part remotely.
  await page.getByRole('checkbox', { name: expertNames.expert4 }).check();
  await page.getByRole('button', { name: 'Save attendance' }).click();
  await expect(page.getByText('Attendance saved.')).toBeVisible();

  // Each member in their own browser sees the meeting and its agenda.
  const [volkov, lebedeva, novikov, pavlova] = await Promise.all([demo.expert, demo.expert2, demo.expert3, demo.expert4].map((email) => member(browser, email)));
  for (const p of [volkov, lebedeva, novikov, pavlova]) {
    await openMeeting(p, number);
    await expect(p.getByText('Conference hall, room 204')).toBeVisible();
    await expect(p.getByRole('region', { name: new RegExp(title) })).toBeVisible();
  }

  // Volkov declares his conflict: excluded from the item, with no vote and nothing of its reviews.
  await volkov.goto(`/p/${KUZBASS.slug}/reviews`);
  await volkov.getByRole('link', { name: title }).click();
  await volkov.getByLabel('I have a conflict of interest').check();
  await volkov.getByLabel('Describe the conflict').fill('I advise the applicant.');
  await volkov.getByRole('button', { name: 'Declare' }).click();
  await expect(volkov.getByText('The application has been taken off your list')).toBeVisible();
  await openMeeting(volkov, number);
  const excluded = volkov.getByRole('region', { name: new RegExp(title) });
  await expect(excluded).toContainText('Excluded: conflict of interest');
  await expect(excluded.getByRole('button', { name: 'For' })).toHaveCount(0);
  await expect(excluded).not.toContainText('Submitted expert reviews');

  // Lebedeva and Novikov vote remotely (Lebedeva changes her mind once); Pavlova votes in the meeting.
  const vote = async (p: Page, choice: 'For' | 'Against' | 'Abstain') => {
    await p.getByRole('group', { name: `Your vote on “${title}”` }).getByRole('button', { name: choice, exact: true }).click();
    await expect(p.getByText(`Your vote: ${choice === 'Abstain' ? 'abstain' : choice.toLowerCase()}.`)).toBeVisible();
  };
  await vote(lebedeva, 'Against');
  await vote(lebedeva, 'For');
  await vote(novikov, 'Abstain');
  await vote(pavlova, 'For');
  // A member who is not asked to review joins the discussion; the applicant never sees it.
  await lebedeva.reload();
  const discussion = lebedeva.getByRole('region', { name: new RegExp(title) });
  await discussion.getByLabel('Your comment').fill('The sensors were piloted at two mines: worth supporting.');
  await discussion.getByRole('button', { name: 'Post comment' }).click();
  await expect(discussion.getByText('The sensors were piloted at two mines')).toBeVisible();

  // The manager sees the computed tally and closes the item; with no submitted review the approval needs a reason.
  await page.reload();
  await expect(item.getByRole('status').filter({ hasText: 'Members’ votes' })).toContainText('for 2 · against 0 · abstained 1 (3 taking part, 3 may vote)');
  await item.getByLabel('Decision').selectOption({ label: 'Approved' });
  await item.getByRole('button', { name: 'Close the item and record the decision' }).click();
  await expect(item.getByText('Fewer submitted reviews than the park asks for: give the reason.')).toBeVisible();
  await item.getByLabel('Reason to approve with fewer reviews').fill('The ministry’s own review of the pilot is attached.');
  await item.getByRole('button', { name: 'Close the item and record the decision' }).click();
  const decision = item.getByRole('group', { name: 'Decision' });
  await expect(decision).toContainText('For 2 · Against 0 · Abstained 1');
  await expect(decision).toContainText('Approved with fewer reviews than the park asks for: The ministry’s own review of the pilot is attached.');

  // The minutes as a PDF made on the server: the members by name with their votes, the tally and both reasons.
  await page.getByRole('link', { name: 'Minutes', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF (English)', exact: true }).click()]);
  const bytes = fs.readFileSync(await download.path());
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  const minutes = text.replace(/\s+/g, ' ');
  expect(minutes).toContain(`${expertNames.expert2}: for (remotely, before the meeting)`);
  expect(minutes).toContain(`${expertNames.expert3}: abstained (remotely, before the meeting)`);
  expect(minutes).toContain(`${expertNames.expert4}: for`);
  // Volkov, excluded by his conflict, neither took part nor voted.
  expect(minutes).not.toContain(`${expertNames.expert}:`);
  expect(minutes).toContain('Tally: for 2, against 0, abstained 1');
  expect(minutes).toContain('Decision: Approved');
  expect(minutes).toContain('The ministry’s own review of the pilot is attached.');

  // The item is closed for the members: the decision instead of the vote buttons.
  await lebedeva.reload();
  const closed = lebedeva.getByRole('region', { name: new RegExp(title) });
  await expect(closed).toContainText('Approved');
  await expect(closed.getByRole('button', { name: 'For', exact: true })).toHaveCount(0);
  await expect(closed).toContainText('Your vote: for.');

  // The meeting as a calendar event, for the member's calendar.
  const ics = await lebedeva.request.get(`${new URL(lebedeva.url()).pathname}/invite.ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const calendar = await ics.text();
  expect(calendar).toContain('BEGIN:VEVENT');
  expect(calendar).toContain('LOCATION:Conference hall\\, room 204');
  for (const p of [volkov, lebedeva, novikov, pavlova]) await p.context().close();
});
