-- One patient across channels (issue 16): merges decided by a person, reversible. The merged record is
-- kept (merged_into_id) so that an unmerge restores it; contact_merges records what moved, the survivor's
-- fields before and the field choices sealed with its key. Blind-index hashes of the e-mail and birth
-- date fields and of shared contact cards' numbers let Careline suggest duplicates without opening every
-- record.
CREATE TABLE "contact_duplicate_dismissals" (
	"org_id" uuid NOT NULL,
	"contact_a" uuid NOT NULL,
	"contact_b" uuid NOT NULL,
	"dismissed_by_user_id" uuid,
	"dismissed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_duplicate_dismissals_org_id_contact_a_contact_b_pk" PRIMARY KEY("org_id","contact_a","contact_b")
);
--> statement-breakpoint
CREATE TABLE "contact_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"merged_by_user_id" uuid,
	"merged_by_api_key_id" uuid,
	"merged_at" timestamp (3) with time zone NOT NULL,
	"field_choices" text NOT NULL,
	"survivor_before" text NOT NULL,
	"moved" jsonb NOT NULL,
	"unmerged_at" timestamp (3) with time zone,
	"unmerged_by_user_id" uuid,
	"unmerged_by_api_key_id" uuid
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "email_hash" bigint;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "birth_date_hash" bigint;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "shared_phone_hashes" bigint[] DEFAULT '{}'::bigint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "contact_duplicate_dismissals" ADD CONSTRAINT "contact_duplicate_dismissals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_merges" ADD CONSTRAINT "contact_merges_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_merges_one_live_per_merged" ON "contact_merges" USING btree ("org_id","merged_id") WHERE "contact_merges"."unmerged_at" is null;--> statement-breakpoint
CREATE INDEX "contact_merges_survivor_idx" ON "contact_merges" USING btree ("org_id","survivor_id","merged_at");--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_merged_into_id_contacts_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_org_email_hash_idx" ON "contacts" USING btree ("org_id","email_hash") WHERE "contacts"."email_hash" is not null;--> statement-breakpoint
CREATE INDEX "contacts_org_birth_hash_idx" ON "contacts" USING btree ("org_id","birth_date_hash") WHERE "contacts"."birth_date_hash" is not null;--> statement-breakpoint
CREATE INDEX "contacts_merged_into_idx" ON "contacts" USING btree ("org_id","merged_into_id") WHERE "contacts"."merged_into_id" is not null;
