-- Live updates for automation and the agenda: a flow starting, pausing or ending in a conversation is a
-- change of that conversation (the inbox shows its automation banner), and every change to an
-- appointment is an event of its own (the agenda and the patient panel follow it).
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
      'assigneeUserId', NEW.assignee_user_id, 'teamId', NEW.team_id, 'unreadCount', NEW.unread_count);
  ELSIF TG_TABLE_NAME = 'flow_sessions' THEN
    kind := 'conversation.updated';
    body := jsonb_build_object('conversationId', NEW.conversation_id, 'automation', NEW.status);
  ELSIF TG_TABLE_NAME = 'appointments' THEN
    kind := 'appointment.updated';
    body := jsonb_build_object('appointmentId', NEW.id, 'contactId', NEW.contact_id,
      'practitionerId', NEW.practitioner_id, 'status', NEW.status);
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
CREATE TRIGGER flow_sessions_publish AFTER INSERT OR UPDATE OF status ON flow_sessions
  FOR EACH ROW EXECUTE FUNCTION careline_publish_event();
--> statement-breakpoint
CREATE TRIGGER appointments_publish AFTER INSERT OR UPDATE ON appointments
  FOR EACH ROW EXECUTE FUNCTION careline_publish_event();
