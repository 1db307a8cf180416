#!/usr/bin/env node
/**
 * Screenshots of running pages, to look at what we build:
 *   node scripts/shot.mjs --as manager --locale ru /p/kuzbass /tmp/dashboard.png [/path2 /tmp/out2.png …]
 * Signs in as a demo account (manager, expert, analyst, applicant, admin; or --email/--password),
 * against BASE_URL (default http://localhost:3000), in Debian's chromium unless Playwright's own exists.
 */
import { chromium } from '@playwright/test';
import { chromiumExecutable } from './chromium-executable.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const as = opt('as', null);
const email = opt('email', as ? `${as}@technopark.demo` : null);
const password = opt('password', 'technopark-demo');
const locale = opt('locale', 'en');
const width = Number(opt('width', '1366'));
const theme = opt('theme', 'light');
const base = process.env.BASE_URL ?? 'http://localhost:3000';
if (args.length < 2 || args.length % 2) {
  console.error('usage: node scripts/shot.mjs [--as ROLE | --email E --password P] [--locale en|ru] [--theme light|dark] PATH OUT.png [PATH OUT.png …]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme, locale: locale === 'ru' ? 'ru-RU' : 'en-GB' });
await context.addCookies([{ name: 'locale', value: locale, url: base }]);
const page = await context.newPage();
if (email) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/password|пароль/i).fill(password);
  await page.getByRole('button', { name: /sign in|войти/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 30_000 });
  // The account's stored language wins over the cookie: choose it in the account menu, which stores it.
  if ((await page.locator('html').getAttribute('lang')) !== locale) {
    await page.getByRole('button', { name: /^(account|учётная запись)/i }).click();
    await page.getByRole('menuitemradio', { name: locale === 'ru' ? 'Русский' : 'English' }).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, locale, { timeout: 15_000 }).catch(() => {});
  }
}
for (let i = 0; i < args.length; i += 2) {
  await page.goto(`${base}${args[i]}`, { waitUntil: 'networkidle' });
  // Charts animate in after the data arrive: let them finish drawing.
  if (await page.locator('.recharts-surface').count()) await page.waitForTimeout(1500);
  await page.screenshot({ path: args[i + 1], fullPage: true });
  console.log(`${args[i]} → ${args[i + 1]}`);
}
await browser.close();
