import { describe, expect, it } from 'vitest';
import { compareNatural, sortNatural } from './natural-order';

describe('natural order of names', () => {
  it('puts numbers in numeric order, in Latin and Cyrillic names alike, without regard to case', () => {
    expect(['cell 10', 'cell 2', 'Cell 1', 'cell 21'].sort(compareNatural)).toEqual(['Cell 1', 'cell 2', 'cell 10', 'cell 21']);
    expect(['Корпус 10', 'Корпус 9', 'корпус 1'].sort(compareNatural)).toEqual(['корпус 1', 'Корпус 9', 'Корпус 10']);
  });

  it('sorts by the first name, then the next, leaving the input as it was', () => {
    const rows = [
      { building: 'B 10', name: '2' },
      { building: 'B 2', name: '10' },
      { building: 'B 2', name: '9' },
    ];
    expect(sortNatural(rows, (r) => r.building, (r) => r.name)).toEqual([
      { building: 'B 2', name: '9' },
      { building: 'B 2', name: '10' },
      { building: 'B 10', name: '2' },
    ]);
    expect(rows[0]).toEqual({ building: 'B 10', name: '2' });
  });
});
