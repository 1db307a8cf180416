import { boolean, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
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
  (t) => [unique('companies_park_key').on(t.parkId, t.key), index('companies_inn').on(t.inn)],
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

export type Company = typeof companies.$inferSelect;
export type NewCompany = typeof companies.$inferInsert;
