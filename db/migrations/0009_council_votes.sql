CREATE TYPE "public"."vote" AS ENUM('for', 'against', 'abstain');--> statement-breakpoint
CREATE TABLE "council_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"vote" "vote" NOT NULL,
	"remote" boolean NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_votes_item_member" UNIQUE("meeting_id","application_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "parks" ADD COLUMN "min_reviews_for_approval" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD COLUMN "paper_tally" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD COLUMN "reviews_short_reason" text;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD COLUMN "starts_at" time;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD COLUMN "video_link" text;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD COLUMN "voting_deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "council_comments" ADD CONSTRAINT "council_comments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_comments" ADD CONSTRAINT "council_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_votes" ADD CONSTRAINT "council_votes_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_votes" ADD CONSTRAINT "council_votes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_votes" ADD CONSTRAINT "council_votes_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_comments_application" ON "council_comments" USING btree ("application_id","created_at");--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_min_reviews_range" CHECK ("parks"."min_reviews_for_approval" BETWEEN 0 AND 20);