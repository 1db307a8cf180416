import { expect, test, type Page } from '@playwright/test';
import crypto from 'node:crypto';
import { demo, KUZBASS, signIn } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

/** The demo's meeting room and the catalogue service that prices it (lib/demo/bookings.ts, lib/demo/support.ts). */
const ROOM = 'Переговорная «Томь»';
const ROOM_SERVICE = { name: 'Переговорная комната', marketRub: 1500, residentRub: 500 };

/** A moment's date and time on the park's clock: `YYYY-MM-DD`, `HH:MM`. */
function parkClock(moment: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: KUZBASS.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(moment)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The park summary's services support for one year, in kopecks, read from its JSON export as the manager. */
async function servicesSupportKopecks(page: Page, year: number): Promise<bigint> {
  const response = await page.request.get(`/p/${KUZBASS.slug}/reports/summary/export?from=${year}&to=${year}&format=json`);
  expect(response.ok()).toBe(true);
  const summary = (await response.json()) as { support?: { servicesRub?: string } };
  const [whole, fraction = ''] = (summary.support?.servicesRub ?? '0').split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
}

/** Opens the representative's booking page of a resource by its name. */
async function openBooking(page: Page, resource: string) {
  await page.goto('/my/services');
  await page.getByRole('link', { name: 'Book a room or equipment' }).click();
  await expect(page).toHaveURL(/\/my\/services\/book$/);
  await page.getByRole('link', { name: resource }).click();
  await expect(page).toHaveURL(/\/my\/services\/book\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: resource })).toBeVisible();
  await page.waitForLoadState('networkidle');
}

test('the demo representative books the meeting room; an end before the start and an overlapping slot are refused on their fields; the manager sees the booking on the room’s calendar', async ({ browser }) => {
  test.setTimeout(180_000);
  const applicant = await (await browser.newContext()).newPage();
  const manager = await (await browser.newContext()).newPage();
  // A day a few weeks ahead and an hour of the room's 08:00–21:00, different on each run (a retry books another).
  const seed = crypto.randomBytes(2).readUInt16BE(0);
  const day = addDays(parkClock(new Date()).date, 7 + (seed % 40));
  const hour = String(8 + (seed % 12)).padStart(2, '0');
  const [from, to] = [`${hour}:00`, `${hour}:30`];

  await signIn(applicant, demo.applicant);
  await openBooking(applicant, ROOM);
  const form = applicant.getByRole('form', { name: 'Book a slot' });
  await form.getByLabel('Day').fill(day);
  // An end that is not after the start.
  await form.getByLabel('From').selectOption(to);
  await form.getByLabel('To').selectOption(to);
  await form.getByRole('button', { name: 'Book' }).click();
  await expect(form.locator('[data-field-error]').filter({ hasText: 'The end must come after the start.' })).toBeVisible();
  await form.getByLabel('From').selectOption(from);
  await form.getByLabel('To').selectOption(to);
  await form.getByRole('button', { name: 'Book' }).click();
  await expect(applicant.getByText('Booked.')).toBeVisible();

  // The same slot again: the database refuses the overlap and the form says so on the start.
  await applicant.waitForLoadState('networkidle');
  await form.getByRole('button', { name: 'Book' }).click();
  await expect(form.locator('[data-field-error]').filter({ hasText: 'Already booked for some of this time' })).toBeVisible();

  // The representative's day shows it as theirs, linked to its request.
  const url = new URL(applicant.url());
  await applicant.goto(`${url.pathname}?view=day&date=${day}`);
  const mine = applicant.getByRole('list', { name: /./ }).getByRole('link', { name: new RegExp(`${from}–${to}`) });
  await expect(mine).toHaveAttribute('href', /^\/my\/services\/[0-9a-f-]{36}$/);

  // The manager finds the room on the park's list and the booking on its week, with the company.
  await signIn(manager, demo.manager);
  await manager.goto(`/p/${KUZBASS.slug}/services`);
  await manager.getByRole('link', { name: 'Rooms and equipment' }).click();
  await expect(manager).toHaveURL(/\/services\/resources$/);
  await manager.getByRole('link', { name: ROOM }).click();
  await expect(manager).toHaveURL(/\/services\/resources\/[0-9a-f-]{36}$/);
  await manager.goto(`${new URL(manager.url()).pathname}?view=week&date=${day}`);
  const grid = manager.getByRole('region', { name: `Bookings of ${ROOM}` });
  const block = grid.getByRole('link', { name: new RegExp(`${from}–${to}`) });
  await expect(block).toBeVisible();
  await expect(manager.getByRole('table', { name: 'Bookings in this period' })).toContainText('Requested');
  await shot(manager, 'bookings-calendar-manager');
  await block.click();
  await expect(manager).toHaveURL(/\/services\/requests\/[0-9a-f-]{36}$/);
  await expect(manager.getByRole('heading', { name: `Request: ${ROOM_SERVICE.name}` })).toBeVisible();
  // A booking's request is delivered by its taking place, not by hand.
  await expect(manager.getByRole('form', { name: 'Mark as delivered' })).toHaveCount(0);
});

