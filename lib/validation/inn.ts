import { z } from 'zod';

/*
 * Russian taxpayer (INN) and state registration (OGRN, OGRNIP) numbers.
 * Only the check digits are verified: whether a number was actually issued
 * is a question for the tax service's register.
 */

const INN_10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** Σ digit × weight over the leading digits, mod 11, mod 10. */
function checkDigit(digits: string, weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += Number(digits[i]) * weight;
  });
  return (sum % 11) % 10;
}

/**
 * A 10-digit INN of a legal entity (one check digit) or a 12-digit INN of
 * an individual or sole proprietor (two check digits). Digits only: no
 * spaces, no separators.
 */
export function isValidInn(s: string): boolean {
  if (/^\d{10}$/.test(s)) return checkDigit(s, INN_10_WEIGHTS) === Number(s[9]);
  if (/^\d{12}$/.test(s)) {
    return checkDigit(s, INN_12_WEIGHTS_11) === Number(s[10]) && checkDigit(s, INN_12_WEIGHTS_12) === Number(s[11]);
  }
  return false;
}

/**
 * A 13-digit OGRN of a legal entity (the first 12 digits as a number mod 11,
 * mod 10, is the 13th) or a 15-digit OGRNIP of a sole proprietor (the first
 * 14 mod 13, mod 10, is the 15th). BigInt because 14 digits exceed what a
 * double holds exactly.
 */
export function isValidOgrn(s: string): boolean {
  if (/^\d{13}$/.test(s)) return (BigInt(s.slice(0, 12)) % 11n) % 10n === BigInt(s[12]);
  if (/^\d{15}$/.test(s)) return (BigInt(s.slice(0, 14)) % 13n) % 10n === BigInt(s[14]);
  return false;
}

/** An INN as typed in a form or a data set; surrounding spaces are dropped. */
export const innSchema = z
  .string()
  .trim()
  .regex(/^(\d{10}|\d{12})$/, { error: 'INN must be 10 digits (organisation) or 12 digits (individual)', abort: true })
  .refine(isValidInn, { error: 'INN check digits do not match: please check the number' });

/** An OGRN (13 digits) or OGRNIP (15 digits); surrounding spaces are dropped. */
export const ogrnSchema = z
  .string()
  .trim()
  .regex(/^(\d{13}|\d{15})$/, { error: 'OGRN must be 13 digits (organisation) or OGRNIP 15 digits (sole proprietor)', abort: true })
  .refine(isValidOgrn, { error: 'OGRN check digit does not match: please check the number' });
