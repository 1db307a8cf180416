import fs from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The Chromium the browser tests, screenshots and the page bench launch: Playwright's own where it is
 * installed (undefined: Playwright finds it), Debian's otherwise (Playwright cannot download its own
 * everywhere).
 * @returns {string | undefined}
 */
export function chromiumExecutable() {
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (fs.existsSync(candidate)) return candidate;
  return undefined;
}
