import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { area, createdAt, id } from './columns';
import { DEFAULT_TIME_ZONE } from '../../lib/dates';
import { parkType } from './enums';

export const parks = pgTable(
  'parks',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    region: text('region').notNull(),
    type: parkType('type').notNull(),
    landAreaHa: area('land_area_ha'),
    foundedOn: date('founded_on'),
    /** The day the park stopped operating; null while it operates. */
    closedOn: date('closed_on'),
    /** KPI reports for year Y are due on this month/day of year Y + 1. */
    kpiDeadlineMonth: integer('kpi_deadline_month').notNull().default(3),
    kpiDeadlineDay: integer('kpi_deadline_day').notNull().default(1),
    quarterlyReports: boolean('quarterly_reports').notNull().default(false),
    /** Submitted expert reviews an approval needs; fewer only with a reason the minutes show. */
    minReviewsForApproval: integer('min_reviews_for_approval').notNull().default(2),
    /** The park's IANA time zone (lib/dates.ts): its "today", its deadlines and every time shown or written for it. */
    timeZone: text('time_zone').notNull().default(DEFAULT_TIME_ZONE),
    /** Days a service request may stay open (requested or in progress) before the desk lists it as overdue. */
    serviceTargetDays: integer('service_target_days').notNull().default(5),
    /** Hours before a booking's start up to which its company may cancel it. */
    bookingNoticeHours: integer('booking_notice_hours').notNull().default(24),
    createdAt: createdAt(),
  },
  (t) => [
    check('parks_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
    check('parks_land_area_nonneg', sql`${t.landAreaHa} IS NULL OR ${t.landAreaHa} >= 0`),
    check('parks_min_reviews_range', sql`${t.minReviewsForApproval} BETWEEN 0 AND 20`),
    check('parks_service_target_days_range', sql`${t.serviceTargetDays} BETWEEN 1 AND 365`),
    check('parks_booking_notice_range', sql`${t.bookingNoticeHours} BETWEEN 0 AND 720`),
    check('parks_deadline_valid', sql`${t.kpiDeadlineMonth} BETWEEN 1 AND 12 AND ${t.kpiDeadlineDay} BETWEEN 1 AND 28`),
  ],
);

export type Park = typeof parks.$inferSelect;
export type NewPark = typeof parks.$inferInsert;
