CREATE TYPE "public"."service_kind" AS ENUM('consulting', 'legal', 'accounting', 'ip', 'finance', 'market_research', 'promotion', 'equipment', 'room', 'other');--> statement-breakpoint
CREATE TYPE "public"."service_request_status" AS ENUM('requested', 'in_progress', 'done', 'cancelled', 'refused');--> statement-breakpoint
CREATE TYPE "public"."service_unit" AS ENUM('hour', 'day', 'item');--> statement-breakpoint
CREATE TABLE "service_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"key" text,
	"company_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"status" "service_request_status" DEFAULT 'requested' NOT NULL,
	"done_on" date,
	"quantity" numeric(12, 2) NOT NULL,
	"unit_price_rub" numeric(18, 2),
	"unit_market_price_rub" numeric(18, 2),
	"description" text,
	"assignee_id" uuid,
	"reason" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_requests_park_key" UNIQUE("park_id","key"),
	CONSTRAINT "service_requests_done_on" CHECK (("service_requests"."status" = 'done') = ("service_requests"."done_on" IS NOT NULL)),
	CONSTRAINT "service_requests_done_order" CHECK ("service_requests"."done_on" IS NULL OR "service_requests"."done_on" >= "service_requests"."requested_on"),
	CONSTRAINT "service_requests_done_prices" CHECK ("service_requests"."status" <> 'done' OR ("service_requests"."unit_price_rub" IS NOT NULL AND "service_requests"."unit_market_price_rub" IS NOT NULL)),
	CONSTRAINT "service_requests_quantity_positive" CHECK ("service_requests"."quantity" > 0),
	CONSTRAINT "service_requests_prices_nonneg" CHECK ("service_requests"."unit_price_rub" >= 0 AND "service_requests"."unit_market_price_rub" >= 0)
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"kind" "service_kind" NOT NULL,
	"unit" "service_unit" NOT NULL,
	"market_price_rub" numeric(18, 2) NOT NULL,
	"resident_price_rub" numeric(18, 2) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_park_key" UNIQUE("park_id","key"),
	CONSTRAINT "services_prices_nonneg" CHECK ("services"."resident_price_rub" >= 0 AND "services"."market_price_rub" >= 0),
	CONSTRAINT "services_resident_le_market" CHECK ("services"."resident_price_rub" <= "services"."market_price_rub"),
	CONSTRAINT "services_name_present" CHECK (length(btrim("services"."name")) > 0)
);
--> statement-breakpoint
ALTER TABLE "parks" ADD COLUMN "service_target_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "leases" ADD COLUMN "rate_rub_per_m2_month" numeric(18, 2);--> statement-breakpoint
ALTER TABLE "leases" ADD COLUMN "market_rate_rub_per_m2_month" numeric(18, 2);--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_requests_park_status" ON "service_requests" USING btree ("park_id","status","requested_on");--> statement-breakpoint
CREATE INDEX "service_requests_park_done" ON "service_requests" USING btree ("park_id","done_on");--> statement-breakpoint
CREATE INDEX "service_requests_company" ON "service_requests" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "service_requests_service" ON "service_requests" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "services_park" ON "services" USING btree ("park_id");--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_service_target_days_range" CHECK ("parks"."service_target_days" BETWEEN 1 AND 365);--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_rates_both" CHECK (("leases"."rate_rub_per_m2_month" IS NULL) = ("leases"."market_rate_rub_per_m2_month" IS NULL));--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_rates_nonneg" CHECK ("leases"."rate_rub_per_m2_month" >= 0 AND "leases"."market_rate_rub_per_m2_month" >= 0);