test('a booking that has taken place becomes a done service request, and the summary’s services support grows by (market − resident price) × hours', async ({ browser }) => {
  // The slot has to pass on the server's clock: the nearest 6-minute slot, then the scheduler's minute.
  test.setTimeout(20 * 60_000);
  const applicant = await (await browser.newContext()).newPage();
  const manager = await (await browser.newContext()).newPage();
  const lab = `Лаборатория ${crypto.randomBytes(2).toString('hex')}`;

  // The manager makes a room bookable round the clock in tenths of an hour.
  await signIn(manager, demo.manager);
  await manager.goto(`/p/${KUZBASS.slug}/services/resources`);
  await manager.waitForLoadState('networkidle');
  const add = manager.getByRole('form', { name: 'Make a resource bookable' });
  await add.getByLabel('Name').fill(lab);
  await add.getByLabel('Service and prices').selectOption({ label: ROOM_SERVICE.name });
  await add.getByLabel('Opens at').fill('00:00');
  await add.getByLabel('Closes at').fill('24:00');
  await add.getByLabel('Slot').selectOption('6');
  for (const d of ['Sat', 'Sun']) await add.getByRole('checkbox', { name: d }).check();
  await add.getByRole('button', { name: 'Make a resource bookable' }).click();
  await expect(manager.getByText('Resource added.')).toBeVisible();
  await expect(manager.getByRole('link', { name: lab })).toBeVisible();

  // The representative books the first 6-minute slot starting at least 90 seconds from now.
  const slot = 6 * 60_000;
  const start = new Date(Math.ceil((Date.now() + 90_000) / slot) * slot);
  const end = new Date(start.getTime() + slot);
  const { date, time: from } = parkClock(start);
  const to = parkClock(end).date === date ? parkClock(end).time : '24:00';
  await signIn(applicant, demo.applicant);
  await openBooking(applicant, lab);
  const form = applicant.getByRole('form', { name: 'Book a slot' });
  await form.getByLabel('Day').fill(date);
  await form.getByLabel('From').selectOption(from);
  await form.getByLabel('To').selectOption(to);
  await form.getByRole('button', { name: 'Book' }).click();
  await expect(applicant.getByText('Booked.')).toBeVisible();
  await applicant.goto(`${new URL(applicant.url()).pathname}?view=day&date=${date}`);
  await applicant.getByRole('table', { name: 'Bookings in this period' }).getByRole('link', { name: new RegExp(`${from}–`) }).click();
  await expect(applicant).toHaveURL(/\/my\/services\/[0-9a-f-]{36}$/);
  const details = applicant.getByRole('region', { name: 'Request', exact: true });
  await expect(details).toContainText('Requested');

  // Measured shortly before the slot ends, so that little else can change the park's figure meanwhile.
  const year = Number(date.slice(0, 4));
  await manager.waitForTimeout(Math.max(0, end.getTime() - Date.now() - 20_000));
  const before = await servicesSupportKopecks(manager, year);

  // Once it has ended, the scheduler (every minute) records it as done on the booking's day.
  await expect(async () => {
    await applicant.reload();
    await expect(details).toContainText('Done', { timeout: 1_000 });
  }).toPass({ timeout: end.getTime() - Date.now() + 4 * 60_000, intervals: [10_000] });
  await expect(details).toContainText('0.1');
  const after = await servicesSupportKopecks(manager, year);
  // (1500 − 500) ₽ × 0.1 hour = 100 ₽.
  expect(after - before).toBe(BigInt((ROOM_SERVICE.marketRub - ROOM_SERVICE.residentRub) / 10) * 100n);
});
