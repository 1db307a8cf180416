-- Rules of service requests the schema builder cannot express: they span tables.
-- A request names a service of its own park, and its company holds a residency in that park on the day it was requested.
CREATE OR REPLACE FUNCTION check_service_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM services s WHERE s.id = NEW.service_id AND s.park_id = NEW.park_id) THEN
    RAISE EXCEPTION 'the service belongs to another park' USING ERRCODE = '23514', CONSTRAINT = 'service_requests_service_park';
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM residencies r
    WHERE r.park_id = NEW.park_id AND r.company_id = NEW.company_id
      AND r.start_on <= NEW.requested_on AND (r.end_on IS NULL OR r.end_on >= NEW.requested_on)
  ) THEN
    RAISE EXCEPTION 'the company holds no residency in the park on the request date' USING ERRCODE = '23514', CONSTRAINT = 'service_requests_resident';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER service_requests_check BEFORE INSERT OR UPDATE OF park_id, company_id, service_id, requested_on ON "service_requests"
  FOR EACH ROW EXECUTE FUNCTION check_service_request();
