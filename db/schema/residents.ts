import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { companies } from './companies';
import { exitReason, incentiveKind, incentiveStatus, placement } from './enums';
import { parks } from './parks';
import { premises } from './premises';
import { users } from './users';

/**
 * A residency agreement. One company holds at most one residency in a park on any day
 * (an exclusion constraint in the migrations); an ended residency stays as history.
 */
export const residencies = pgTable(
  'residencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('residencies_park_key').on(t.parkId, t.key),
    index('residencies_park_start').on(t.parkId, t.startOn),
    index('residencies_company').on(t.companyId),
    check('residencies_period_order', sql`${t.endOn} IS NULL OR ${t.endOn} >= ${t.startOn}`),
  ],
);

/**
 * A lease of one premises unit. Leases of a unit never overlap (exclusion constraint), and a
 * lease lies inside the unit's availability and an on-site residency (trigger), both in the migrations.
 */
export const leases = pgTable(
  'leases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    residencyId: uuid('residency_id')
      .notNull()
      .references(() => residencies.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    premisesId: uuid('premises_id')
      .notNull()
      .references(() => premises.id),
    key: text('key'),
    startOn: date('start_on').notNull(),
    endOn: date('end_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('leases_park_key').on(t.parkId, t.key),
    index('leases_park_start').on(t.parkId, t.startOn),
    index('leases_premises').on(t.premisesId),
    index('leases_residency').on(t.residencyId),
    check('leases_period_order', sql`${t.endOn} IS NULL OR ${t.endOn} >= ${t.startOn}`),
  ],
);

export const taxIncentives = pgTable(
  'tax_incentives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
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
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('tax_incentives_park_key').on(t.parkId, t.key),
    index('tax_incentives_park_granted').on(t.parkId, t.grantedOn),
    index('tax_incentives_company').on(t.companyId),
    check('tax_incentives_validity_order', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
    check('tax_incentives_revocation', sql`(${t.status} = 'revoked') = (${t.revokedOn} IS NOT NULL)`),
  ],
);

export type Residency = typeof residencies.$inferSelect;
export type NewResidency = typeof residencies.$inferInsert;
export type Lease = typeof leases.$inferSelect;
export type TaxIncentive = typeof taxIncentives.$inferSelect;
