/**
 * The order people expect for names with numbers in them: "cell 2" before "cell 10", "Корпус 9" before
 * "Корпус 10", letters compared without regard to case. PostgreSQL's default collation compares digit by
 * digit, and the embedded database has no ICU collations, so lists of names are put in this order here.
 */
const collator = new Intl.Collator(['ru', 'en'], { numeric: true, sensitivity: 'base' });

export const compareNatural = (a: string, b: string): number => collator.compare(a, b);

/** Sorts rows by one or more names, in natural order; a copy, the input is left as it was. */
export function sortNatural<T>(rows: readonly T[], ...keys: ((row: T) => string)[]): T[] {
  return [...rows].sort((x, y) => {
    for (const key of keys) {
      const order = compareNatural(key(x), key(y));
      if (order !== 0) return order;
    }
    return 0;
  });
}
