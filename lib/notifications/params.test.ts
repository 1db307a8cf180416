import { describe, expect, it } from 'vitest';
import { displayParams } from './params';

describe('notification parameters', () => {
  it('writes calendar dates the reader’s way and leaves everything else alone', () => {
    const params = { title: 'Sensors 2030-01-10 line', due: '2031-01-10', count: 3, validTo: '2030-03-01' };
    expect(displayParams(params, 'en')).toEqual({ title: 'Sensors 2030-01-10 line', due: '10 Jan 2031', count: 3, validTo: '1 Mar 2030' });
    expect(displayParams(params, 'ru')).toMatchObject({ due: '10.01.2031', validTo: '01.03.2030' });
  });
});
