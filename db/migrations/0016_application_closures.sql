CREATE TYPE "public"."closure_outcome" AS ENUM('lapsed', 'withdrawn', 'not_admitted');--> statement-breakpoint
ALTER TYPE "public"."application_status" ADD VALUE 'closed';--> statement-breakpoint
CREATE TABLE "application_closures" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"outcome" "closure_outcome" NOT NULL,
	"reason" text NOT NULL,
	"status_before" "application_status" NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_closures_reason" CHECK (length(btrim("application_closures"."reason")) > 0),
	CONSTRAINT "application_closures_not_admitted_approved" CHECK ("application_closures"."outcome" <> 'not_admitted' OR "application_closures"."status_before" = 'approved'),
	CONSTRAINT "application_closures_from_live" CHECK ("application_closures"."status_before" IN ('submitted', 'in_review', 'returned', 'approved'))
);
--> statement-breakpoint
ALTER TABLE "application_closures" ADD CONSTRAINT "application_closures_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_closures" ADD CONSTRAINT "application_closures_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;