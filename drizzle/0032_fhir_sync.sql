CREATE TABLE "fhir_connections" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"base_url" text NOT NULL,
	"auth_kind" text NOT NULL,
	"client_id" text,
	"scope" text,
	"secrets" text,
	"public_jwk" text,
	"enabled" boolean DEFAULT false NOT NULL,
	"import_interval_minutes" integer DEFAULT 60 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fhir_links" (
	"org_id" uuid NOT NULL,
	"resource_type" text NOT NULL,
	"local_id" uuid NOT NULL,
	"remote_id" text NOT NULL,
	"remote_version_id" text,
	"remote_last_updated" timestamp (3) with time zone,
	"local_updated_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fhir_links_org_id_resource_type_local_id_pk" PRIMARY KEY("org_id","resource_type","local_id")
);
--> statement-breakpoint
CREATE TABLE "fhir_sync_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"run_id" uuid,
	"direction" text NOT NULL,
	"resource_type" text NOT NULL,
	"local_id" uuid,
	"remote_id" text,
	"outcome" text NOT NULL,
	"http_status" integer,
	"message" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fhir_connections" ADD CONSTRAINT "fhir_connections_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_links" ADD CONSTRAINT "fhir_links_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_sync_log" ADD CONSTRAINT "fhir_sync_log_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fhir_links_remote_unique" ON "fhir_links" USING btree ("org_id","resource_type","remote_id");--> statement-breakpoint
CREATE INDEX "fhir_sync_log_org_idx" ON "fhir_sync_log" USING btree ("org_id","id");--> statement-breakpoint
-- Write-back to the clinic's EHR: every change to an appointment queues its synchronisation in the same
-- transaction as the change itself, so no change is lost if the process stops before the job runs. One
-- sequence per appointment: its notices are handled one at a time, in order (no two creates racing).
CREATE OR REPLACE FUNCTION careline_fhir_write_back() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM fhir_connections c WHERE c.org_id = NEW.org_id AND c.enabled) THEN
    INSERT INTO jobs (queue, payload, org_id, max_attempts, sequence_key, sequence_no)
    VALUES ('fhir_sync.appointment',
      jsonb_build_object('orgId', NEW.org_id, 'appointmentId', NEW.id),
      NEW.org_id, 12, 'fhir_appointment:' || NEW.id::text,
      (extract(epoch from clock_timestamp()) * 1000000)::bigint);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER appointments_fhir_write_back AFTER INSERT OR UPDATE ON appointments
  FOR EACH ROW EXECUTE FUNCTION careline_fhir_write_back();
--> statement-breakpoint
-- A conversation's messages (not the staff's internal notes) go to the EHR as Communication resources,
-- queued with the message itself for the same reason.
CREATE OR REPLACE FUNCTION careline_fhir_write_back_message() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.direction <> 'note'
    AND EXISTS (SELECT 1 FROM fhir_connections c WHERE c.org_id = NEW.org_id AND c.enabled) THEN
    INSERT INTO jobs (queue, payload, org_id, max_attempts, dedupe_key)
    VALUES ('fhir_sync.communication',
      jsonb_build_object('orgId', NEW.org_id, 'messageId', NEW.id),
      NEW.org_id, 12, NEW.id::text);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER messages_fhir_write_back AFTER INSERT ON messages
  FOR EACH ROW EXECUTE FUNCTION careline_fhir_write_back_message();
