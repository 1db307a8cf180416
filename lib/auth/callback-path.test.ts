import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './callback-path';

describe('safeCallbackPath', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeCallbackPath('/p/kuzbass/kpi?year=2024#top')).toBe('/p/kuzbass/kpi?year=2024#top');
    expect(safeCallbackPath('/my/applications/1b4e28ba-2fa1-11d2-883f-0016d3cca427')).toBe('/my/applications/1b4e28ba-2fa1-11d2-883f-0016d3cca427');
    expect(safeCallbackPath('/p/../admin')).toBe('/admin');
  });

  it('refuses anything that could lead off the site, loop back to sign-in, or is not a path', () => {
    for (const bad of [
      'https://evil.example/p',
      '//evil.example/p',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/p\u0000x',
      '/p\nx',
      'p/kuzbass',
      '',
      '/sign-in?callbackUrl=/x',
      '/sign-up',
      '/api/auth/signout',
      'x'.repeat(3000),
      ['/p'],
      undefined,
    ])
      expect(safeCallbackPath(bad), String(bad)).toBeNull();
    // Encoded characters stay encoded: a path, not a header.
    expect(safeCallbackPath('/%0d%0aSet-Cookie:x')).toBe('/%0d%0aSet-Cookie:x');
  });
});
