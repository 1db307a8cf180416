import { firstValue, type SearchParams } from '@/app/_server/search-params';
import type { ParkComparison } from '@/lib/reports/analytics/comparison';
import { toKopecks } from '@/lib/reports/money';

export const COMPARE_SORTS = [
  'name',
  'residentsSupported',
  'residentsAtEnd',
  'smeResidentsAtEnd',
  'areaUsePct',
  'jobsCreated',
  'incomeRub',
  'taxesPaidRub',
  'taxesPerBudgetRub',
  'paybackYear',
] as const;
export type CompareSort = (typeof COMPARE_SORTS)[number];
export type SortDir = 'asc' | 'desc';


/** `?sort=&dir=`; anything unknown sorts by name, ascending. */
export function readSort(search: SearchParams): { sort: CompareSort; dir: SortDir } {
  const sort = firstValue(search.sort);
  const known = (COMPARE_SORTS as readonly string[]).includes(sort ?? '');
  return { sort: known ? (sort as CompareSort) : 'name', dir: firstValue(search.dir) === 'desc' ? 'desc' : 'asc' };
}

/** The sort key of a park; money compared exactly in kopecks; null (no funding, no payback) sorts last either way. */
function keyOf(p: ParkComparison, sort: CompareSort): string | number | bigint | null {
  switch (sort) {
    case 'name':
      return p.name;
    case 'areaUsePct':
      return p.area.usePct;
    case 'incomeRub':
      return toKopecks(p.incomeRub);
    case 'taxesPaidRub':
      return toKopecks(p.taxesPaidRub);
    default:
      return p[sort];
  }
}

export function sortParks(parks: readonly ParkComparison[], sort: CompareSort, dir: SortDir, locale: string): ParkComparison[] {
  const collator = new Intl.Collator(locale);
  const sign = dir === 'desc' ? -1 : 1;
  return [...parks].sort((a, b) => {
    const x = keyOf(a, sort);
    const y = keyOf(b, sort);
    if (x === null || y === null) return x === y ? collator.compare(a.name, b.name) : x === null ? 1 : -1;
    const order = typeof x === 'string' && typeof y === 'string' ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
    return order === 0 ? collator.compare(a.name, b.name) : sign * order;
  });
}
