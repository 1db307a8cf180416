import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './fixtures';

/**
 * Each role's pages, checked with axe against WCAG 2.1 A and AA: no serious or critical violation.
 * Colour contrast is checked in the light theme the pages open in.
 */
async function violations(page: Page, path: string) {
  await page.goto(path, { waitUntil: 'networkidle' });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The first link on a list page whose address matches, to check a detail page the demo holds. */
async function firstLink(page: Page, list: string, href: RegExp): Promise<string> {
  await page.goto(list);
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.find((h) => href.test(h));
  expect(found, `a link like ${href} on ${list}`).toBeTruthy();
  return found!;
}

type Detail = [list: string, href: RegExp];

const ROLES: { email: string; pages: string[]; details: Detail[] }[] = [
  {
    email: demo.manager,
    pages: [
      '/p/kuzbass',
      '/p/kuzbass/applications',
      '/p/kuzbass/council',
      '/p/kuzbass/residents',
      '/p/kuzbass/premises',
      '/p/kuzbass/services',
      '/p/kuzbass/services?view=overdue',
      '/p/kuzbass/services/catalogue',
      // Bookings (issue 16)
      '/p/kuzbass/services/resources',
      '/p/kuzbass/incentives',
      '/p/kuzbass/kpi',
      '/p/kuzbass/budget',
      '/p/kuzbass/programmes',
      '/p/kuzbass/reports',
      '/p/kuzbass/settings',
      '/notifications',
    ],
    details: [
      ['/p/kuzbass/applications?status=in_review', /^\/p\/kuzbass\/applications\/[0-9a-f-]{36}$/],
      ['/p/kuzbass/council', /^\/p\/kuzbass\/council\/[0-9a-f-]{36}$/],
      ['/p/kuzbass/council', /^\/p\/kuzbass\/council\/[0-9a-f-]{36}\/minutes$/],
      ['/p/kuzbass/residents', /^\/p\/kuzbass\/residents\/[0-9a-f-]{36}$/],
      ['/p/kuzbass/premises', /^\/p\/kuzbass\/premises\/units\/[0-9a-f-]{36}$/],
      ['/p/kuzbass/services', /^\/p\/kuzbass\/services\/requests\/[0-9a-f-]{36}$/],
      // Bookings (issue 16): a resource's calendar
      ['/p/kuzbass/services/resources', /^\/p\/kuzbass\/services\/resources\/[0-9a-f-]{36}$/],
    ],
  },
  { email: demo.expert, pages: ['/p/kuzbass/reviews'], details: [['/p/kuzbass/reviews', /^\/p\/kuzbass\/reviews\/[0-9a-f-]{36}$/]] },
  {
    email: demo.applicant,
    pages: ['/my', '/my/applications', '/my/applications/new', '/my/applications/new?step=6', '/my/companies', '/my/companies/new', '/my/services', '/my/services/new', '/my/services/book', '/account/security', '/account/time-zone'],
    details: [
      ['/my/applications', /^\/my\/applications\/[0-9a-f-]{36}$/],
      ['/my/services', /^\/my\/services\/[0-9a-f-]{36}$/],
      // Bookings (issue 16): a resource's calendar with the booking form
      ['/my/services/book', /^\/my\/services\/book\/[0-9a-f-]{36}$/],
    ],
  },
  { email: demo.analyst, pages: ['/compare'], details: [] },
  {
    email: demo.admin,
    pages: ['/admin', '/admin/parks', '/admin/users', '/admin/audit', '/admin/audit?action=user.create', '/admin/audit?from=2026-03-04&to=2026-03-01', '/admin/outbox', '/p/kuzbass/settings'],
    details: [['/admin/users', /^\/admin\/users\/[0-9a-f-]{36}$/]],
  },
];

test('the sign-in, sign-up and password reset pages have no serious accessibility violations', async ({ page }) => {
  const found: string[] = [];
  for (const path of ['/sign-in', '/sign-up', '/forgot-password', '/reset-password?token=no-such-link']) found.push(...(await violations(page, path)));
  expect(found).toEqual([]);
});

for (const { email, pages, details } of ROLES) {
  test(`${email.split('@')[0]}’s pages have no serious accessibility violations`, async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, email);
    const found: string[] = [];
    for (const path of pages) found.push(...(await violations(page, path)));
    for (const [list, href] of details) found.push(...(await violations(page, await firstLink(page, list, href))));
    expect(found).toEqual([]);
  });
}
