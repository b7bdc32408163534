import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { apiKeys } from '../auth/api-key.schema.ts';
import { channelAccounts } from '../channel-accounts/channel-account.schema.ts';
import { contacts } from '../contacts/contact.schema.ts';
import { orgs } from '../orgs/org.schema.ts';
import { users } from '../users/user.schema.ts';
import {
  FULFILMENTS,
  ITEM_AVAILABILITIES,
  ORDER_ACTOR_KINDS,
  ORDER_STEPS,
  PARTNER_LANGUAGES,
  PHARMACY_REACH_KINDS,
  SUBSTITUTE_DECISIONS,
} from './pharmacy-vocabulary.ts';

export * from './pharmacy-vocabulary.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A pharmacy the clinic works with: reached on a channel (its WhatsApp number, written to from one of the
 * clinic's numbers) or, when it runs Careline too, its own org, paired with a code the pharmacy gave.
 * A pharmacy's name, address and number are business details, not patient data: kept in plain text.
 */
export const pharmacyPartners = pgTable(
  'pharmacy_partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    address: text('address'),
    /** The language the order messages are written in, on a channel. */
    language: text('language', { enum: PARTNER_LANGUAGES }).notNull().default('fr'),
    reachKind: text('reach_kind', { enum: PHARMACY_REACH_KINDS }).notNull(),
    channelType: text('channel_type'),
    /** The pharmacy's id on the channel (its number, `+` and digits, on WhatsApp). */
    channelAddress: text('channel_address'),
    channelAccountId: uuid('channel_account_id').references(() => channelAccounts.id),
    /** The pharmacy's number as a person of the clinic's inbox: its conversation holds the orders. */
    partnerContactId: uuid('partner_contact_id').references(() => contacts.id),
    pharmacyOrgId: uuid('pharmacy_org_id').references(() => orgs.id),
    active: boolean('active').notNull().default(true),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('pharmacy_partners_org_idx').on(t.orgId, t.createdAt),
    uniqueIndex('pharmacy_partners_contact_unique').on(t.orgId, t.partnerContactId),
    index('pharmacy_partners_pharmacy_org_idx').on(t.pharmacyOrgId),
  ],
);

/**
 * A single-use code a pharmacy's org issues so that one clinic can pair with it: without one, no clinic
 * can push orders into a pharmacy's org. Only its SHA-256 is kept.
 */
