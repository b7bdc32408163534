-- Every read of patient data, append-only and hash-chained per clinic (issue 14, item 4).
CREATE TABLE "audit_events" (
	"org_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"recorded" timestamp (3) with time zone NOT NULL,
	"type" text NOT NULL,
	"subtype" text NOT NULL,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"agent_user_id" uuid,
	"agent_api_key_id" uuid,
	"agent_role" text NOT NULL,
	"agent_network" text NOT NULL,
	"entity" jsonb NOT NULL,
	"patient_ids" uuid[] NOT NULL,
	"purpose_of_use" text,
	"query_sealed" text,
	CONSTRAINT "audit_events_org_id_seq_pk" PRIMARY KEY("org_id","seq")
);
--> statement-breakpoint
CREATE TABLE "audit_chain_heads" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"reason_required_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_chain_heads" ADD CONSTRAINT "audit_chain_heads_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_settings" ADD CONSTRAINT "audit_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_org_recorded_idx" ON "audit_events" USING btree ("org_id","recorded");--> statement-breakpoint
CREATE INDEX "audit_events_patients_idx" ON "audit_events" USING gin ("patient_ids");--> statement-breakpoint
CREATE INDEX "audit_events_agent_idx" ON "audit_events" USING btree ("org_id","agent_user_id") WHERE "audit_events"."agent_user_id" is not null;--> statement-breakpoint
-- Append-only: the application can add records, nobody can change or remove one without first
-- disabling this trigger (a superuser's act, which the hash chain then shows).
CREATE OR REPLACE FUNCTION careline_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION careline_audit_append_only();--> statement-breakpoint
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION careline_audit_append_only();
