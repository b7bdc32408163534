CREATE TABLE "stock_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"partner_pharmacy_id" uuid,
	"medication" text NOT NULL,
	"medication_key" text NOT NULL,
	"strength" text,
	"form" text,
	"status" text NOT NULL,
	"message" text,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stock_notices" ADD CONSTRAINT "stock_notices_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_notices" ADD CONSTRAINT "stock_notices_partner_pharmacy_id_pharmacy_partners_id_fk" FOREIGN KEY ("partner_pharmacy_id") REFERENCES "public"."pharmacy_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_notices" ADD CONSTRAINT "stock_notices_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stock_notices_org_created" ON "stock_notices" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "stock_notices_org_medication" ON "stock_notices" USING btree ("org_id","medication_key");