CREATE TYPE "public"."thread_side" AS ENUM('staff', 'company');--> statement-breakpoint
CREATE TABLE "thread_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_path" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "thread_attachments_size_positive" CHECK ("thread_attachments"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "thread_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"application_id" uuid,
	"kpi_report_id" uuid,
	"author_id" uuid NOT NULL,
	"side" "thread_side" NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "thread_messages_one_record" CHECK (num_nonnulls("thread_messages"."application_id", "thread_messages"."kpi_report_id") = 1),
	CONSTRAINT "thread_messages_body_length" CHECK (char_length("thread_messages"."body") BETWEEN 1 AND 5000)
);
--> statement-breakpoint
ALTER TABLE "thread_attachments" ADD CONSTRAINT "thread_attachments_message_id_thread_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."thread_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_attachments" ADD CONSTRAINT "thread_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_messages" ADD CONSTRAINT "thread_messages_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_messages" ADD CONSTRAINT "thread_messages_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_messages" ADD CONSTRAINT "thread_messages_kpi_report_id_kpi_reports_id_fk" FOREIGN KEY ("kpi_report_id") REFERENCES "public"."kpi_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_messages" ADD CONSTRAINT "thread_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "thread_attachments_message" ON "thread_attachments" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "thread_attachments_uploader" ON "thread_attachments" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "thread_messages_application" ON "thread_messages" USING btree ("application_id","created_at") WHERE "thread_messages"."application_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "thread_messages_kpi_report" ON "thread_messages" USING btree ("kpi_report_id","created_at") WHERE "thread_messages"."kpi_report_id" IS NOT NULL;