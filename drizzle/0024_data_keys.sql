-- Data keys: one per clinic and one per patient, each wrapped by the master key (CARELINE_SECRET_KEY).
-- contact_id has no foreign key on purpose: erasing a patient deletes their key row (crypto-shredding).
CREATE TABLE "data_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"contact_id" uuid,
	"wrapped" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_keys" ADD CONSTRAINT "data_keys_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "data_keys_clinic_unique" ON "data_keys" USING btree ("org_id") WHERE "data_keys"."contact_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "data_keys_patient_unique" ON "data_keys" USING btree ("org_id","contact_id") WHERE "data_keys"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "data_keys_org_idx" ON "data_keys" USING btree ("org_id");
