CREATE TABLE "minutes_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_sha256" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"pdf_sha256" text NOT NULL,
	"locale" text NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone NOT NULL,
	"correction_reason" text,
	"reopened_by" uuid,
	"reopened_at" timestamp with time zone,
	"reopen_reason" text,
	CONSTRAINT "minutes_versions_meeting_version" UNIQUE("meeting_id","version"),
	CONSTRAINT "minutes_versions_version_positive" CHECK ("minutes_versions"."version" > 0),
	CONSTRAINT "minutes_versions_correction_reason" CHECK (("minutes_versions"."version" = 1) = ("minutes_versions"."correction_reason" IS NULL)),
	CONSTRAINT "minutes_versions_reopened" CHECK (("minutes_versions"."reopened_at" IS NULL) = ("minutes_versions"."reopen_reason" IS NULL)),
	CONSTRAINT "minutes_versions_hashes" CHECK ("minutes_versions"."content_sha256" ~ '^[0-9a-f]{64}$' AND "minutes_versions"."pdf_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "minutes_versions_locale" CHECK ("minutes_versions"."locale" IN ('en', 'ru'))
);
--> statement-breakpoint
ALTER TABLE "minutes_versions" ADD CONSTRAINT "minutes_versions_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_versions" ADD CONSTRAINT "minutes_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_versions" ADD CONSTRAINT "minutes_versions_reopened_by_users_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "minutes_versions_one_in_force" ON "minutes_versions" USING btree ("meeting_id") WHERE "minutes_versions"."reopened_at" IS NULL;