-- A care group's messages on the live feed: the Groups view updates without a reload, and a
-- participant's message that reads like an emergency alerts the staff as a conversation's does. The
-- words stay out of the events table: a client reads them through the API.
CREATE OR REPLACE FUNCTION careline_publish_care_group_message() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_id bigint;
BEGIN
  INSERT INTO events (org_id, type, payload)
    VALUES (
      NEW.org_id,
      CASE WHEN TG_OP = 'INSERT' THEN 'care_group.message' ELSE 'care_group.message_updated' END,
      jsonb_build_object(
        'careGroupId', NEW.care_group_id,
        'messageId', NEW.id,
        'direction', NEW.direction,
        'status', NEW.status,
        'redFlag', NEW.red_flag
      )
    )
    RETURNING id INTO event_id;
  PERFORM pg_notify('careline_events', NEW.org_id::text || ':' || event_id::text);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER care_group_messages_publish AFTER INSERT ON care_group_messages
  FOR EACH ROW EXECUTE FUNCTION careline_publish_care_group_message();
--> statement-breakpoint
CREATE TRIGGER care_group_messages_publish_status AFTER UPDATE OF status ON care_group_messages
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION careline_publish_care_group_message();
