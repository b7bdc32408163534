CREATE TABLE "care_group_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"care_group_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"participant_id" uuid,
	"sent_by_user_id" uuid,
	"external_id" text,
	"type" text NOT NULL,
	"text" text,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"error_code" integer,
	"error_title" text,
	"red_flag" text,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_group_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"care_group_id" uuid NOT NULL,
	"contact_id" uuid,
	"wa_id" text NOT NULL,
	"name" text,
	"status" text DEFAULT 'joined' NOT NULL,
	"joined_at" timestamp (3) with time zone NOT NULL,
	"left_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "care_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"channel_account_id" uuid NOT NULL,
	"external_id" text,
	"request_id" text,
	"subject" text NOT NULL,
	"description" text,
	"invite_link" text,
	"status" text DEFAULT 'creating' NOT NULL,
	"failure" text,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "care_group_messages" ADD CONSTRAINT "care_group_messages_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_group_messages" ADD CONSTRAINT "care_group_messages_care_group_id_care_groups_id_fk" FOREIGN KEY ("care_group_id") REFERENCES "public"."care_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_group_messages" ADD CONSTRAINT "care_group_messages_participant_id_care_group_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."care_group_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_group_messages" ADD CONSTRAINT "care_group_messages_sent_by_user_id_users_id_fk" FOREIGN KEY ("sent_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_group_participants" ADD CONSTRAINT "care_group_participants_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_group_participants" ADD CONSTRAINT "care_group_participants_care_group_id_care_groups_id_fk" FOREIGN KEY ("care_group_id") REFERENCES "public"."care_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_group_participants" ADD CONSTRAINT "care_group_participants_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_groups" ADD CONSTRAINT "care_groups_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_groups" ADD CONSTRAINT "care_groups_channel_account_id_channel_accounts_id_fk" FOREIGN KEY ("channel_account_id") REFERENCES "public"."channel_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_groups" ADD CONSTRAINT "care_groups_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "care_group_messages_external_unique" ON "care_group_messages" USING btree ("care_group_id","external_id") WHERE "care_group_messages"."external_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "care_group_messages_timeline" ON "care_group_messages" USING btree ("org_id","care_group_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "care_group_participants_contact_unique" ON "care_group_participants" USING btree ("care_group_id","contact_id");--> statement-breakpoint
CREATE INDEX "care_group_participants_org" ON "care_group_participants" USING btree ("org_id","care_group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "care_groups_account_external_unique" ON "care_groups" USING btree ("channel_account_id","external_id") WHERE "care_groups"."external_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "care_groups_org_created" ON "care_groups" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "care_groups_request" ON "care_groups" USING btree ("channel_account_id","request_id");