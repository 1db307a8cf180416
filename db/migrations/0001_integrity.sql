-- Rules the schema builder cannot express: overlapping periods, cross-table consistency, an append-only audit log.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- One company holds at most one residency in a park on any day.
ALTER TABLE "residencies" ADD CONSTRAINT "residencies_no_overlap"
  EXCLUDE USING gist ("park_id" WITH =, "company_id" WITH =, daterange("start_on", "end_on", '[]') WITH &&);
--> statement-breakpoint
-- Two leases of one premises unit never overlap.
ALTER TABLE "leases" ADD CONSTRAINT "leases_no_overlap"
  EXCLUDE USING gist ("premises_id" WITH =, daterange("start_on", "end_on", '[]') WITH &&);
--> statement-breakpoint
-- A lease lies inside its unit's availability and inside an on-site residency of the same company and park.
CREATE OR REPLACE FUNCTION check_lease() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p record;
  r record;
BEGIN
  SELECT park_id, available_from, available_to INTO p FROM premises WHERE id = NEW.premises_id;
  IF p.park_id IS DISTINCT FROM NEW.park_id THEN
    RAISE EXCEPTION 'lease premises belong to another park' USING ERRCODE = '23514', CONSTRAINT = 'leases_premises_park';
  END IF;
  IF (p.available_from IS NOT NULL AND NEW.start_on < p.available_from)
     OR (p.available_to IS NOT NULL AND (NEW.end_on IS NULL OR NEW.end_on > p.available_to)) THEN
    RAISE EXCEPTION 'lease outside the premises availability' USING ERRCODE = '23514', CONSTRAINT = 'leases_within_availability';
  END IF;
  SELECT park_id, company_id, placement, start_on, end_on INTO r FROM residencies WHERE id = NEW.residency_id;
  IF r.park_id IS DISTINCT FROM NEW.park_id OR r.company_id IS DISTINCT FROM NEW.company_id THEN
    RAISE EXCEPTION 'lease residency belongs to another company or park' USING ERRCODE = '23514', CONSTRAINT = 'leases_residency_match';
  END IF;
  IF r.placement <> 'on_site' THEN
    RAISE EXCEPTION 'an extraterritorial residency holds no lease' USING ERRCODE = '23514', CONSTRAINT = 'leases_on_site_only';
  END IF;
  IF NEW.start_on < r.start_on OR (r.end_on IS NOT NULL AND (NEW.end_on IS NULL OR NEW.end_on > r.end_on)) THEN
    RAISE EXCEPTION 'lease outside the residency' USING ERRCODE = '23514', CONSTRAINT = 'leases_within_residency';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER leases_check BEFORE INSERT OR UPDATE ON "leases" FOR EACH ROW EXECUTE FUNCTION check_lease();
--> statement-breakpoint
-- Changing a residency or a unit may not leave a lease outside them.
CREATE OR REPLACE FUNCTION check_lease_containers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'residencies' THEN
    IF EXISTS (
      SELECT 1 FROM leases l WHERE l.residency_id = NEW.id AND (
        NEW.placement <> 'on_site' OR l.start_on < NEW.start_on
        OR (NEW.end_on IS NOT NULL AND (l.end_on IS NULL OR l.end_on > NEW.end_on)))
    ) THEN
      RAISE EXCEPTION 'a lease would fall outside its residency' USING ERRCODE = '23514', CONSTRAINT = 'leases_within_residency';
    END IF;
  ELSE
    IF EXISTS (
      SELECT 1 FROM leases l WHERE l.premises_id = NEW.id AND (
        (NEW.available_from IS NOT NULL AND l.start_on < NEW.available_from)
        OR (NEW.available_to IS NOT NULL AND (l.end_on IS NULL OR l.end_on > NEW.available_to)))
    ) THEN
      RAISE EXCEPTION 'a lease would fall outside the premises availability' USING ERRCODE = '23514', CONSTRAINT = 'leases_within_availability';
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER residencies_lease_check AFTER UPDATE ON "residencies"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_lease_containers();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER premises_lease_check AFTER UPDATE ON "premises"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_lease_containers();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = '42501';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