export const pharmacyLinkCodes = pgTable(
  'pharmacy_link_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The pharmacy's org. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    codeHash: text('code_hash').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    usedByOrgId: uuid('used_by_org_id').references(() => orgs.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pharmacy_link_codes_hash_unique').on(t.codeHash)],
);

/**
 * A prescription order the clinic sent a pharmacy for one patient (FHIR MedicationRequest). Its note and
 * delivery address are sealed with the patient's key; where it stands (step, status, times) is not
 * patient data on its own and stays plain, so lists and the live feed need no key.
 */
export const prescriptionOrders = pgTable(
  'prescription_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    pharmacyId: uuid('pharmacy_id')
      .notNull()
      .references(() => pharmacyPartners.id),
    /** Short reference the pharmacist can type ("R7K2"), unique per clinic. */
    reference: text('reference').notNull(),
    fulfilment: text('fulfilment', { enum: FULFILMENTS }).notNull(),
    /** Sealed (patient key): the delivery address. */
    deliveryAddress: text('delivery_address'),
    /** Sealed (patient key): the prescriber's note to the pharmacist. */
    note: text('note'),
    step: text('step', { enum: ORDER_STEPS }).notNull().default('sent'),
    readyAt: at('ready_at'),
    eta: at('eta'),
    /** Sealed (patient key): why the pharmacy declined. */
    declineReason: text('decline_reason'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdByApiKeyId: uuid('created_by_api_key_id').references(() => apiKeys.id),
    /** On a channel: the conversation with the pharmacy's number the order went to. */
    partnerConversationId: uuid('partner_conversation_id'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('prescription_orders_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('prescription_orders_contact_idx').on(t.orgId, t.contactId, t.createdAt),
    index('prescription_orders_pharmacy_idx').on(t.orgId, t.pharmacyId, t.createdAt),
    uniqueIndex('prescription_orders_reference_unique').on(t.orgId, t.reference),
  ],
);

/** A medicine of an order: what it is and how it is taken are sealed with the patient's key. */
export const prescriptionOrderItems = pgTable(
  'prescription_order_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    orderId: uuid('order_id')
      .notNull()
      .references(() => prescriptionOrders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** Sealed JSON: medication, strength, form, quantity, posology. */
    details: text('details').notNull(),
    substitutionAllowed: boolean('substitution_allowed').notNull(),
    availability: text('availability', { enum: ITEM_AVAILABILITIES }).notNull().default('pending'),
    /** Sealed JSON: the substitute the pharmacy proposed (medication, strength, form). */
    substitute: text('substitute'),
    substituteDecision: text('substitute_decision', { enum: SUBSTITUTE_DECISIONS }),
  },
  (t) => [uniqueIndex('prescription_order_items_position_unique').on(t.orderId, t.position)],
);

/** An order's timeline: who did what, when. What they said (a reason, an answer) is sealed. */
export const prescriptionOrderEvents = pgTable(
  'prescription_order_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    orderId: uuid('order_id')
      .notNull()
      .references(() => prescriptionOrders.id, { onDelete: 'cascade' }),
    at: at('at').notNull(),
    /**
     * The order events were written in: an answer and the patient's notice it caused are written in one
     * transaction, at one `at` (PostgreSQL's now() is the transaction's start), and must read in order.
     */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    step: text('step', { enum: ORDER_STEPS }),
    actorKind: text('actor_kind', { enum: ORDER_ACTOR_KINDS }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorApiKeyId: uuid('actor_api_key_id').references(() => apiKeys.id),
    /** Sealed JSON (patient key): the details of the event (reason, items, channel, why not notified). */
    detail: text('detail'),
  },
  (t) => [index('prescription_order_events_order_idx').on(t.orgId, t.orderId, t.at)],
);

/**
 * A Careline pharmacy's own copy of an order a paired clinic sent: the medicines and the patient's name,
 * sealed with the pharmacy org's key (never the clinic's), linked to the clinic's order by id. The
 * clinic's records stay in the clinic's org; the pharmacy answers through this row.
 */
export const pharmacyInboundOrders = pgTable(
  'pharmacy_inbound_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The pharmacy's org. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    clinicOrgId: uuid('clinic_org_id')
      .notNull()
      .references(() => orgs.id),
    clinicOrderId: uuid('clinic_order_id')
      .notNull()
      .references(() => prescriptionOrders.id),
    reference: text('reference').notNull(),
    fulfilment: text('fulfilment', { enum: FULFILMENTS }).notNull(),
    /** Sealed JSON (the pharmacy's clinic key): patient name, items, note, delivery address. */
    content: text('content').notNull(),
    step: text('step', { enum: ORDER_STEPS }).notNull().default('sent'),
    readyAt: at('ready_at'),
    eta: at('eta'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pharmacy_inbound_orders_clinic_order_unique').on(t.clinicOrderId),
    index('pharmacy_inbound_orders_org_idx').on(t.orgId, t.createdAt, t.id),
  ],
);

export type PharmacyPartner = typeof pharmacyPartners.$inferSelect;
export type PharmacyLinkCode = typeof pharmacyLinkCodes.$inferSelect;
export type PrescriptionOrder = typeof prescriptionOrders.$inferSelect;
export type PrescriptionOrderItem = typeof prescriptionOrderItems.$inferSelect;
export type PrescriptionOrderEvent = typeof prescriptionOrderEvents.$inferSelect;
export type PharmacyInboundOrder = typeof pharmacyInboundOrders.$inferSelect;
