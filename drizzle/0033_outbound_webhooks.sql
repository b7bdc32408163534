CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"org_id" uuid NOT NULL,
	"subscription_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"webhook_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp (3) with time zone,
	"response_status" integer,
	"duration_ms" integer,
	"error" text,
	"response_excerpt" text,
	"replay_of" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"secret_sealed" text NOT NULL,
	"include_message_text" boolean DEFAULT false NOT NULL,
	"disabled_reason" text,
	"sending_until" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries" USING btree ("subscription_id","seq") WHERE "webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_log_idx" ON "webhook_deliveries" USING btree ("subscription_id","seq");--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_org_idx" ON "webhook_subscriptions" USING btree ("org_id");--> statement-breakpoint
-- Outbound webhooks: the events a clinic subscribes to are computed here, from the change itself, in the
-- transaction that makes it: no code path can forget one, and a crash loses none (the delivery row and
-- its job commit with the change, or neither does). A clinic without an active subscription pays one
-- index probe per change.
CREATE OR REPLACE FUNCTION careline_queue_webhook(org uuid, kind text, body jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH queued AS (
    INSERT INTO webhook_deliveries (org_id, subscription_id, event_type, webhook_id, data)
    SELECT s.org_id, s.id, kind, 'msg_' || replace(gen_random_uuid()::text, '-', ''), body
    FROM webhook_subscriptions s
    -- A subscription Careline turned off for failing keeps its events, sent in order once it is on again;
    -- one an administrator turned off records nothing meanwhile.
    WHERE s.org_id = org AND (s.active OR s.disabled_reason = 'failing') AND kind = ANY (s.events)
    RETURNING id, org_id, subscription_id
  )
  INSERT INTO jobs (queue, payload, org_id, dedupe_key, max_attempts)
  SELECT 'outbound-webhooks.deliver', jsonb_build_object('subscriptionId', subscription_id), org_id,
    'delivery:' || id, 3
  FROM queued;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION careline_webhook_events() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org uuid := NEW.org_id;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_subscriptions
    WHERE org_id = org AND (active OR disabled_reason = 'failing')) THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'messages' THEN
    IF NEW.direction = 'note' THEN RETURN NULL; END IF;
    IF TG_OP = 'INSERT' AND NEW.direction = 'inbound' THEN
      PERFORM careline_queue_webhook(org, 'message.received', jsonb_build_object('messageId', NEW.id,
        'conversationId', NEW.conversation_id, 'channelAccountId', NEW.channel_account_id,
        'type', NEW.type));
    ELSIF NEW.direction = 'outbound'
      AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM NEW.status) THEN
      IF NEW.status IN ('accepted', 'sent')
        AND (TG_OP = 'INSERT' OR OLD.status IN ('queued', 'sending')) THEN
        PERFORM careline_queue_webhook(org, 'message.sent', jsonb_build_object('messageId', NEW.id,
          'conversationId', NEW.conversation_id, 'channelAccountId', NEW.channel_account_id,
          'type', NEW.type));
      END IF;
      PERFORM careline_queue_webhook(org, 'message.status_changed', jsonb_build_object(
        'messageId', NEW.id, 'conversationId', NEW.conversation_id, 'status', NEW.status,
        'previousStatus', CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END,
        'failureReason', NEW.failure_reason));
    END IF;
  ELSIF TG_TABLE_NAME = 'conversations' THEN
    IF TG_OP = 'INSERT' OR (OLD.status = 'closed' AND NEW.status <> 'closed') THEN
      PERFORM careline_queue_webhook(org, 'conversation.opened', jsonb_build_object(
        'conversationId', NEW.id, 'contactId', NEW.contact_id, 'channelAccountId', NEW.channel_account_id));
    END IF;
    IF (NEW.assignee_user_id IS NOT NULL OR NEW.team_id IS NOT NULL) AND (TG_OP = 'INSERT'
      OR OLD.assignee_user_id IS DISTINCT FROM NEW.assignee_user_id OR OLD.team_id IS DISTINCT FROM NEW.team_id) THEN
      PERFORM careline_queue_webhook(org, 'conversation.assigned', jsonb_build_object(
        'conversationId', NEW.id, 'assigneeUserId', NEW.assignee_user_id, 'teamId', NEW.team_id));
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status <> 'closed' AND NEW.status = 'closed' THEN
      PERFORM careline_queue_webhook(org, 'conversation.closed', jsonb_build_object(
        'conversationId', NEW.id, 'contactId', NEW.contact_id));
    END IF;
  ELSIF TG_TABLE_NAME = 'red_flag_events' THEN
    IF TG_OP = 'INSERT' THEN
      PERFORM careline_queue_webhook(org, 'red_flag.raised', jsonb_build_object('redFlagId', NEW.id,
        'conversationId', NEW.conversation_id, 'contactId', NEW.contact_id, 'messageId', NEW.message_id,
        'category', NEW.category));
    ELSIF OLD.acknowledged_at IS NULL AND NEW.acknowledged_at IS NOT NULL THEN
      PERFORM careline_queue_webhook(org, 'red_flag.acknowledged', jsonb_build_object('redFlagId', NEW.id,
        'conversationId', NEW.conversation_id, 'acknowledgedByUserId', NEW.acknowledged_by_user_id));
    END IF;
  ELSIF TG_TABLE_NAME = 'appointments' THEN
    IF TG_OP = 'INSERT' AND NEW.rescheduled_from_id IS NOT NULL THEN
      PERFORM careline_queue_webhook(org, 'appointment.moved', careline_webhook_appointment(NEW)
        || jsonb_build_object('previousAppointmentId', NEW.rescheduled_from_id));
    ELSIF TG_OP = 'INSERT' AND NEW.status IN ('booked', 'proposed') THEN
      PERFORM careline_queue_webhook(org, 'appointment.booked', careline_webhook_appointment(NEW));
    ELSIF TG_OP = 'UPDATE' AND NEW.status <> 'cancelled'
      AND (OLD.start <> NEW.start OR OLD."end" <> NEW."end") THEN
      PERFORM careline_queue_webhook(org, 'appointment.moved', careline_webhook_appointment(NEW)
        || jsonb_build_object('previousStart', OLD.start));
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status IS DISTINCT FROM NEW.status THEN
      IF NEW.status = 'cancelled' THEN
        PERFORM careline_queue_webhook(org, 'appointment.cancelled', careline_webhook_appointment(NEW)
          || jsonb_build_object('cancelledBy', NEW.cancelled_by));
      ELSIF NEW.status = 'arrived' OR (NEW.status = 'fulfilled' AND OLD.status <> 'arrived') THEN
        PERFORM careline_queue_webhook(org, 'appointment.attended', careline_webhook_appointment(NEW));
      ELSIF NEW.status = 'noshow' THEN
        PERFORM careline_queue_webhook(org, 'appointment.no_show', careline_webhook_appointment(NEW));
      END IF;
    END IF;
  ELSIF TG_TABLE_NAME = 'reminders' THEN
    IF NEW.status = 'sent' AND (TG_OP = 'INSERT' OR OLD.status <> 'sent') THEN
      PERFORM careline_queue_webhook(org, 'reminder.sent', jsonb_build_object('reminderId', NEW.id,
        'appointmentId', NEW.appointment_id, 'messageId', NEW.message_id, 'channel', NEW.channel));
    END IF;
    IF NEW.response IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.response IS DISTINCT FROM NEW.response) THEN
      PERFORM careline_queue_webhook(org, 'reminder.answered', jsonb_build_object('reminderId', NEW.id,
        'appointmentId', NEW.appointment_id, 'response', NEW.response));
    END IF;
  ELSIF TG_TABLE_NAME = 'consent_records' THEN
    PERFORM careline_queue_webhook(org, 'consent.changed', jsonb_build_object('contactId', NEW.contact_id,
      'channel', NEW.channel, 'purpose', NEW.purpose, 'granted', NEW.granted, 'method', NEW.method));
  ELSIF TG_TABLE_NAME = 'csat_responses' THEN
    PERFORM careline_queue_webhook(org, 'csat.answered', jsonb_build_object('conversationId',
      NEW.conversation_id, 'contactId', NEW.contact_id, 'rating', NEW.rating,
      'assigneeUserId', NEW.assignee_user_id, 'teamId', NEW.team_id));
  ELSIF TG_TABLE_NAME = 'contact_merges' THEN
    PERFORM careline_queue_webhook(org, 'patient.merged', jsonb_build_object('mergeId', NEW.id,
      'survivorId', NEW.survivor_id, 'mergedId', NEW.merged_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION careline_webhook_appointment(a appointments) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object('appointmentId', a.id, 'contactId', a.contact_id,
    'practitionerId', a.practitioner_id, 'locationId', a.location_id, 'status', a.status,
    'start', a.start, 'end', a."end", 'source', a.source)
$$;
--> statement-breakpoint
CREATE TRIGGER messages_webhooks AFTER INSERT OR UPDATE OF status ON messages
  FOR EACH ROW EXECUTE FUNCTION careline_webhook_events();
--> statement-breakpoint
CREATE TRIGGER conversations_webhooks AFTER INSERT OR UPDATE OF status, assignee_user_id, team_id ON conversations
  FOR EACH ROW EXECUTE FUNCTION careline_webhook_events();
--> statement-breakpoint
CREATE TRIGGER red_flag_events_webhooks AFTER INSERT OR UPDATE OF acknowledged_at ON red_flag_events
  FOR EACH ROW EXECUTE FUNCTION careline_webhook_events();
--> statement-breakpoint
CREATE TRIGGER appointments_webhooks AFTER INSERT OR UPDATE OF status, start, "end" ON appointments
  FOR EACH ROW EXECUTE FUNCTION careline_webhook_events();
--> statement-breakpoint
CREATE TRIGGER reminders_webhooks AFTER INSERT OR UPDATE OF status, response ON reminders
  FOR EACH ROW EXECUTE FUNCTION careline_webhook_events();
--> statement-breakpoint
CREATE TRIGGER consent_records_webhooks AFTER INSERT ON consent_records
  FOR EACH ROW EXECUTE FUNCTION careline_webhook_events();
--> statement-breakpoint
CREATE TRIGGER csat_responses_webhooks AFTER INSERT ON csat_responses
  FOR EACH ROW EXECUTE FUNCTION careline_webhook_events();
--> statement-breakpoint
CREATE TRIGGER contact_merges_webhooks AFTER INSERT ON contact_merges
  FOR EACH ROW EXECUTE FUNCTION careline_webhook_events();
