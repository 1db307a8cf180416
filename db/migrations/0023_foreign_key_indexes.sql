CREATE INDEX "premises_building" ON "premises" USING btree ("building_id");--> statement-breakpoint
CREATE INDEX "leases_company" ON "leases" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "residencies_application" ON "residencies" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "tax_incentives_residency" ON "tax_incentives" USING btree ("residency_id");--> statement-breakpoint
CREATE INDEX "kpi_reports_company" ON "kpi_reports" USING btree ("company_id");