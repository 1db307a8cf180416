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

/**
 * The first slot of the demo room (08:00–21:00 every day, half-hour slots) that starts after `moment`,
 * when no booking holds it: the demo books none today, and this spec books weeks ahead.
 */
function firstBookable(moment: Date): { date: string; time: string } {
  const { date, time } = parkClock(moment);
  const [h, m] = time.split(':').map(Number);
  const next = Math.max(8 * 60, Math.floor((h * 60 + m) / 30) * 30 + 30);
  return next > 20 * 60 + 30 ? { date: addDays(date, 1), time: '08:00' } : { date, time: `${String(Math.floor(next / 60)).padStart(2, '0')}:${String(next % 60).padStart(2, '0')}` };
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
  const opened = firstBookable(new Date());
  await openBooking(applicant, ROOM);
  const form = applicant.getByRole('form', { name: 'Book a slot' });
  // The form offers the first slot still to come: today's next half hour, or tomorrow's opening once today's last slot has begun.
  expect([opened, firstBookable(new Date())].map((f) => f.date)).toContain(await form.getByLabel('Day').inputValue());
  expect([opened, firstBookable(new Date())].map((f) => f.time)).toContain(await form.getByLabel('From').inputValue());
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
