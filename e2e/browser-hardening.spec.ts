import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './fixtures';

/*
 * The browser-hardening headers on pages, file downloads and the API, and a Content-Security-Policy
 * the app's own pages live with: no script, chart or toast of ours is refused by it.
 */

function expectHardened(headers: Record<string, string>, kind: 'page' | 'api' | 'file') {
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  if (kind === 'page') expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  if (kind === 'api') expect(csp).toContain("default-src 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
}

/** Collects what the browser refused under the policy, and any script error, while `visit` runs. */
async function refusalsDuring(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const refused: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) refused.push(message.text());
  };
  const onError = (error: Error) => refused.push(`page error: ${error.message}`);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  await visit();
  page.off('console', onConsole);
  page.off('pageerror', onError);
  return refused;
}

test.describe('browser hardening', () => {
  test('the headers are on pages, downloads and the API', async ({ page }) => {
    const signInPage = await page.request.get('/sign-in');
    expectHardened(signInPage.headers(), 'page');
    await signIn(page, demo.manager);
    for (const [path, kind] of [
      ['/p/kuzbass/reports', 'page'],
      ['/p/kuzbass/residents/export', 'file'],
      ['/api/v1/parks', 'api'],
    ] as const) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(200);
      expectHardened(response.headers(), kind);
    }
  });

  test('the public pages run under the policy without a refusal', async ({ page }) => {
    const refused = await refusalsDuring(page, async () => {
      for (const path of ['/sign-in', '/sign-up']) {
        await page.goto(path);
        await expect(page.getByLabel('E-mail')).toBeVisible();
      }
    });
    expect(refused).toEqual([]);
  });

  test("the manager's reports, an indicator programme and a toast run under the policy without a refusal", async ({ page }) => {
    await signIn(page, demo.manager);
    const refused = await refusalsDuring(page, async () => {
      await page.goto('/p/kuzbass/reports');
      await expect(page.locator('.recharts-surface').first()).toBeVisible({ timeout: 30_000 });
      const programmes = (await (await page.request.get('/api/v1/parks/itc-tomsk/programmes')).json()) as { programmes: { key: string }[] };
      expect(programmes.programmes.length).toBeGreaterThan(0);
      await page.goto(`/p/itc-tomsk/reports/indicators/${encodeURIComponent(programmes.programmes[0].key)}`);
      await expect(page.locator('.recharts-surface').first()).toBeVisible({ timeout: 30_000 });
      await page.goto('/p/kuzbass/kpi/settings');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect(page.getByText('Saved.')).toBeVisible();
    });
    expect(refused).toEqual([]);
  });

  test("the analyst's comparison runs under the policy without a refusal", async ({ page }) => {
    await signIn(page, demo.analyst);
    const refused = await refusalsDuring(page, async () => {
      await page.goto('/compare');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('table').first()).toBeVisible();
    });
    expect(refused).toEqual([]);
  });
});
