ALTER TABLE "consent_records" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "response" text;--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "responded_at" timestamp (3) with time zone;