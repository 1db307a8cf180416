import { describe, expect, it } from 'vitest';
import { isUuid } from './uuid';

describe('isUuid', () => {
  it('accepts the ids PostgreSQL generates, in either case', () => {
    expect(isUuid('0b9f7c2e-4d1a-4c3b-9e8f-1a2b3c4d5e6f')).toBe(true);
    expect(isUuid('0B9F7C2E-4D1A-4C3B-9E8F-1A2B3C4D5E6F')).toBe(true);
  });

  it('refuses what would make PostgreSQL fail the cast, and anything but a string', () => {
    for (const value of ['', 'not-a-uuid', '------------------------------------', '0b9f7c2e-4d1a-4c3b-9e8f-1a2b3c4d5e6', '0b9f7c2e4d1a4c3b9e8f1a2b3c4d5e6f00', "0b9f7c2e-4d1a-4c3b-9e8f-1a2b3c4d5e6f' OR '1'='1", null, undefined, 42]) {
      expect(isUuid(value), String(value)).toBe(false);
    }
  });
});
