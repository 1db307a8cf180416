import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, money, periodInOrder, requires } from './columns';
import { byUser, parkId } from './owners';
import { applications } from './applications';
import { companies } from './companies';
import { exitReason, incentiveKind, incentiveStatus, placement } from './enums';
import { premises } from './premises';

/**
 * A residency agreement. One company holds at most one residency in a park on any day
 * (an exclusion constraint in the migrations); an ended residency stays as history.
 */
export const residencies = pgTable(
  'residencies',
  {
    id: id(),
    parkId: parkId(),
    companyId: requires('company_id', () => companies.id),
    applicationId: uuid('application_id').references(() => applications.id),
    key: text('key'),
    agreementNumber: text('agreement_number'),
    agreementDate: date('agreement_date'),
    startOn: date('start_on').notNull(),
    /** Inclusive; null while open-ended. */
    endOn: date('end_on'),
    placement: placement('placement').notNull(),
    exitReason: exitReason('exit_reason'),
    exitNote: text('exit_note'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('residencies_park_key').on(t.parkId, t.key),
    index('residencies_park_start').on(t.parkId, t.startOn),
    index('residencies_company').on(t.companyId),
    // The dashboard's "approved, not yet admitted" looks residencies up by their application.
    index('residencies_application').on(t.applicationId),
    periodInOrder('residencies_period_order', t.startOn, t.endOn),
  ],
);

/**
 * A lease of one premises unit. Leases of a unit never overlap (exclusion constraint), and a
 * lease lies inside the unit's availability and an on-site residency (trigger), both in the migrations.
 */
export const leases = pgTable(
  'leases',
  {
    id: id(),
    parkId: parkId(),
    residencyId: requires('residency_id', () => residencies.id),
    companyId: requires('company_id', () => companies.id),
    premisesId: requires('premises_id', () => premises.id),
    key: text('key'),
    startOn: date('start_on').notNull(),
    endOn: date('end_on'),
    /** The resident's monthly rent per m² at signing; with the market rate, what the rent support is worth. */
    rateRubPerM2Month: money('rate_rub_per_m2_month'),
    /** The market's monthly rent per m² for such premises at signing. */
    marketRateRubPerM2Month: money('market_rate_rub_per_m2_month'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('leases_park_key').on(t.parkId, t.key),
    check('leases_rates_both', sql`(${t.rateRubPerM2Month} IS NULL) = (${t.marketRateRubPerM2Month} IS NULL)`),
    check('leases_rates_nonneg', sql`${t.rateRubPerM2Month} >= 0 AND ${t.marketRateRubPerM2Month} >= 0`),
    index('leases_park_start').on(t.parkId, t.startOn),
    index('leases_premises').on(t.premisesId),
    index('leases_residency').on(t.residencyId),
    index('leases_company').on(t.companyId),
    periodInOrder('leases_period_order', t.startOn, t.endOn),
  ],
);

export const taxIncentives = pgTable(
  'tax_incentives',
  {
    id: id(),
    parkId: parkId(),
    companyId: requires('company_id', () => companies.id),
    residencyId: uuid('residency_id').references(() => residencies.id),
    key: text('key'),
    kind: incentiveKind('kind').notNull(),
    legalBasis: text('legal_basis'),
    decisionNumber: text('decision_number'),
    grantedOn: date('granted_on').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    conditions: text('conditions'),
    status: incentiveStatus('status').notNull().default('active'),
    revokedOn: date('revoked_on'),
    revokeReason: text('revoke_reason'),
    createdBy: byUser('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('tax_incentives_park_key').on(t.parkId, t.key),
    index('tax_incentives_park_granted').on(t.parkId, t.grantedOn),
    index('tax_incentives_company').on(t.companyId),
    index('tax_incentives_residency').on(t.residencyId),
    periodInOrder('tax_incentives_validity_order', t.validFrom, t.validTo),
    check('tax_incentives_revocation', sql`(${t.status} = 'revoked') = (${t.revokedOn} IS NOT NULL)`),
  ],
);

export type Residency = typeof residencies.$inferSelect;
export type NewResidency = typeof residencies.$inferInsert;
export type Lease = typeof leases.$inferSelect;
export type TaxIncentive = typeof taxIncentives.$inferSelect;
