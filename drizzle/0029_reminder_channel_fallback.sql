CREATE TABLE "line_push_quotas" (
	"channel_account_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"month" text NOT NULL,
	"quota_limit" integer,
	"used" integer DEFAULT 0 NOT NULL,
	"read_at" timestamp (3) with time zone,
	"warned_month" text
);
--> statement-breakpoint
ALTER TABLE "reminder_policies" ADD COLUMN "channel_order" text[];--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "fallback_from" text;--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "fallback_reason" text;--> statement-breakpoint
ALTER TABLE "line_push_quotas" ADD CONSTRAINT "line_push_quotas_channel_account_id_channel_accounts_id_fk" FOREIGN KEY ("channel_account_id") REFERENCES "public"."channel_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_push_quotas" ADD CONSTRAINT "line_push_quotas_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminders_message_idx" ON "reminders" USING btree ("message_id") WHERE "reminders"."message_id" is not null;