/*
 * The reference ranges abroad (docs/reports.md, "Parks abroad"): how many parks a country
 * has, and per park the residents, the area and the years to fiscal payback. A park's profile is
 * placed against each range so an analyst sees at a glance where it stands.
 */

export type CountryCode = 'de' | 'fr' | 'fi' | 'cn' | 'ru';

/** An inclusive range; `approx` marks a single published figure ("about 20 thousand m²"), min = max. */
export interface ReferenceRange {
  min: number;
  max: number;
  approx?: boolean;
}

export interface CountryReference {
  country: CountryCode;
  parks: number;
  residentsPerPark: ReferenceRange;
  /** Thousand m² of premises per park. */
  areaPerParkThousandM2: ReferenceRange;
  /** Years to fiscal payback; null where the study gives none (most Russian parks had not broken even). */
  paybackYears: ReferenceRange | null;
}

export const REFERENCE_RANGES: readonly CountryReference[] = [
  { country: 'de', parks: 360, residentsPerPark: { min: 54, max: 1350 }, areaPerParkThousandM2: { min: 7.4, max: 80 }, paybackYears: { min: 10, max: 12 } },
  { country: 'fr', parks: 77, residentsPerPark: { min: 14, max: 510 }, areaPerParkThousandM2: { min: 7.1, max: 1100 }, paybackYears: { min: 10, max: 15 } },
  { country: 'fi', parks: 24, residentsPerPark: { min: 50, max: 350 }, areaPerParkThousandM2: { min: 20, max: 20, approx: true }, paybackYears: { min: 10, max: 12 } },
  { country: 'cn', parks: 83, residentsPerPark: { min: 40, max: 3600 }, areaPerParkThousandM2: { min: 10, max: 30 }, paybackYears: { min: 10, max: 12 } },
  { country: 'ru', parks: 125, residentsPerPark: { min: 4, max: 212 }, areaPerParkThousandM2: { min: 4.3, max: 353.1 }, paybackYears: null },
];

export type Placement = 'below' | 'within' | 'above';

/** Where a value falls against a range (bounds included); null when either is unknown. */
export function placeInRange(value: number | null, range: ReferenceRange | null): Placement | null {
  if (value === null || range === null || !Number.isFinite(value)) return null;
  if (value < range.min) return 'below';
  if (value > range.max) return 'above';
  return 'within';
}

export interface ParkProfile {
  /** Residents on the period's last day. */
  residents: number;
  /** Premises area available on the period's last day, thousand m². */
  areaThousandM2: number;
  /** Years from the founding year to the fiscal payback year; null when either is unknown or payback is not reached. */
  paybackYears: number | null;
}

/** A park's profile from its comparison figures (lib/reports/analytics/comparison.ts compareParks). */
export function parkProfile(park: {
  residentsAtEnd: number;
  area: { totalM2: string };
  foundedOn: string | null;
  paybackYear: number | null;
}): ParkProfile {
  const foundedYear = park.foundedOn ? Number(park.foundedOn.slice(0, 4)) : null;
  return {
    residents: park.residentsAtEnd,
    // Display arithmetic only: m² to thousand m², never summed back into a figure.
    areaThousandM2: Number(park.area.totalM2) / 1000,
    paybackYears: foundedYear !== null && park.paybackYear !== null ? park.paybackYear - foundedYear : null,
  };
}
