import { describe, expect, it } from 'vitest';
import { firstValue, searchValues } from './search-params';

describe('search parameters', () => {
  it('read the first value of a repeated parameter', () => {
    expect(firstValue(['2016', '2010'])).toBe('2016');
    expect(firstValue('x')).toBe('x');
    expect(firstValue('')).toBe('');
    expect(firstValue(undefined)).toBeUndefined();
  });

  it('drop the empty ones, from a page’s searchParams and from a URL alike', () => {
    const expected = { status: 'all', kind: 'land_tax' };
    expect(searchValues({ q: '', status: 'all', kind: ['land_tax', 'other'], sort: undefined })).toEqual(expected);
    expect(searchValues(new URLSearchParams('q=&status=all&kind=land_tax&kind=other'))).toEqual(expected);
  });
});
