CREATE TABLE "kpi_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_reminders_once" UNIQUE("park_id","company_id","year","kind"),
	CONSTRAINT "kpi_reminders_kind" CHECK ("kpi_reminders"."kind" IN ('before', 'after'))
);
--> statement-breakpoint
ALTER TABLE "kpi_reminders" ADD CONSTRAINT "kpi_reminders_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_reminders" ADD CONSTRAINT "kpi_reminders_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;