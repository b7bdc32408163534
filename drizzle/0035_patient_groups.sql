CREATE TABLE "patient_group_members" (
	"org_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"added_by_user_id" uuid,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_group_members_org_id_group_id_contact_id_pk" PRIMARY KEY("org_id","group_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "patient_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"kind" text NOT NULL,
	"definition" jsonb,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "patient_group_members" ADD CONSTRAINT "patient_group_members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_group_members" ADD CONSTRAINT "patient_group_members_group_id_patient_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."patient_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_group_members" ADD CONSTRAINT "patient_group_members_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_group_members" ADD CONSTRAINT "patient_group_members_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_groups" ADD CONSTRAINT "patient_groups_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_groups" ADD CONSTRAINT "patient_groups_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_group_members_contact_idx" ON "patient_group_members" USING btree ("org_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patient_groups_org_name_unique" ON "patient_groups" USING btree ("org_id","name") WHERE "patient_groups"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "patient_groups_org_created_idx" ON "patient_groups" USING btree ("org_id","created_at");