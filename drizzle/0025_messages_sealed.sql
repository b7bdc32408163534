-- Messages sealed at rest: text and content are encrypted with the patient's key (text keeps its
-- column, holding `cl1.…`; content moves to content_sealed as sealed JSON), and the full-text index
-- over readable words gives way to a blind index: keyed hashes of the words' French and English stems.
ALTER TABLE "messages" ADD COLUMN "content_sealed" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "search_terms" bigint[] DEFAULT '{}'::bigint[] NOT NULL;--> statement-breakpoint
DROP INDEX IF EXISTS "messages_search_idx";--> statement-breakpoint
CREATE INDEX "messages_search_terms_idx" ON "messages" USING gin ("search_terms");--> statement-breakpoint
-- Newest-first search of a clinic's messages when a word is common: read backwards, filter by terms.
CREATE INDEX "messages_org_recent_idx" ON "messages" USING btree ("org_id","occurred_at","id");--> statement-breakpoint
-- Sealing a message in place (or re-indexing it) is no news for the web app: an update publishes an
-- event only when something other than the sealed columns changed.
DROP TRIGGER IF EXISTS messages_publish ON messages;--> statement-breakpoint
CREATE TRIGGER messages_publish AFTER INSERT ON messages
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION careline_publish_event();--> statement-breakpoint
CREATE TRIGGER messages_publish_update AFTER UPDATE ON messages
  FOR EACH ROW WHEN (pg_trigger_depth() < 1
    AND (to_jsonb(OLD) - ARRAY['text', 'content', 'content_sealed', 'search_terms'])
      IS DISTINCT FROM (to_jsonb(NEW) - ARRAY['text', 'content', 'content_sealed', 'search_terms']))
  EXECUTE FUNCTION careline_publish_event();
--> statement-breakpoint
-- What the in-place sealing still has to do (messages written before encryption), found without
-- reading the whole table each batch; sealed rows leave it, new rows never enter it.
CREATE INDEX "messages_unsealed_idx" ON "messages" USING btree ("seq")
  WHERE "content_sealed" IS NULL AND ("content" IS NOT NULL OR ("text" IS NOT NULL AND left("text", 4) <> 'cl1.'));
--> statement-breakpoint
-- A replayed Idempotency-Key answer repeats the message: kept sealed with the clinic's key.
ALTER TABLE "idempotency_keys" ADD COLUMN "response_sealed" text;
--> statement-breakpoint
-- Sealing a file's name in place is no news either.
DROP TRIGGER IF EXISTS media_files_publish ON media_files;--> statement-breakpoint
CREATE TRIGGER media_files_publish AFTER UPDATE ON media_files
  FOR EACH ROW WHEN (NEW.message_id IS NOT NULL
    AND (to_jsonb(OLD) - 'file_name') IS DISTINCT FROM (to_jsonb(NEW) - 'file_name'))
  EXECUTE FUNCTION careline_publish_event();
