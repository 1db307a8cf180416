/*
 * The demo generator's building blocks: a seeded random source (never Math.random, never the clock, so
 * every run gives the same data set), calendar arithmetic on ISO dates, and exact kopeck amounts.
 */

import { addDays } from '@/lib/dates';

export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A float in [min, max). */
  between(min: number, max: number): number;
};

/** mulberry32: small, fast and the same on every platform. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    between: (min, max) => min + next() * (max - min),
  };
}

export const DAY_MS = 86_400_000;

function toTime(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

export function randomDate(random: Random, from: string, to: string): string {
  return addDays(from, random.int(0, Math.round((toTime(to) - toTime(from)) / DAY_MS)));
}

export function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Rubles as a kopeck bigint. */
export const rub = (roubles: number | bigint) => BigInt(roubles) * 100n;
export const millions = (m: number) => rub(Math.round(m * 1_000_000));

export function amount(kopecks: bigint): string {
  return `${kopecks / 100n}.${pad(Number(kopecks % 100n), 2)}`;
}

/** Splits `total` into parts proportional to `weights`, exactly (the parts sum to total). */
export function allocate(total: bigint, weights: readonly number[]): bigint[] {
  const scaled = weights.map((weight) => BigInt(Math.max(1, Math.round(weight * 1_000_000))));
  const sum = scaled.reduce((a, b) => a + b, 0n);
  const parts = scaled.map((weight) => (total * weight) / sum);
  let rest = total - parts.reduce((a, b) => a + b, 0n);
  for (let i = 0; rest > 0n; i = (i + 1) % parts.length) {
    parts[i] += 1n;
    rest -= 1n;
  }
  return parts;
}

/** Like allocate, but no part exceeds its cap (capital investment within investment). */
export function allocateCapped(total: bigint, weights: readonly number[], caps: readonly bigint[]): bigint[] {
  if (caps.reduce((a, b) => a + b, 0n) < total) throw new Error('allocateCapped: caps below total');
  const parts = caps.map(() => 0n);
  let open = weights.map((_, i) => i);
  let remaining = total;
  for (;;) {
    const shares = allocate(
      remaining,
      open.map((i) => weights[i]),
    );
    const over = open.filter((i, n) => shares[n] > caps[i]);
    if (over.length === 0) {
      open.forEach((i, n) => (parts[i] = shares[n]));
      return parts;
    }
    for (const i of over) {
      parts[i] = caps[i];
      remaining -= caps[i];
    }
    open = open.filter((i) => !over.includes(i));
  }
}
