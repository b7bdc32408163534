ALTER TABLE "webhook_events" ADD COLUMN "failed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "webhook_event_id" bigint;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_webhook_event_id_webhook_events_id_fk" FOREIGN KEY ("webhook_event_id") REFERENCES "public"."webhook_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
DROP INDEX "alerts_one_open_per_kind";--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_one_open_per_kind" ON "alerts" USING btree ("org_id","channel_account_id","kind") WHERE "alerts"."resolved_at" is null and "alerts"."webhook_event_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_one_open_per_delivery" ON "alerts" USING btree ("webhook_event_id") WHERE "alerts"."resolved_at" is null and "alerts"."webhook_event_id" is not null;
