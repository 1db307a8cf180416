-- Rules of bookings the schema builder cannot express.
-- Two live bookings of one resource never overlap: of two people booking the same slot at once, one wins.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist ("resource_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" = 'booked');
--> statement-breakpoint
-- A resource is priced by a room or equipment service of its own park, per hour.
CREATE OR REPLACE FUNCTION check_bookable_resource() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM services s WHERE s.id = NEW.service_id AND s.park_id = NEW.park_id AND s.kind IN ('room', 'equipment') AND s.unit = 'hour'
  ) THEN
    RAISE EXCEPTION 'a resource is priced by an hourly room or equipment service of its park' USING ERRCODE = '23514', CONSTRAINT = 'bookable_resources_service';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER bookable_resources_check BEFORE INSERT OR UPDATE OF park_id, service_id ON "bookable_resources"
  FOR EACH ROW EXECUTE FUNCTION check_bookable_resource();
--> statement-breakpoint
-- A booking is of a resource of its park, and its request is of the same park, company and service.
CREATE OR REPLACE FUNCTION check_booking() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM bookable_resources r JOIN service_requests sr ON sr.id = NEW.service_request_id
    WHERE r.id = NEW.resource_id AND r.park_id = NEW.park_id
      AND sr.park_id = NEW.park_id AND sr.company_id = NEW.company_id AND sr.service_id = r.service_id
  ) THEN
    RAISE EXCEPTION 'the booking, its resource and its request belong to different parks, companies or services' USING ERRCODE = '23514', CONSTRAINT = 'bookings_consistent';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER bookings_check BEFORE INSERT OR UPDATE OF park_id, resource_id, company_id, service_request_id ON "bookings"
  FOR EACH ROW EXECUTE FUNCTION check_booking();
