import { describe, expect, it } from 'vitest';
import { messagesFor } from '@/lib/i18n/messages';
import { locales } from '@/lib/i18n/locales';
import { sectionAbove } from './refusal';

// The words of the 404 and error pages (app/_components/refusal.tsx), under `common`.
const KEYS = ['notFoundTitle', 'notFoundText', 'errorTitle', 'errorText', 'errorReference', 'tryAgain', 'home', 'upOneLevel'];

describe('the 404 and error pages', () => {
  it('are worded in every language, each in its own', () => {
    const worded = locales.map((locale) => {
      const common = messagesFor(locale).common as Record<string, unknown>;
      for (const key of KEYS) expect(common[key], `${locale} common.${key}`).toEqual(expect.stringMatching(/\S/));
      return KEYS.map((key) => common[key]);
    });
    expect(worded[0]).not.toEqual(worded[1]);
    expect(messagesFor('ru').common).toMatchObject({ notFoundTitle: 'Не найдено', home: 'Главная' });
  });

  it('lead up to the section the address belongs to, never to a bare /p', () => {
    expect(sectionAbove('/p/kuzbass/applications/not-a-uuid')).toBe('/p/kuzbass/applications');
    expect(sectionAbove('/p/kuzbass/council/0b9f7c2e-4d1a-4c3b-9e8f-1a2b3c4d5e6f/minutes')).toBe('/p/kuzbass/council/0b9f7c2e-4d1a-4c3b-9e8f-1a2b3c4d5e6f');
    expect(sectionAbove('/my/companies/x/')).toBe('/my/companies');
    expect(sectionAbove('/p/nowhere')).toBeNull();
    expect(sectionAbove('/nowhere')).toBeNull();
    expect(sectionAbove('/')).toBeNull();
  });
});
