import { chromium } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
const base = 'http://localhost:3300';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
async function ctx(locale) {
  const c = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: locale === 'ru' ? 'ru-RU' : 'en-GB' });
  await c.addCookies([{ name: 'locale', value: locale, url: base }]);
  return c;
}
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
const email = 'applicant@technopark.demo', password = 'technopark-demo';
let c = await ctx('en');
let p = await c.newPage();
await p.goto(`${base}/sign-in`);
await p.getByLabel('E-mail').fill(email); await p.getByLabel('Password').fill(password);
await p.getByRole('button', { name: 'Sign in' }).click();
await p.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
await p.goto(`${base}/account/security`, { waitUntil: 'networkidle' });
await p.screenshot({ path: '/tmp/shots-a/security-enrol-en.png', fullPage: true });
const secret = (await p.locator('[data-totp-secret]').textContent()).trim();
const totp = new TOTP({ secret: Secret.fromBase32(secret) });
await p.getByLabel('Code from the app').fill(totp.generate());
await p.getByRole('button', { name: 'Turn on' }).click();
await p.getByRole('list', { name: 'Your recovery codes' }).waitFor();
await p.screenshot({ path: '/tmp/shots-a/security-codes-en.png', fullPage: true });
await p.goto(`${base}/account/security`, { waitUntil: 'networkidle' });
await p.screenshot({ path: '/tmp/shots-a/security-on-en.png', fullPage: true });
await c.close();
for (const locale of ['en', 'ru']) {
  c = await ctx(locale); p = await c.newPage();
  await p.goto(`${base}/sign-in`);
  await p.getByLabel(/E-mail/).fill(email); await p.getByLabel(/Password|Пароль/).fill(password);
  await p.getByRole('button', { name: /Sign in|Войти/ }).click();
  await p.getByLabel(/^(Code|Код)$/).waitFor();
  await p.getByLabel(/^(Code|Код)$/).fill('000000');
  await p.getByRole('button', { name: /Verify|Проверить/ }).click();
  await wait(1500);
  await p.screenshot({ path: `/tmp/shots-a/sign-in-2fa-${locale}.png`, fullPage: true });
  await p.goto(`${base}/forgot-password`, { waitUntil: 'networkidle' });
  await p.screenshot({ path: `/tmp/shots-a/forgot-${locale}.png`, fullPage: true });
  await p.getByLabel(/E-mail/).fill('someone@example.com');
  await p.getByRole('button').filter({ hasText: /Send|Отправить/ }).click();
  await wait(1500);
  await p.screenshot({ path: `/tmp/shots-a/forgot-sent-${locale}.png`, fullPage: true });
  await p.goto(`${base}/reset-password?token=nonsense-token-of-some-length`, { waitUntil: 'networkidle' });
  await p.screenshot({ path: `/tmp/shots-a/reset-invalid-${locale}.png`, fullPage: true });
  await c.close();
}
await browser.close();
