import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ownedBy } from './columns';
import { smeCategory } from './enums';
import { parks } from './parks';
import { users } from './users';

export const companies = pgTable(
  'companies',
  {
    id: id(),
    /** The park whose data set brought the company in (with its `key`); null for companies applicants created. */
    parkId: uuid('park_id').references(() => parks.id, { onDelete: 'cascade' }),
    key: text('key'),
    name: text('name').notNull(),
    inn: text('inn'),
    ogrn: text('ogrn'),
    smeCategory: smeCategory('sme_category').notNull().default('none'),
    industry: text('industry'),
    manufacturing: boolean('manufacturing').notNull().default(false),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    address: text('address'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('companies_park_key').on(t.parkId, t.key),
    index('companies_inn').on(t.inn),
    // The inbox's search by company name (ILIKE '%q%').
    index('companies_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

/** The applicant accounts that represent a company. */
export const companyMembers = pgTable(
  'company_members',
  {
    id: id(),
    companyId: ownedBy('company_id', () => companies.id),
    userId: ownedBy('user_id', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [unique('company_members_company_user').on(t.companyId, t.userId), index('company_members_user').on(t.userId)],
);

/**
 * A representative's invitation of an e-mail to represent the company too. It becomes a membership
 * only when the account with that e-mail accepts it, so inviting tells the inviter nothing about
 * whether the e-mail has an account, and no one represents a company without having agreed to.
 */
export const companyInvitations = pgTable(
  'company_invitations',
  {
    id: id(),
    companyId: ownedBy('company_id', () => companies.id),
    /** Lower-cased, like users.email. */
    email: text('email').notNull(),
    /** Who sent it; the invitation outlives the inviter's account. */
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('company_invitations_company_email').on(t.companyId, t.email),
    index('company_invitations_email').on(t.email),
    check('company_invitations_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

export type Company = typeof companies.$inferSelect;
export type NewCompany = typeof companies.$inferInsert;
