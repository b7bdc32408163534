CREATE TABLE "busy_calendar_copies" (
	"practitioner_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"source" text NOT NULL,
	"ics_text" text NOT NULL,
	"busy" jsonb NOT NULL,
	"covers_from" timestamp (3) with time zone NOT NULL,
	"covers_to" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "busy_calendar_copies" ADD CONSTRAINT "busy_calendar_copies_practitioner_id_practitioners_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."practitioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "busy_calendar_copies" ADD CONSTRAINT "busy_calendar_copies_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;