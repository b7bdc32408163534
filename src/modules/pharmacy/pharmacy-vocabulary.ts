// The words of prescription orders, apart from the tables so that routes, the FHIR mapper and the web's
// generated types can use them without the tables.

/** A clinic, or a pharmacy that receives orders from the clinics it paired with. */
export const ORG_KINDS = ['clinic', 'pharmacy'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** How a clinic reaches a partner pharmacy: a chat with its number, or its own Careline org. */
export const PHARMACY_REACH_KINDS = ['channel', 'careline'] as const;
export type PharmacyReachKind = (typeof PHARMACY_REACH_KINDS)[number];

export const FULFILMENTS = ['pickup', 'delivery'] as const;
export type Fulfilment = (typeof FULFILMENTS)[number];

/** Where an order stands, as the pharmacy's answers moved it. */
export const ORDER_STEPS = [
  'sent',
  'available',
  'partly_available',
  'unavailable',
  'ready_for_pickup',
  'out_for_delivery',
  'handed_over',
  'declined',
  'cancelled',
] as const;
export type OrderStep = (typeof ORDER_STEPS)[number];

/** What a pharmacy may answer (cancelled is the clinic's, sent is where orders start). */
export const RESPONSE_STEPS = [
  'available',
  'partly_available',
  'unavailable',
  'ready_for_pickup',
  'out_for_delivery',
  'handed_over',
  'declined',
] as const satisfies readonly OrderStep[];
export type ResponseStep = (typeof RESPONSE_STEPS)[number];

/** FHIR R4 MedicationDispense.status values an order's step maps to. */
export const DISPENSE_STATUSES = [
  'preparation',
  'in-progress',
  'on-hold',
  'completed',
  'declined',
  'cancelled',
] as const;
export type DispenseStatus = (typeof DISPENSE_STATUSES)[number];

export const ITEM_AVAILABILITIES = ['pending', 'available', 'unavailable'] as const;
export type ItemAvailability = (typeof ITEM_AVAILABILITIES)[number];

export const SUBSTITUTE_DECISIONS = ['proposed', 'accepted', 'refused'] as const;
export type SubstituteDecision = (typeof SUBSTITUTE_DECISIONS)[number];

/** What happened to an order, one line of its timeline each. */
export const ORDER_EVENT_KINDS = [
  'sent',
  'not_delivered',
  'response',
  'substitute_decision',
  'cancelled',
  'patient_notified',
  'patient_not_notified',
  'question_asked',
] as const;
export type OrderEventKind = (typeof ORDER_EVENT_KINDS)[number];

export const ORDER_ACTOR_KINDS = ['user', 'api_key', 'pharmacy', 'system'] as const;
export type OrderActorKind = (typeof ORDER_ACTOR_KINDS)[number];

export const PARTNER_LANGUAGES = ['fr', 'en'] as const;
export type PartnerLanguage = (typeof PARTNER_LANGUAGES)[number];
