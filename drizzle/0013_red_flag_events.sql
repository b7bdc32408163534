CREATE TABLE "red_flag_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"category" text NOT NULL,
	"categories" jsonb NOT NULL,
	"words" text NOT NULL,
	"raised_at" timestamp (3) with time zone NOT NULL,
	"responded_at" timestamp (3) with time zone,
	"handled_by" text,
	"advice_message_id" uuid,
	"advice_skipped_reason" text,
	"acknowledged_at" timestamp (3) with time zone,
	"acknowledged_by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "urgent_since" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "advise_when_staff_handles" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "red_flag_events" ADD CONSTRAINT "red_flag_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_events" ADD CONSTRAINT "red_flag_events_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_events" ADD CONSTRAINT "red_flag_events_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_events" ADD CONSTRAINT "red_flag_events_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_events" ADD CONSTRAINT "red_flag_events_advice_message_id_messages_id_fk" FOREIGN KEY ("advice_message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_events" ADD CONSTRAINT "red_flag_events_acknowledged_by_user_id_users_id_fk" FOREIGN KEY ("acknowledged_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "red_flag_events_message_idx" ON "red_flag_events" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "red_flag_events_org_raised_idx" ON "red_flag_events" USING btree ("org_id","raised_at");--> statement-breakpoint
CREATE INDEX "red_flag_events_pending_idx" ON "red_flag_events" USING btree ("conversation_id") WHERE "red_flag_events"."acknowledged_at" is null;--> statement-breakpoint
CREATE INDEX "conversations_urgent_idx" ON "conversations" USING btree ("org_id","urgent_since") WHERE "conversations"."urgent_since" is not null;--> statement-breakpoint
-- Live updates for the safety net: a conversation's urgency travels with its changes, and a red flag
-- is an event of its own (signed-in staff are alerted at once; other systems can follow it later).
-- The patient's words stay out of the events table: a client reads them through the API.
CREATE OR REPLACE FUNCTION careline_publish_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text;
  body jsonb;
  event_id bigint;
BEGIN
  IF TG_TABLE_NAME = 'messages' THEN
    kind := CASE WHEN TG_OP = 'INSERT' THEN 'message.created' ELSE 'message.updated' END;
    body := jsonb_build_object('conversationId', NEW.conversation_id, 'messageId', NEW.id,
      'direction', NEW.direction, 'status', NEW.status);
  ELSIF TG_TABLE_NAME = 'conversations' THEN
    kind := 'conversation.updated';
    body := jsonb_build_object('conversationId', NEW.id, 'status', NEW.status,
      'assigneeUserId', NEW.assignee_user_id, 'teamId', NEW.team_id, 'unreadCount', NEW.unread_count,
      'urgent', NEW.urgent, 'urgentSince', NEW.urgent_since);
  ELSIF TG_TABLE_NAME = 'flow_sessions' THEN
    kind := 'conversation.updated';
    body := jsonb_build_object('conversationId', NEW.conversation_id, 'automation', NEW.status);
  ELSIF TG_TABLE_NAME = 'appointments' THEN
    kind := 'appointment.updated';
    body := jsonb_build_object('appointmentId', NEW.id, 'contactId', NEW.contact_id,
      'practitionerId', NEW.practitioner_id, 'status', NEW.status);
  ELSIF TG_TABLE_NAME = 'red_flag_events' THEN
    kind := 'conversation.red_flag';
    body := jsonb_build_object('conversationId', NEW.conversation_id, 'redFlagId', NEW.id,
      'category', NEW.category, 'assigneeUserId',
      (SELECT assignee_user_id FROM conversations WHERE id = NEW.conversation_id),
      'teamId', (SELECT team_id FROM conversations WHERE id = NEW.conversation_id));
  ELSE
    kind := 'message.updated';
    body := jsonb_build_object('conversationId',
      (SELECT conversation_id FROM messages WHERE id = NEW.message_id), 'messageId', NEW.message_id);
  END IF;
  INSERT INTO events (org_id, type, payload) VALUES (NEW.org_id, kind, body) RETURNING id INTO event_id;
  PERFORM pg_notify('careline_events', NEW.org_id::text || ':' || event_id::text);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER red_flag_events_publish AFTER INSERT ON red_flag_events
  FOR EACH ROW EXECUTE FUNCTION careline_publish_event();
