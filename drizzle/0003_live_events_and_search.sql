-- Accent-insensitive full-text search (French stemming for messages, plain words for names and phones).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION careline_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
CREATE INDEX messages_search_idx ON messages
  USING gin (to_tsvector('french', careline_unaccent(coalesce(text, ''))));
--> statement-breakpoint
CREATE INDEX contacts_search_idx ON contacts
  USING gin (to_tsvector('simple', careline_unaccent(coalesce(display_name, '') || ' ' || coalesce(phone, ''))));
--> statement-breakpoint
-- Live updates: every change to a message, its reactions or media, or a conversation becomes an event of
-- the clinic, in order, and wakes listeners (LISTEN careline_events) on every node.
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
CREATE TRIGGER messages_publish AFTER INSERT OR UPDATE ON messages
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION careline_publish_event();
--> statement-breakpoint
CREATE TRIGGER conversations_publish AFTER INSERT OR UPDATE ON conversations
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION careline_publish_event();
--> statement-breakpoint
CREATE TRIGGER message_reactions_publish AFTER INSERT OR UPDATE ON message_reactions
  FOR EACH ROW EXECUTE FUNCTION careline_publish_event();
--> statement-breakpoint
CREATE TRIGGER media_files_publish AFTER UPDATE ON media_files
  FOR EACH ROW WHEN (NEW.message_id IS NOT NULL) EXECUTE FUNCTION careline_publish_event();
