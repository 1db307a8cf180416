-- The inbox's search: trigram indexes answer ILIKE '%q%' (PGlite loads the extension in db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "companies_name_trgm" ON "companies" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "applications_park_title" ON "applications" USING btree ("park_id","title");--> statement-breakpoint
CREATE INDEX "applications_title_trgm" ON "applications" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "applications_park_company" ON "applications" USING btree ("park_id","company_id");--> statement-breakpoint
CREATE INDEX "applications_park_industry" ON "applications" USING btree ("park_id","industry") WHERE "applications"."status" <> 'draft' AND "applications"."industry" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "applications_park_company_no_industry" ON "applications" USING btree ("park_id","company_id") WHERE "applications"."status" <> 'draft' AND "applications"."industry" IS NULL;