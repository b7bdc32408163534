-- Patients sealed at rest (issue 14): names, phones, tags, custom fields and channel identities hold
-- sealed values (`cl1.` + AES-256-GCM under the patient's key); lookups use keyed hashes (blind index).
-- Existing plain values stay readable until the in-place sealing (src/seal-existing-data.ts) reaches them.
DROP INDEX IF EXISTS "contacts_search_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "contacts_tags_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "contacts_org_phone_idx";--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "tags" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "tags" TYPE text USING to_jsonb("tags")::text;--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "tags" SET DEFAULT '[]';--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "custom_fields" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "custom_fields" TYPE text USING "custom_fields"::text;--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "custom_fields" SET DEFAULT '{}';--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "phone_hash" bigint;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "name_terms" bigint[] DEFAULT '{}'::bigint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "tag_terms" bigint[] DEFAULT '{}'::bigint[] NOT NULL;--> statement-breakpoint
CREATE INDEX "contacts_org_phone_hash_idx" ON "contacts" USING btree ("org_id","phone_hash");--> statement-breakpoint
CREATE INDEX "contacts_name_terms_idx" ON "contacts" USING gin ("name_terms");--> statement-breakpoint
CREATE INDEX "contacts_tag_terms_idx" ON "contacts" USING gin ("tag_terms");--> statement-breakpoint
CREATE INDEX "contacts_plain_phone_idx" ON "contacts" USING btree ("org_id","phone") WHERE "contacts"."phone" not like 'cl1.%';--> statement-breakpoint
DROP INDEX IF EXISTS "contact_identities_external_unique";--> statement-breakpoint
DROP INDEX IF EXISTS "contact_identities_bsuid_unique";--> statement-breakpoint
ALTER TABLE "contact_identities" ADD COLUMN "external_id_hash" bigint;--> statement-breakpoint
ALTER TABLE "contact_identities" ADD COLUMN "bsuid_hash" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_identities_external_hash_unique" ON "contact_identities" USING btree ("org_id","channel_type","external_id_hash") WHERE "contact_identities"."external_id_hash" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_identities_bsuid_hash_unique" ON "contact_identities" USING btree ("org_id","channel_type","bsuid_hash") WHERE "contact_identities"."bsuid_hash" is not null;--> statement-breakpoint
CREATE INDEX "contact_identities_plain_external_idx" ON "contact_identities" USING btree ("org_id","channel_type","external_id") WHERE "contact_identities"."external_id" not like 'cl1.%';--> statement-breakpoint
CREATE INDEX "contact_identities_plain_bsuid_idx" ON "contact_identities" USING btree ("org_id","channel_type","bsuid") WHERE "contact_identities"."bsuid" not like 'cl1.%';--> statement-breakpoint
-- Channel secrets: JSON sealed with the clinic key instead of a readable object (plain until sealed in place).
ALTER TABLE "channel_accounts" ALTER COLUMN "secrets" TYPE text USING "secrets"::text;
