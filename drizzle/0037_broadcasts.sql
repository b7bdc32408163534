CREATE TABLE "broadcast_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"broadcast_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"state" text NOT NULL,
	"skip_reason" text,
	"due_at" timestamp (3) with time zone NOT NULL,
	"channel" text,
	"conversation_id" uuid,
	"message_id" uuid,
	"language" text,
	"decided_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broadcasts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"group_id" uuid NOT NULL,
	"status" text NOT NULL,
	"send_at" timestamp (3) with time zone NOT NULL,
	"content" jsonb NOT NULL,
	"default_language" text NOT NULL,
	"quiet_start" text DEFAULT '20:00' NOT NULL,
	"quiet_end" text DEFAULT '08:00' NOT NULL,
	"created_by_user_id" uuid,
	"audience_cursor" uuid,
	"audience_done_at" timestamp (3) with time zone,
	"started_at" timestamp (3) with time zone,
	"completed_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	"cancelled_by_user_id" uuid,
	"passes" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "broadcast_recipients" ADD CONSTRAINT "broadcast_recipients_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_recipients" ADD CONSTRAINT "broadcast_recipients_broadcast_id_broadcasts_id_fk" FOREIGN KEY ("broadcast_id") REFERENCES "public"."broadcasts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_recipients" ADD CONSTRAINT "broadcast_recipients_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_group_id_patient_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."patient_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_cancelled_by_user_id_users_id_fk" FOREIGN KEY ("cancelled_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "broadcast_recipients_unique" ON "broadcast_recipients" USING btree ("broadcast_id","contact_id");--> statement-breakpoint
CREATE INDEX "broadcast_recipients_pending_idx" ON "broadcast_recipients" USING btree ("broadcast_id","state","due_at");--> statement-breakpoint
CREATE INDEX "broadcast_recipients_message_idx" ON "broadcast_recipients" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "broadcast_recipients_contact_idx" ON "broadcast_recipients" USING btree ("org_id","contact_id");--> statement-breakpoint
CREATE INDEX "broadcasts_org_created_idx" ON "broadcasts" USING btree ("org_id","created_at","id");--> statement-breakpoint
-- Live updates for a broadcast's report: each pass and each change of status (scheduled, sending,
-- completed, cancelled) is an event, and so is each change of status of one of its messages (sent,
-- delivered, read, failed). Ids and statuses only: the report is read through the API.
CREATE OR REPLACE FUNCTION careline_publish_broadcast_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_id bigint;
  target_broadcast uuid;
  target_org uuid;
  body jsonb;
BEGIN
  IF TG_TABLE_NAME = 'broadcasts' THEN
    target_broadcast := NEW.id;
    target_org := NEW.org_id;
    body := jsonb_build_object('broadcastId', NEW.id, 'status', NEW.status);
  ELSE
    SELECT r.broadcast_id INTO target_broadcast FROM broadcast_recipients r
      WHERE r.message_id = NEW.id AND r.org_id = NEW.org_id LIMIT 1;
    IF target_broadcast IS NULL THEN
      RETURN NEW;
    END IF;
    target_org := NEW.org_id;
    body := jsonb_build_object('broadcastId', target_broadcast, 'messageId', NEW.id, 'messageStatus', NEW.status);
  END IF;
  INSERT INTO events (org_id, type, payload) VALUES (target_org, 'broadcast.updated', body)
    RETURNING id INTO event_id;
  PERFORM pg_notify('careline_events', target_org::text || ':' || event_id::text);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER broadcasts_publish AFTER INSERT OR UPDATE ON broadcasts
  FOR EACH ROW EXECUTE FUNCTION careline_publish_broadcast_event();
--> statement-breakpoint
CREATE TRIGGER messages_publish_broadcast AFTER UPDATE OF status ON messages
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.direction = 'outbound')
  EXECUTE FUNCTION careline_publish_broadcast_event();
