-- Patients' rights (GDPR) and retention. An erasure leaves a record that it happened, by whom and when,
-- under a random reference: never who was erased. A clinic may have message text and files erased after
-- some months (off by default); the daily job marks what it erased so the timeline can say so.
CREATE TABLE "erasures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"erased_by_user_id" uuid,
	"erased_by_api_key_id" uuid,
	"removed" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"erased_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "erasures_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "erasures" ADD CONSTRAINT "erasures_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasures" ADD CONSTRAINT "erasures_erased_by_user_id_users_id_fk" FOREIGN KEY ("erased_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasures" ADD CONSTRAINT "erasures_erased_by_api_key_id_api_keys_id_fk" FOREIGN KEY ("erased_by_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "erasures_org_idx" ON "erasures" USING btree ("org_id","erased_at");--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "retention_text_months" integer;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "retention_file_months" integer;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "retention_last_run" jsonb;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "retention_erased_at" timestamp (3) with time zone;--> statement-breakpoint
-- The retention job looks for the oldest messages not yet erased, clinic by clinic.
CREATE INDEX "messages_retention_idx" ON "messages" USING btree ("org_id","occurred_at") WHERE "retention_erased_at" IS NULL;
