CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'in_review', 'returned', 'rejected', 'approved');--> statement-breakpoint
CREATE TYPE "public"."assignment_status" AS ENUM('assigned', 'conflict', 'reviewed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."attachment_kind" AS ENUM('business_plan', 'presentation', 'other');--> statement-breakpoint
CREATE TYPE "public"."council_decision_kind" AS ENUM('approved', 'rejected', 'revision');--> statement-breakpoint
CREATE TYPE "public"."exit_reason" AS ENUM('term_ended', 'graduated', 'terminated', 'left');--> statement-breakpoint
CREATE TYPE "public"."funding_source" AS ENUM('federal', 'regional', 'municipal', 'extrabudgetary');--> statement-breakpoint
CREATE TYPE "public"."incentive_kind" AS ENUM('profit_tax', 'property_tax', 'land_tax', 'other');--> statement-breakpoint
CREATE TYPE "public"."incentive_status" AS ENUM('active', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."indicator_direction" AS ENUM('higher', 'lower');--> statement-breakpoint
CREATE TYPE "public"."indicator_value_kind" AS ENUM('actual', 'target');--> statement-breakpoint
CREATE TYPE "public"."kpi_status" AS ENUM('draft', 'submitted', 'accepted', 'returned');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('planned', 'held');--> statement-breakpoint
CREATE TYPE "public"."park_role" AS ENUM('manager', 'expert', 'analyst');--> statement-breakpoint
CREATE TYPE "public"."park_type" AS ENUM('industrial', 'high_tech', 'mixed');--> statement-breakpoint
CREATE TYPE "public"."placement" AS ENUM('on_site', 'extraterritorial');--> statement-breakpoint
CREATE TYPE "public"."premises_kind" AS ENUM('office', 'laboratory', 'production', 'coworking', 'incubator', 'other');--> statement-breakpoint
CREATE TYPE "public"."recommendation" AS ENUM('approve', 'reject', 'revise');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."screening_outcome" AS ENUM('accepted', 'returned', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."sme_category" AS ENUM('micro', 'small', 'medium', 'none');--> statement-breakpoint
CREATE TYPE "public"."user_kind" AS ENUM('applicant', 'staff', 'admin');--> statement-breakpoint
CREATE TABLE "parks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"type" "park_type" NOT NULL,
	"land_area_ha" numeric(12, 2),
	"founded_on" date,
	"closed_on" date,
	"kpi_deadline_month" integer DEFAULT 3 NOT NULL,
	"kpi_deadline_day" integer DEFAULT 1 NOT NULL,
	"quarterly_reports" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parks_slug_unique" UNIQUE("slug"),
	CONSTRAINT "parks_slug_format" CHECK ("parks"."slug" ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
	CONSTRAINT "parks_land_area_nonneg" CHECK ("parks"."land_area_ha" IS NULL OR "parks"."land_area_ha" >= 0),
	CONSTRAINT "parks_deadline_valid" CHECK ("parks"."kpi_deadline_month" BETWEEN 1 AND 12 AND "parks"."kpi_deadline_day" BETWEEN 1 AND 28)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"role" "park_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_park_role" UNIQUE("user_id","park_id","role")
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "sign_in_throttle_key_pk" PRIMARY KEY("key")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"kind" "user_kind" NOT NULL,
	"locale" text,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buildings_park_key" UNIQUE("park_id","key")
);
--> statement-breakpoint
CREATE TABLE "premises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" "premises_kind" NOT NULL,
	"area_m2" numeric(12, 2) NOT NULL,
	"available_from" date,
	"available_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "premises_park_key" UNIQUE("park_id","key"),
	CONSTRAINT "premises_area_positive" CHECK ("premises"."area_m2" > 0),
	CONSTRAINT "premises_availability_order" CHECK ("premises"."available_from" IS NULL OR "premises"."available_to" IS NULL OR "premises"."available_to" >= "premises"."available_from")
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid,
	"key" text,
	"name" text NOT NULL,
	"inn" text,
	"ogrn" text,
	"sme_category" "sme_category" DEFAULT 'none' NOT NULL,
	"industry" text,
	"manufacturing" boolean DEFAULT false NOT NULL,
	"contact_email" text,
	"contact_phone" text,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_park_key" UNIQUE("park_id","key")
);
--> statement-breakpoint
CREATE TABLE "company_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_members_company_user" UNIQUE("company_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "application_plan_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"investment_rub" numeric(18, 2) DEFAULT '0' NOT NULL,
	"capital_investment_rub" numeric(18, 2) DEFAULT '0' NOT NULL,
	"new_jobs" integer DEFAULT 0 NOT NULL,
	"income_rub" numeric(18, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "application_plan_years_app_year" UNIQUE("application_id","year"),
	CONSTRAINT "plan_capex_le_investment" CHECK ("application_plan_years"."capital_investment_rub" <= "application_plan_years"."investment_rub"),
	CONSTRAINT "plan_nonneg" CHECK ("application_plan_years"."investment_rub" >= 0 AND "application_plan_years"."capital_investment_rub" >= 0 AND "application_plan_years"."income_rub" >= 0 AND "application_plan_years"."new_jobs" >= 0)
);
--> statement-breakpoint
CREATE TABLE "application_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_versions_app_version" UNIQUE("application_id","version")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"key" text,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"industry" text,
	"wants_premises" boolean DEFAULT false NOT NULL,
	"premises_area_m2" numeric(12, 2),
	"wants_tax_incentives" boolean DEFAULT false NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"submitted_on" date,
	"last_submitted_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_park_key" UNIQUE("park_id","key"),
	CONSTRAINT "applications_area_positive" CHECK ("applications"."premises_area_m2" IS NULL OR "applications"."premises_area_m2" > 0),
	CONSTRAINT "applications_submitted_unless_draft" CHECK ("applications"."status" = 'draft' OR "applications"."submitted_on" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "attachment_kind" NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_path" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_size_positive" CHECK ("attachments"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "screening_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"outcome" "screening_outcome" NOT NULL,
	"decided_on" date NOT NULL,
	"comment" text,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conflict_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"has_conflict" boolean NOT NULL,
	"reason" text,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conflict_declarations_assignment_id_unique" UNIQUE("assignment_id")
);
--> statement-breakpoint
CREATE TABLE "council_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"meeting_id" uuid,
	"meeting_number" integer,
	"decision" "council_decision_kind" NOT NULL,
	"decided_on" date NOT NULL,
	"votes_for" integer,
	"votes_against" integer,
	"votes_abstain" integer,
	"reason" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_decisions_meeting_app" UNIQUE("meeting_id","application_id"),
	CONSTRAINT "council_decisions_votes_nonneg" CHECK (coalesce("council_decisions"."votes_for", 0) >= 0 AND coalesce("council_decisions"."votes_against", 0) >= 0 AND coalesce("council_decisions"."votes_abstain", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "council_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"held_on" date NOT NULL,
	"status" "meeting_status" DEFAULT 'planned' NOT NULL,
	"council_size" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_meetings_park_number" UNIQUE("park_id","number"),
	CONSTRAINT "council_meetings_number_positive" CHECK ("council_meetings"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "expert_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"status" "assignment_status" DEFAULT 'assigned' NOT NULL,
	"due_on" date NOT NULL,
	"assigned_by" uuid,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_assignments_app_expert" UNIQUE("application_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_user" UNIQUE("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meeting_items_meeting_app" UNIQUE("meeting_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "review_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ru" text NOT NULL,
	"weight" numeric(6, 2) NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "review_criteria_park_code" UNIQUE("park_id","code"),
	CONSTRAINT "review_criteria_weight_positive" CHECK ("review_criteria"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "review_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	CONSTRAINT "review_scores_review_criterion" UNIQUE("review_id","criterion_id"),
	CONSTRAINT "review_scores_range" CHECK ("review_scores"."score" BETWEEN 0 AND 10)
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"status" "review_status" DEFAULT 'draft' NOT NULL,
	"recommendation" "recommendation",
	"comment" text,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_assignment_id_unique" UNIQUE("assignment_id")
);
--> statement-breakpoint
CREATE TABLE "leases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"residency_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"premises_id" uuid NOT NULL,
	"key" text,
	"start_on" date NOT NULL,
	"end_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leases_park_key" UNIQUE("park_id","key"),
	CONSTRAINT "leases_period_order" CHECK ("leases"."end_on" IS NULL OR "leases"."end_on" >= "leases"."start_on")
);
--> statement-breakpoint
CREATE TABLE "residencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"application_id" uuid,
	"key" text,
	"agreement_number" text,
	"agreement_date" date,
	"start_on" date NOT NULL,
	"end_on" date,
	"placement" "placement" NOT NULL,
	"exit_reason" "exit_reason",
	"exit_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residencies_park_key" UNIQUE("park_id","key"),
	CONSTRAINT "residencies_period_order" CHECK ("residencies"."end_on" IS NULL OR "residencies"."end_on" >= "residencies"."start_on")
);
--> statement-breakpoint
CREATE TABLE "tax_incentives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"residency_id" uuid,
	"key" text,
	"kind" "incentive_kind" NOT NULL,
	"legal_basis" text,
	"decision_number" text,
	"granted_on" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"conditions" text,
	"status" "incentive_status" DEFAULT 'active' NOT NULL,
	"revoked_on" date,
	"revoke_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_incentives_park_key" UNIQUE("park_id","key"),
	CONSTRAINT "tax_incentives_validity_order" CHECK ("tax_incentives"."valid_to" IS NULL OR "tax_incentives"."valid_to" >= "tax_incentives"."valid_from"),
	CONSTRAINT "tax_incentives_revocation" CHECK (("tax_incentives"."status" = 'revoked') = ("tax_incentives"."revoked_on" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "budget_funding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"key" text,
	"year" integer NOT NULL,
	"source" "funding_source" NOT NULL,
	"amount_rub" numeric(18, 2) NOT NULL,
	"document" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_funding_park_key" UNIQUE("park_id","key"),
	CONSTRAINT "budget_funding_nonneg" CHECK ("budget_funding"."amount_rub" >= 0),
	CONSTRAINT "budget_funding_year_range" CHECK ("budget_funding"."year" BETWEEN 1900 AND 2200)
);
--> statement-breakpoint
CREATE TABLE "kpi_report_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_report_versions_report_version" UNIQUE("report_id","version")
);
--> statement-breakpoint
CREATE TABLE "kpi_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"key" text,
	"year" integer NOT NULL,
	"quarter" integer,
	"status" "kpi_status" DEFAULT 'draft' NOT NULL,
	"jobs_created" integer DEFAULT 0 NOT NULL,
	"headcount" integer,
	"investment_rub" numeric(18, 2) DEFAULT '0' NOT NULL,
	"capital_investment_rub" numeric(18, 2) DEFAULT '0' NOT NULL,
	"income_rub" numeric(18, 2) DEFAULT '0' NOT NULL,
	"taxes_paid_rub" numeric(18, 2) DEFAULT '0' NOT NULL,
	"rnd_spend_rub" numeric(18, 2),
	"review_comment" text,
	"version" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_reports_park_key" UNIQUE("park_id","key"),
	CONSTRAINT "kpi_reports_company_period" UNIQUE NULLS NOT DISTINCT("park_id","company_id","year","quarter"),
	CONSTRAINT "kpi_capex_le_investment" CHECK ("kpi_reports"."capital_investment_rub" <= "kpi_reports"."investment_rub"),
	CONSTRAINT "kpi_nonneg" CHECK ("kpi_reports"."jobs_created" >= 0 AND coalesce("kpi_reports"."headcount", 0) >= 0 AND "kpi_reports"."investment_rub" >= 0 AND "kpi_reports"."capital_investment_rub" >= 0 AND "kpi_reports"."income_rub" >= 0 AND "kpi_reports"."taxes_paid_rub" >= 0 AND coalesce("kpi_reports"."rnd_spend_rub", 0) >= 0),
	CONSTRAINT "kpi_quarter_range" CHECK ("kpi_reports"."quarter" IS NULL OR "kpi_reports"."quarter" BETWEEN 1 AND 4),
	CONSTRAINT "kpi_year_range" CHECK ("kpi_reports"."year" BETWEEN 1900 AND 2200)
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" "indicator_value_kind" NOT NULL,
	"value" numeric(20, 6) NOT NULL,
	CONSTRAINT "indicator_values_indicator_year_kind" UNIQUE("indicator_id","year","kind"),
	CONSTRAINT "indicator_values_year_range" CHECK ("indicator_values"."year" BETWEEN 1900 AND 2200)
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"direction" "indicator_direction" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicators_programme_key" UNIQUE("programme_id","key")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_park_key" UNIQUE("park_id","key")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_label" text,
	"park_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"park_id" uuid,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"href" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises" ADD CONSTRAINT "premises_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises" ADD CONSTRAINT "premises_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_members" ADD CONSTRAINT "company_members_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_members" ADD CONSTRAINT "company_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_plan_years" ADD CONSTRAINT "application_plan_years_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_versions" ADD CONSTRAINT "application_versions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_versions" ADD CONSTRAINT "application_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_decisions" ADD CONSTRAINT "screening_decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_decisions" ADD CONSTRAINT "screening_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_assignment_id_expert_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."expert_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_items" ADD CONSTRAINT "meeting_items_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_items" ADD CONSTRAINT "meeting_items_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_criteria" ADD CONSTRAINT "review_criteria_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_criterion_id_review_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."review_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_assignment_id_expert_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."expert_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_residency_id_residencies_id_fk" FOREIGN KEY ("residency_id") REFERENCES "public"."residencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_premises_id_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residencies" ADD CONSTRAINT "residencies_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residencies" ADD CONSTRAINT "residencies_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residencies" ADD CONSTRAINT "residencies_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_incentives" ADD CONSTRAINT "tax_incentives_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_incentives" ADD CONSTRAINT "tax_incentives_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_incentives" ADD CONSTRAINT "tax_incentives_residency_id_residencies_id_fk" FOREIGN KEY ("residency_id") REFERENCES "public"."residencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_incentives" ADD CONSTRAINT "tax_incentives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_funding" ADD CONSTRAINT "budget_funding_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_report_versions" ADD CONSTRAINT "kpi_report_versions_report_id_kpi_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."kpi_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_report_versions" ADD CONSTRAINT "kpi_report_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_reports" ADD CONSTRAINT "kpi_reports_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_reports" ADD CONSTRAINT "kpi_reports_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_reports" ADD CONSTRAINT "kpi_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_park_role" ON "memberships" USING btree ("park_id","role");--> statement-breakpoint
CREATE INDEX "premises_park" ON "premises" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "companies_inn" ON "companies" USING btree ("inn");--> statement-breakpoint
CREATE INDEX "company_members_user" ON "company_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "applications_park_submitted" ON "applications" USING btree ("park_id","submitted_on");--> statement-breakpoint
CREATE INDEX "applications_park_status" ON "applications" USING btree ("park_id","status");--> statement-breakpoint
CREATE INDEX "applications_company" ON "applications" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "attachments_app" ON "attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "screening_decisions_app" ON "screening_decisions" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "council_decisions_park_decided" ON "council_decisions" USING btree ("park_id","decision","decided_on");--> statement-breakpoint
CREATE INDEX "council_decisions_app" ON "council_decisions" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "expert_assignments_expert_status" ON "expert_assignments" USING btree ("expert_id","status");--> statement-breakpoint
CREATE INDEX "leases_park_start" ON "leases" USING btree ("park_id","start_on");--> statement-breakpoint
CREATE INDEX "leases_premises" ON "leases" USING btree ("premises_id");--> statement-breakpoint
CREATE INDEX "leases_residency" ON "leases" USING btree ("residency_id");--> statement-breakpoint
CREATE INDEX "residencies_park_start" ON "residencies" USING btree ("park_id","start_on");--> statement-breakpoint
CREATE INDEX "residencies_company" ON "residencies" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "tax_incentives_park_granted" ON "tax_incentives" USING btree ("park_id","granted_on");--> statement-breakpoint
CREATE INDEX "tax_incentives_company" ON "tax_incentives" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "budget_funding_park_year" ON "budget_funding" USING btree ("park_id","year");--> statement-breakpoint
CREATE INDEX "kpi_reports_park_year_status" ON "kpi_reports" USING btree ("park_id","year","status");--> statement-breakpoint
CREATE INDEX "api_tokens_park" ON "api_tokens" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "audit_log_park_at" ON "audit_log" USING btree ("park_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_entity" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "notifications_user_read" ON "notifications" USING btree ("user_id","read_at");