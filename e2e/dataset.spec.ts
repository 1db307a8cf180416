import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { demo, KUZBASS, signIn, signUpApplicant, TOMSK, unique } from './fixtures';

test.describe('the park data set in the browser', () => {
  test('a manager downloads the park’s data set from the park settings; an admin any park’s from Parks; an applicant gets nothing', async ({ browser }) => {
    const manager = await (await browser.newContext()).newPage();
    await signIn(manager, demo.manager);
    await manager.goto(`/p/${KUZBASS.slug}/settings`);
    const card = manager.getByRole('region', { name: 'The park’s data set' });
    const [download] = await Promise.all([manager.waitForEvent('download'), card.getByRole('link', { name: 'Download (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kuzbass-dataset-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    expect(data).toMatchObject({ format: 'technopark-dataset/1', park: { slug: KUZBASS.slug, name: KUZBASS.name } });
    // The demo's Kuzbass data set: 257 companies of its own, and the live applicants' companies.
    expect(data.companies.length).toBeGreaterThanOrEqual(257);

    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, demo.admin);
    await admin.goto('/admin/parks');
    const [tomsk] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: `Download the data set of ${TOMSK.name} (JSON)` }).click()]);
    expect(JSON.parse(fs.readFileSync(await tomsk.path(), 'utf8')).park.slug).toBe(TOMSK.slug);

    const applicant = await (await browser.newContext()).newPage();
    await signUpApplicant(applicant);
    expect((await applicant.request.get(`/p/${KUZBASS.slug}/dataset`)).status()).toBe(404);
  });

  test('an admin importing a larger file sees how much of it has been sent, then that the server is checking it', async ({ page }) => {
    test.setTimeout(120_000);
    const slug = `e2e-progress-${unique('p').split(' ')[1]}`;
    const companies = Array.from({ length: 3000 }, (_, i) => ({ key: `c${i}`, name: `ООО «Компания ${i}»`, inn: null, smeCategory: 'small', industry: 'Приборостроение', manufacturing: true }));
    const dataset = {
      format: 'technopark-dataset/1',
      park: { slug, name: `Progress park ${slug}`, region: 'Томская область', type: 'high_tech', landAreaHa: null, foundedOn: null },
      buildings: [],
      premises: [],
      companies,
      applications: [],
      residencies: [],
      leases: [],
      taxIncentives: [],
      kpiReports: [],
      budgetFunding: [],
      programmes: [],
    };
    await signIn(page, demo.admin);
    await page.goto('/admin/import');
    await page.waitForLoadState('networkidle');
    // A slow connection (40 kB/s up), so the upload takes a few seconds.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 40 * 1024 });
    await page.getByLabel('Data set file (.json)').setInputFiles({ name: `${slug}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dataset)) });
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(page.getByRole('progressbar', { name: /Sending the file: \d+% \([\d.]+ of [\d.]+ MB\)/ })).toBeVisible();
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const preview = page.getByRole('table', { name: `What the import would do in park “${slug}”` });
    await expect(preview).toBeVisible({ timeout: 60_000 });
    await expect(preview.getByRole('row', { name: /^Companies/ })).toHaveText(/Companies\s*3000\s*0\s*0/);
    await expect(page.getByRole('progressbar')).toHaveCount(0);
  });
});
