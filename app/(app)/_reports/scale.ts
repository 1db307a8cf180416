/** The unit a money chart is drawn in, chosen from its largest value so the axis reads 2.6, not 2 600 000 000. */
export type MoneyUnit = 'bn' | 'M' | 'thousand' | 'rub';

const DIVISOR: Record<MoneyUnit, number> = { bn: 1e9, M: 1e6, thousand: 1e3, rub: 1 };

export function moneyUnit(values: readonly string[]): MoneyUnit {
  const max = Math.max(0, ...values.map((v) => Math.abs(Number(v))));
  return max >= 1e9 ? 'bn' : max >= 1e6 ? 'M' : max >= 1e4 ? 'thousand' : 'rub';
}

/** An exact decimal string as a number in the chart's unit: for drawing only, never summed into a figure. */
export function inUnit(value: string, unit: MoneyUnit): number {
  return Number(value) / DIVISOR[unit];
}
