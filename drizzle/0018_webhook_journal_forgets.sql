ALTER TABLE "webhook_events" ALTER COLUMN "raw_body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "sealed_body" text;--> statement-breakpoint
UPDATE "webhook_events" SET "raw_body" = NULL WHERE "processed_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "webhook_events_holding_body_idx" ON "webhook_events" USING btree ("received_at") WHERE "webhook_events"."sealed_body" is not null or "webhook_events"."raw_body" is not null;
