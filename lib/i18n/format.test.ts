import { describe, expect, it } from 'vitest';
import { formatAmount, formatRub } from './format';

// Intl writes a narrow no-break space between groups in Russian; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money formatting', () => {
  it('writes roubles with kopecks in each language', () => {
    expect(plain(formatRub('4500000', 'en'))).toBe('RUB 4,500,000.00');
    expect(plain(formatRub('4500000.5', 'ru'))).toBe('4 500 000,50 ₽');
    expect(formatRub(null, 'en')).toBe('—');
  });

  it('writes amounts under a roubles column without the unit, kopecks only when there are any', () => {
    expect(formatAmount('9000000.00', 'en')).toBe('9,000,000');
    expect(plain(formatAmount('12500.5', 'ru'))).toBe('12 500,50');
    expect(formatAmount('0', 'en')).toBe('0');
    expect(formatAmount('', 'ru')).toBe('—');
  });
});
