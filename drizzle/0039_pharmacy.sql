CREATE TABLE "pharmacy_inbound_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"clinic_org_id" uuid NOT NULL,
	"clinic_order_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"fulfilment" text NOT NULL,
	"content" text NOT NULL,
	"step" text DEFAULT 'sent' NOT NULL,
	"ready_at" timestamp (3) with time zone,
	"eta" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pharmacy_link_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_by_user_id" uuid,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone,
	"used_by_org_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pharmacy_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"language" text DEFAULT 'fr' NOT NULL,
	"reach_kind" text NOT NULL,
	"channel_type" text,
	"channel_address" text,
	"channel_account_id" uuid,
	"partner_contact_id" uuid,
	"pharmacy_org_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prescription_order_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"kind" text NOT NULL,
	"step" text,
	"actor_kind" text NOT NULL,
	"actor_user_id" uuid,
	"actor_api_key_id" uuid,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "prescription_order_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"details" text NOT NULL,
	"substitution_allowed" boolean NOT NULL,
	"availability" text DEFAULT 'pending' NOT NULL,
	"substitute" text,
	"substitute_decision" text
);
--> statement-breakpoint
CREATE TABLE "prescription_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"pharmacy_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"fulfilment" text NOT NULL,
	"delivery_address" text,
	"note" text,
	"step" text DEFAULT 'sent' NOT NULL,
	"ready_at" timestamp (3) with time zone,
	"eta" timestamp (3) with time zone,
	"decline_reason" text,
	"created_by_user_id" uuid,
	"created_by_api_key_id" uuid,
	"partner_conversation_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "kind" text DEFAULT 'clinic' NOT NULL;--> statement-breakpoint
ALTER TABLE "pharmacy_inbound_orders" ADD CONSTRAINT "pharmacy_inbound_orders_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pharmacy_inbound_orders" ADD CONSTRAINT "pharmacy_inbound_orders_clinic_org_id_orgs_id_fk" FOREIGN KEY ("clinic_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pharmacy_inbound_orders" ADD CONSTRAINT "pharmacy_inbound_orders_clinic_order_id_prescription_orders_id_fk" FOREIGN KEY ("clinic_order_id") REFERENCES "public"."prescription_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pharmacy_link_codes" ADD CONSTRAINT "pharmacy_link_codes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pharmacy_link_codes" ADD CONSTRAINT "pharmacy_link_codes_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pharmacy_link_codes" ADD CONSTRAINT "pharmacy_link_codes_used_by_org_id_orgs_id_fk" FOREIGN KEY ("used_by_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pharmacy_partners" ADD CONSTRAINT "pharmacy_partners_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pharmacy_partners" ADD CONSTRAINT "pharmacy_partners_channel_account_id_channel_accounts_id_fk" FOREIGN KEY ("channel_account_id") REFERENCES "public"."channel_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pharmacy_partners" ADD CONSTRAINT "pharmacy_partners_partner_contact_id_contacts_id_fk" FOREIGN KEY ("partner_contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pharmacy_partners" ADD CONSTRAINT "pharmacy_partners_pharmacy_org_id_orgs_id_fk" FOREIGN KEY ("pharmacy_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescription_order_events" ADD CONSTRAINT "prescription_order_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescription_order_events" ADD CONSTRAINT "prescription_order_events_order_id_prescription_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."prescription_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescription_order_events" ADD CONSTRAINT "prescription_order_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescription_order_events" ADD CONSTRAINT "prescription_order_events_actor_api_key_id_api_keys_id_fk" FOREIGN KEY ("actor_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescription_order_items" ADD CONSTRAINT "prescription_order_items_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescription_order_items" ADD CONSTRAINT "prescription_order_items_order_id_prescription_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."prescription_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescription_orders" ADD CONSTRAINT "prescription_orders_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescription_orders" ADD CONSTRAINT "prescription_orders_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescription_orders" ADD CONSTRAINT "prescription_orders_pharmacy_id_pharmacy_partners_id_fk" FOREIGN KEY ("pharmacy_id") REFERENCES "public"."pharmacy_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescription_orders" ADD CONSTRAINT "prescription_orders_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescription_orders" ADD CONSTRAINT "prescription_orders_created_by_api_key_id_api_keys_id_fk" FOREIGN KEY ("created_by_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pharmacy_inbound_orders_clinic_order_unique" ON "pharmacy_inbound_orders" USING btree ("clinic_order_id");--> statement-breakpoint
CREATE INDEX "pharmacy_inbound_orders_org_idx" ON "pharmacy_inbound_orders" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "pharmacy_link_codes_hash_unique" ON "pharmacy_link_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "pharmacy_partners_org_idx" ON "pharmacy_partners" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pharmacy_partners_contact_unique" ON "pharmacy_partners" USING btree ("org_id","partner_contact_id");--> statement-breakpoint
CREATE INDEX "pharmacy_partners_pharmacy_org_idx" ON "pharmacy_partners" USING btree ("pharmacy_org_id");--> statement-breakpoint
CREATE INDEX "prescription_order_events_order_idx" ON "prescription_order_events" USING btree ("org_id","order_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "prescription_order_items_position_unique" ON "prescription_order_items" USING btree ("order_id","position");--> statement-breakpoint
CREATE INDEX "prescription_orders_org_created_idx" ON "prescription_orders" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "prescription_orders_contact_idx" ON "prescription_orders" USING btree ("org_id","contact_id","created_at");--> statement-breakpoint
CREATE INDEX "prescription_orders_pharmacy_idx" ON "prescription_orders" USING btree ("org_id","pharmacy_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "prescription_orders_reference_unique" ON "prescription_orders" USING btree ("org_id","reference");--> statement-breakpoint
-- Live updates of prescription orders: the clinic's order (its step) and a Careline pharmacy's copy each
-- publish an event in their own org. Ids and the step only: the medicines are read through the API.
CREATE OR REPLACE FUNCTION careline_publish_prescription_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text;
  body jsonb;
  event_id bigint;
BEGIN
  IF TG_TABLE_NAME = 'prescription_orders' THEN
    kind := CASE WHEN TG_OP = 'INSERT' THEN 'prescription_order.created' ELSE 'prescription_order.updated' END;
    body := jsonb_build_object('orderId', NEW.id, 'contactId', NEW.contact_id,
      'pharmacyId', NEW.pharmacy_id, 'step', NEW.step);
  ELSE
    kind := CASE WHEN TG_OP = 'INSERT' THEN 'pharmacy_order.created' ELSE 'pharmacy_order.updated' END;
    body := jsonb_build_object('pharmacyOrderId', NEW.id, 'step', NEW.step);
  END IF;
  INSERT INTO events (org_id, type, payload) VALUES (NEW.org_id, kind, body) RETURNING id INTO event_id;
  PERFORM pg_notify('careline_events', NEW.org_id::text || ':' || event_id::text);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER prescription_orders_publish AFTER INSERT OR UPDATE OF step, ready_at, eta, updated_at
  ON prescription_orders FOR EACH ROW EXECUTE FUNCTION careline_publish_prescription_event();
--> statement-breakpoint
CREATE TRIGGER pharmacy_inbound_orders_publish AFTER INSERT OR UPDATE OF step, ready_at, eta, updated_at
  ON pharmacy_inbound_orders FOR EACH ROW EXECUTE FUNCTION careline_publish_prescription_event();
