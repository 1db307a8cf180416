ALTER TABLE "sign_in_throttle" ADD COLUMN "last_failure_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sign_in_throttle" ADD COLUMN "notified_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "sign_in_throttle_last_failure" ON "sign_in_throttle" USING btree ("last_failure_at");