/*
 * The demo data sets, in the public data-set format. Deterministic: a seeded generator, no clock, no
 * Math.random, so every run gives the same JSON (kuzbass.ts says which published figures the Kuzbass
 * one reproduces).
 */
export { kuzbassDataset } from './kuzbass';
export { tomskDataset } from './tomsk';
