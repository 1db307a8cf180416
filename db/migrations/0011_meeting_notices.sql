ALTER TYPE "public"."meeting_status" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "calendar" text;