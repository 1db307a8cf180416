import { describe, expect, it } from 'vitest';
import { innSchema, isValidInn, isValidOgrn, ogrnSchema } from './inn';

/*
 * The valid numbers were checked by hand with the published algorithm, e.g.
 * 7707083893: 7·2 + 7·4 + 0·10 + 7·3 + 0·5 + 8·9 + 3·4 + 8·6 + 9·8 = 267;
 * 267 mod 11 = 3, mod 10 = 3 = the last digit.
 * 1027700132195: 102770013219 mod 11 = 5 = the last digit.
 */

describe('isValidInn', () => {
  it.each([
    ['7707083893', 'legal entity'],
    ['7736207543', 'legal entity'],
    ['7830002293', 'legal entity'],
    ['7707083830', 'legal entity whose sum mod 11 is 10, so the check digit is 0'],
    ['500100732259', 'individual'],
    ['773173084809', 'individual'],
  ])('accepts %s (%s)', (inn) => {
    expect(isValidInn(inn)).toBe(true);
  });

  it.each([
    ['7707083894', 'wrong check digit'],
    ['7707083839', 'check digit 9 where the remainder 10 gives 0'],
    ['500100732258', 'wrong second check digit'],
    ['500100732159', 'wrong first check digit'],
    ['770708389', 'nine digits'],
    ['77070838931', 'eleven digits'],
    ['7707083893000', 'thirteen digits'],
    ['', 'empty'],
    ['77O7083893', 'a letter O for a zero'],
    ['7707 083893', 'a space inside'],
    [' 7707083893', 'a leading space'],
    ['-707083893', 'a sign'],
    ['７７０７０８３８９３', 'full-width digits'],
  ])('rejects %j (%s)', (inn) => {
    expect(isValidInn(inn)).toBe(false);
  });
});

describe('isValidOgrn', () => {
  it.each([
    ['1027700132195', 'OGRN'],
    ['1027700229193', 'OGRN'],
    ['1024200702360', 'OGRN'],
    ['1027700132130', 'OGRN whose remainder is 10, so the check digit is 0'],
    ['304500116000157', 'OGRNIP'],
    ['304500116000202', 'OGRNIP whose remainder mod 13 is 12, so the check digit is 2'],
  ])('accepts %s (%s)', (ogrn) => {
    expect(isValidOgrn(ogrn)).toBe(true);
  });

  it.each([
    ['1027700132196', 'wrong check digit'],
    ['304500116000158', 'wrong OGRNIP check digit'],
    ['304500116000212', 'check digit computed mod 11 as for an OGRN'],
    ['102770013219', 'twelve digits'],
    ['10277001321950', 'fourteen digits'],
    ['1027700132195X', 'a letter'],
    ['1O27700132195', 'a letter O for a zero'],
    ['', 'empty'],
  ])('rejects %j (%s)', (ogrn) => {
    expect(isValidOgrn(ogrn)).toBe(false);
  });
});

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe('innSchema', () => {
  it('accepts a valid INN and trims it', () => {
    expect(innSchema.parse(' 7707083893 ')).toBe('7707083893');
    expect(innSchema.parse('500100732259')).toBe('500100732259');
  });

  it('reports a wrong length once, with a clear message', () => {
    expect(messages(innSchema.safeParse('12345'))).toEqual([
      'INN must be 10 digits (organisation) or 12 digits (individual)',
    ]);
    expect(messages(innSchema.safeParse('77070838ab'))).toEqual([
      'INN must be 10 digits (organisation) or 12 digits (individual)',
    ]);
  });

  it('reports wrong check digits', () => {
    expect(messages(innSchema.safeParse('7707083894'))).toEqual(['INN check digits do not match: please check the number']);
  });

  it('rejects what is not a string', () => {
    expect(innSchema.safeParse(7707083893).success).toBe(false);
  });

  it('composes as nullable for optional INNs', () => {
    expect(innSchema.nullable().parse(null)).toBeNull();
  });
});

describe('ogrnSchema', () => {
  it('accepts OGRN and OGRNIP', () => {
    expect(ogrnSchema.parse('1027700132195')).toBe('1027700132195');
    expect(ogrnSchema.parse('304500116000157 ')).toBe('304500116000157');
  });

  it('reports a wrong length once', () => {
    expect(messages(ogrnSchema.safeParse('10277001321950'))).toEqual([
      'OGRN must be 13 digits (organisation) or OGRNIP 15 digits (sole proprietor)',
    ]);
  });

  it('reports a wrong check digit', () => {
    expect(messages(ogrnSchema.safeParse('1027700132196'))).toEqual([
      'OGRN check digit does not match: please check the number',
    ]);
  });
});
