import { describe, expect, it } from 'vitest';
import { dateFormat, formatAmount, formatDateTime, formatMoment, formatQuantity, formatRub, formatTime, numberFormat, plainQuantity } from './format';

// Intl writes a narrow no-break space between groups in Russian; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money formatting', () => {
  it('writes roubles with kopecks in each language', () => {
    expect(plain(formatRub('4500000', 'en'))).toBe('RUB 4,500,000.00');
    expect(plain(formatRub('4500000.5', 'ru'))).toBe('4 500 000,50 ₽');
    expect(formatRub(null, 'en')).toBe('—');
  });

  it('compact amounts keep at least three significant figures', () => {
    expect(formatRub('1021000000', 'en', { compact: true })).toBe('1.02 bn RUB');
    expect(plain(formatRub('1021000000', 'ru', { compact: true }))).toBe('1,02 млрд ₽');
    expect(formatRub('25430000', 'en', { compact: true })).toBe('25.4 M RUB');
    expect(formatRub('920300000', 'en', { compact: true })).toBe('920.3 M RUB');
    expect(formatRub('1234560000000', 'en', { compact: true })).toBe('1,234.6 bn RUB');
    expect(formatRub('1000000000', 'en', { compact: true })).toBe('1 bn RUB');
  });

  it('writes amounts under a roubles column without the unit, kopecks only when there are any', () => {
    expect(formatAmount('9000000.00', 'en')).toBe('9,000,000');
    expect(plain(formatAmount('12500.5', 'ru'))).toBe('12 500,50');
    expect(formatAmount('0', 'en')).toBe('0');
    expect(formatAmount('', 'ru')).toBe('—');
  });

  it('writes quantities without trailing zeros, so 1.5 h and 2 h read alike', () => {
    expect(formatQuantity('1.50', 'en')).toBe('1.5');
    expect(formatQuantity('2.00', 'en')).toBe('2');
    expect(formatQuantity('0.25', 'ru')).toBe('0,25');
    expect(plain(formatQuantity('1200.00', 'ru'))).toBe('1 200');
    expect(plainQuantity('1.50')).toBe('1.5');
    expect(plainQuantity('2.00')).toBe('2');
    expect(plainQuantity('10')).toBe('10');
    expect(plainQuantity('0.05')).toBe('0.05');
  });
});

describe('moments', () => {
  it('a message names a moment the same in both languages, in the zone given, zone named', () => {
    expect(formatMoment(new Date('2026-03-01T11:05:00Z'), 'Europe/Moscow')).toBe('2026-03-01 14:05 GMT+3');
    expect(formatMoment('2025-12-31T21:00:00Z', 'Europe/Moscow')).toBe('2026-01-01 00:00 GMT+3');
    expect(formatMoment('2026-03-31T18:30:00Z', 'Asia/Tomsk')).toBe('2026-04-01 01:30 GMT+7');
  });

  it('a page writes it in the reader’s language, in the zone given, zone named', () => {
    expect(formatDateTime('2026-03-01T11:05:00Z', 'en', 'Europe/Moscow')).toBe('1 Mar 2026, 14:05 GMT+3');
    expect(formatDateTime('2026-03-31T18:30:00Z', 'en', 'Asia/Tomsk')).toBe('1 Apr 2026, 01:30 GMT+7');
    expect(plain(formatDateTime('2026-03-31T18:30:00Z', 'ru', 'Asia/Tomsk'))).toBe('1 апр. 2026 г., 01:30 GMT+7');
    expect(formatDateTime(null, 'en', 'Asia/Tomsk')).toBe('—');
  });

  it('a saved draft’s time of day is the server’s moment on the reader’s clock, never the browser’s', () => {
    expect(formatTime('2026-03-31T11:45:18Z', 'en', 'Asia/Novokuznetsk')).toBe('18:45:18 GMT+7');
    expect(formatTime('2026-03-31T11:45:18Z', 'ru', 'Europe/Moscow')).toBe('14:45:18 GMT+3');
  });
});

describe('exact amounts', () => {
  it('writes kopecks exactly however large the amount (a Number would round them)', () => {
    expect(plain(formatAmount('90071992547409.93', 'ru'))).toBe('90 071 992 547 409,93');
    expect(plain(formatRub('9999999999999999.99', 'en'))).toBe('RUB 9,999,999,999,999,999.99');
  });
});

describe('formatters', () => {
  it('are built once per locale and options and then reused', () => {
    expect(numberFormat('en-GB', { maximumFractionDigits: 2 })).toBe(numberFormat('en-GB', { maximumFractionDigits: 2 }));
    expect(numberFormat('en-GB', { maximumFractionDigits: 2 })).not.toBe(numberFormat('ru-RU', { maximumFractionDigits: 2 }));
    expect(numberFormat('en-GB', { maximumFractionDigits: 2 })).not.toBe(numberFormat('en-GB', { maximumFractionDigits: 1 }));
    expect(dateFormat('en-GB', { timeZone: 'UTC' })).toBe(dateFormat('en-GB', { timeZone: 'UTC' }));
  });
});
