import { expect, type Page, test } from '@playwright/test';
import { applicationHistory, demo, downloadPdf, expertNames, formError, KUZBASS, signIn } from './fixtures';

/** The demo's application approved at the meeting held a few days ago (lib/demo/live-applications.json). */
const APPROVED_TITLE = 'Биологическая рекультивация отвалов с применением гуминовых препаратов из бурого угля';
const APPROVED_REASON = 'Поддержать проект; до заключения соглашения о резидентстве согласовать с надзорными органами порядок приёмки рекультивированных участков.';

const minutesStatus = (page: Page) => page.getByRole('region', { name: /^Status/ }).getByRole('status');

test('the manager reaches the minutes from the decided application and downloads them as a PDF: the members, their votes, the tally and the reason', async ({ page }) => {
  await signIn(page, demo.manager);
  await page.goto(`/p/${KUZBASS.slug}/applications?status=approved`);
  await page.getByLabel('Search').fill(APPROVED_TITLE);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('link', { name: APPROVED_TITLE }).click();
  await applicationHistory(page).getByRole('link', { name: /^Minutes of meeting No\. \d+$/ }).click();
  await expect(page.getByRole('heading', { name: /^Minutes of the expert council meeting No\. \d+$/ })).toBeVisible();

  // The kept document is in the park's language (Russian), whatever the reader's.
  const russian = await downloadPdf(page, page.getByRole('link', { name: 'PDF (Russian)', exact: true }));
  expect(russian).toMatch(/Протокол заседания экспертного совета № \d+/);
  for (const name of [expertNames.expert, expertNames.expert2, expertNames.expert3, 'Павел Смирнов']) expect(russian).toContain(name);
  expect(russian).toContain(`«${APPROVED_TITLE}»`);
  expect(russian).toContain('Игорь Волков: за');
  expect(russian).toContain('Павел Смирнов: воздержался');
  expect(russian).toContain('Итоги голосования: за 3, против 0, воздержались 1');
  expect(russian).toContain('Решение: Одобрить');
  expect(russian).toContain(`Обоснование: ${APPROVED_REASON}`);

  const english = await downloadPdf(page, page.getByRole('link', { name: 'PDF (English)', exact: true }));
  expect(english).toContain('Tally: for 3, against 0, abstained 1');
  expect(english).toContain('Decision: Approved');
  expect(english).toContain(`Reason: ${APPROVED_REASON}`);
});

test('approved minutes lock the meeting: an edit is refused by name; a correction reopens them and is approved as version 2, version 1 kept', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demo.manager);
  await page.goto(`/p/${KUZBASS.slug}/council`);
  await page.getByRole('button', { name: 'Create meeting' }).click();
  const heading = page.getByRole('heading', { name: /^Meeting No\. \d+$/ });
  await expect(heading).toBeVisible();
  const number = /\d+/.exec((await heading.textContent()) ?? '')![0];
  const meetingUrl = page.url();

  await page.goto(`${meetingUrl}/minutes`);
  await expect(minutesStatus(page)).toHaveText('Draft: not approved');
  await page.getByRole('button', { name: 'Approve minutes' }).click();
  await expect(page.getByText('Minutes approved as version 1.')).toBeVisible();
  await expect(minutesStatus(page)).toHaveText('Approved, version 1');
  const versions = page.getByRole('list', { name: 'Approved versions' }).getByRole('listitem');
  await expect(versions).toHaveCount(1);
  const hash = /SHA-256 of the content: ([0-9a-f]{64})/.exec((await versions.first().textContent()) ?? '')?.[1];
  expect(hash).toBeDefined();
  const v1 = await downloadPdf(page, versions.first().getByRole('link', { name: 'Version 1 · PDF (Russian)' }));
  expect(v1).toContain(`Протокол заседания экспертного совета № ${number}`);
  expect(v1).toContain('Утверждён как редакция 1');
  expect(v1).toContain(hash!);
  expect(v1).not.toContain('ПРОЕКТ');

  // The meeting is locked: saving its attendance is refused with the rule, and nothing changes.
  await page.goto(meetingUrl);
  await page.getByRole('checkbox', { name: expertNames.expert2 }).check();
  await page.getByRole('button', { name: 'Save attendance' }).click();
  await expect(formError(page)).toContainText(`The minutes of meeting No. ${number} are approved (version 1), so the meeting is locked`);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: expertNames.expert2 })).not.toBeChecked();

  // A correction: reopened with its reason, the meeting changes, and the minutes are approved again as version 2.
  await page.goto(`${meetingUrl}/minutes`);
  await page.getByRole('button', { name: 'Reopen for a correction' }).click();
  await expect(page.getByText('Required.')).toBeVisible();
  const reason = 'Ольга Лебедева присутствовала, но не была отмечена.';
  await page.getByLabel('Reason for the correction').fill(reason);
  await page.getByRole('button', { name: 'Reopen for a correction' }).click();
  await expect(minutesStatus(page)).toHaveText('Reopened for a correction of version 1');
  await page.goto(meetingUrl);
  await page.getByRole('checkbox', { name: expertNames.expert2 }).check();
  await page.getByRole('button', { name: 'Save attendance' }).click();
  await expect(page.getByText('Attendance saved').first()).toBeVisible();
  await page.goto(`${meetingUrl}/minutes`);
  await page.getByRole('button', { name: 'Approve minutes' }).click();
  await expect(minutesStatus(page)).toHaveText('Approved, version 2');
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText(`Correction: ${reason}`);

  const v2 = await downloadPdf(page, versions.first().getByRole('link', { name: 'Version 2 · PDF (Russian)' }));
  expect(v2).toContain('Утверждён как редакция 2');
  expect(v2).toContain(`Исправление: ${reason}`);
  expect(v2).toContain(`Присутствовали: ${expertNames.expert2}`);
  // Version 1 is still there, as it was approved.
  const again = await downloadPdf(page, versions.nth(1).getByRole('link', { name: 'Version 1 · PDF (Russian)' }));
  expect(again).toBe(v1);
});

test('the applicant follows the decision in their history to the extract of their own item: the tally and the reason, no member names, no other items', async ({ page }) => {
  await signIn(page, 'applicant4@technopark.demo');
  await page.goto('/my/applications');
  await page.getByRole('link', { name: APPROVED_TITLE }).click();
  const extract = await downloadPdf(page, applicationHistory(page).getByRole('link', { name: /^Extract from the minutes of meeting No\. \d+ \(PDF\)$/ }));
  expect(extract).toMatch(/Выписка из протокола заседания экспертного совета № \d+/);
  expect(extract).toContain(`«${APPROVED_TITLE}»`);
  expect(extract).toContain('Итоги голосования: за 3, против 0, воздержались 1');
  expect(extract).toContain(`Обоснование: ${APPROVED_REASON}`);
  expect(extract).toContain('Утверждён как редакция 1');
  for (const name of [expertNames.expert, expertNames.expert2, expertNames.expert3, 'Павел Смирнов']) expect(extract).not.toContain(name);
});
