import { z } from 'zod';
import type { InboundOrderView, OrderEventView, OrderItemView, OrderView } from './order-view.ts';
import type { PartnerView } from './pharmacy-partner.service.ts';
import {
  DISPENSE_STATUSES,
  FULFILMENTS,
  ITEM_AVAILABILITIES,
  ORDER_ACTOR_KINDS,
  ORDER_EVENT_KINDS,
  ORDER_STEPS,
  PARTNER_LANGUAGES,
  RESPONSE_STEPS,
  SUBSTITUTE_DECISIONS,
} from './pharmacy-vocabulary.ts';

// The API's shapes of partner pharmacies and prescription orders (snake_case, as the rest of /api/v1).

const channelReachJson = z
  .object({
    kind: z.literal('channel'),
    channel_type: z.string(),
    address: z.string().describe('The pharmacy’s number (+ and digits) or id on the channel'),
    channel_account_id: z.uuid().describe('Which of the clinic’s numbers writes to it'),
  })
  .meta({ id: 'PharmacyChannelReach' });
const carelineReachJson = z
  .object({
    kind: z.literal('careline'),
    org_id: z.uuid(),
    org_name: z.string().nullable(),
  })
  .meta({ id: 'PharmacyCarelineReach' });

export const pharmacyJson = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string().nullable(),
    language: z.enum(PARTNER_LANGUAGES).describe('The language of the order messages on a channel'),
    reach: z.discriminatedUnion('kind', [channelReachJson, carelineReachJson]),
    active: z.boolean(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'Pharmacy' });

const medicineJson = {
  medication: z.string(),
  strength: z.string().nullable(),
  form: z.string().nullable(),
};

export const orderItemJson = z
  .object({
    id: z.uuid(),
    ...medicineJson,
    quantity: z.string(),
    posology: z.string(),
    substitution_allowed: z.boolean(),
    availability: z.enum(ITEM_AVAILABILITIES).describe('pending until the pharmacy answers'),
    substitute: z
      .object({ ...medicineJson, decision: z.enum(SUBSTITUTE_DECISIONS) })
      .nullable()
      .describe('What the pharmacy proposed instead of a missing medicine, and the clinic’s decision'),
  })
  .meta({ id: 'PrescriptionOrderItem' });

export const orderEventJson = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    kind: z.enum(ORDER_EVENT_KINDS),
    step: z.enum(ORDER_STEPS).nullable().describe('The step the order reached by this event'),
    actor: z.object({
      kind: z.enum(ORDER_ACTOR_KINDS),
      user_id: z.uuid().nullable(),
      api_key_id: z.uuid().nullable(),
    }),
    detail: z
      .object({
        via: z.enum(['channel', 'careline', 'api']).optional(),
        ready_at: z.string().optional(),
        eta: z.string().optional(),
        reason: z.string().optional(),
        text: z.string().optional().describe('What the pharmacist typed'),
        item_ids: z.array(z.uuid()).optional(),
        item_id: z.uuid().optional(),
        accepted: z.boolean().optional(),
        channel: z.string().optional().describe('Where the patient was told'),
        template: z
          .string()
          .optional()
          .describe('The approved template the patient was told with, outside the channel’s window'),
        why: z
          .string()
          .optional()
          .describe(
            'Why the patient was not told (no_consent, no_conversation_on_a_consented_channel, window_closed…) or the pharmacy not reached (window_closed_no_template, channel_unavailable…)',
          ),
      })
      .nullable(),
  })
  .meta({ id: 'PrescriptionOrderEvent' });

const orderFields = {
  id: z.uuid(),
  reference: z.string().describe('Short reference the pharmacist can type back (R7K2Q)'),
  contact_id: z.uuid(),
  pharmacy: z.object({ id: z.uuid(), name: z.string(), reach_kind: z.enum(['channel', 'careline']) }),
  fulfilment: z.enum(FULFILMENTS),
  delivery_address: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(DISPENSE_STATUSES).describe('FHIR MedicationDispense.status'),
  step: z.enum(ORDER_STEPS),
  next_steps: z.array(z.enum(RESPONSE_STEPS)).describe('The answers the pharmacy may give now'),
  ready_at: z.iso.datetime().nullable(),
  eta: z.iso.datetime().nullable(),
  decline_reason: z.string().nullable(),
  created_by_user_id: z.uuid().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  items: z.array(orderItemJson),
};

export const orderSummaryJson = z.object(orderFields).meta({ id: 'PrescriptionOrderSummary' });
export const orderJson = z
  .object({ ...orderFields, events: z.array(orderEventJson).describe('The timeline, oldest first') })
  .meta({ id: 'PrescriptionOrder' });

export const pharmacyOrderJson = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    clinic: z.object({ org_id: z.uuid(), name: z.string() }),
    patient: z.object({ name: z.string().nullable() }),
    fulfilment: z.enum(FULFILMENTS),
    delivery_address: z.string().nullable(),
    note: z.string().nullable(),
    status: z.enum(DISPENSE_STATUSES),
    step: z.enum(ORDER_STEPS),
    next_steps: z.array(z.enum(RESPONSE_STEPS)),
    ready_at: z.iso.datetime().nullable(),
    eta: z.iso.datetime().nullable(),
    decline_reason: z.string().nullable(),
    items: z.array(orderItemJson),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'PharmacyOrder' });

export const linkCodeJson = z
  .object({
    code: z.string().describe('Give it to one clinic: single use'),
    expires_at: z.iso.datetime(),
  })
  .meta({ id: 'PharmacyLinkCode' });

export function toPharmacyJson(view: PartnerView): z.infer<typeof pharmacyJson> {
  const { partner } = view;
  return {
    id: partner.id,
    name: partner.name,
    address: partner.address,
    language: partner.language,
    reach:
      partner.reachKind === 'careline'
        ? { kind: 'careline', org_id: partner.pharmacyOrgId ?? '', org_name: view.pharmacyOrgName }
        : {
            kind: 'channel',
            channel_type: partner.channelType ?? '',
            address: partner.channelAddress ?? '',
            channel_account_id: partner.channelAccountId ?? '',
          },
    active: partner.active,
    created_at: partner.createdAt.toISOString(),
    updated_at: partner.updatedAt.toISOString(),
  };
}

export function toItemJson(item: OrderItemView): z.infer<typeof orderItemJson> {
  return {
    id: item.id,
    medication: item.medication,
    strength: item.strength,
    form: item.form,
    quantity: item.quantity,
    posology: item.posology,
    substitution_allowed: item.substitutionAllowed,
    availability: item.availability,
    substitute: item.substitute,
  };
}

export function toOrderSummaryJson(view: OrderView): z.infer<typeof orderSummaryJson> {
  const { order } = view;
  return {
    id: order.id,
    reference: order.reference,
    contact_id: order.contactId,
    pharmacy: { id: view.pharmacy.id, name: view.pharmacy.name, reach_kind: view.pharmacy.reachKind },
    fulfilment: order.fulfilment,
    delivery_address: view.deliveryAddress,
    note: view.note,
    status: view.status,
    step: order.step,
    next_steps: view.nextSteps,
    ready_at: order.readyAt?.toISOString() ?? null,
    eta: order.eta?.toISOString() ?? null,
    decline_reason: view.declineReason,
    created_by_user_id: order.createdByUserId,
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
    items: view.items.map(toItemJson),
  };
}

export function toOrderJson(view: OrderView & { events: OrderEventView[] }): z.infer<typeof orderJson> {
  return { ...toOrderSummaryJson(view), events: view.events.map(toEventJson) };
}

function toEventJson(event: OrderEventView): z.infer<typeof orderEventJson> {
  const d = event.detail;
  return {
    id: event.id,
    at: event.at.toISOString(),
    kind: event.kind,
    step: event.step,
    actor: { kind: event.actor.kind, user_id: event.actor.userId, api_key_id: event.actor.apiKeyId },
    detail: d
      ? {
          ...(d.via ? { via: d.via } : {}),
          ...(d.readyAt ? { ready_at: d.readyAt } : {}),
          ...(d.eta ? { eta: d.eta } : {}),
          ...(d.reason ? { reason: d.reason } : {}),
          ...(d.text ? { text: d.text } : {}),
          ...(d.itemIds ? { item_ids: d.itemIds } : {}),
          ...(d.itemId ? { item_id: d.itemId } : {}),
          ...(d.accepted !== undefined ? { accepted: d.accepted } : {}),
          ...(d.channel ? { channel: d.channel } : {}),
          ...(d.template ? { template: d.template } : {}),
          ...(d.why ? { why: d.why } : {}),
        }
      : null,
  };
}

export function toPharmacyOrderJson(view: InboundOrderView): z.infer<typeof pharmacyOrderJson> {
  const { row, content } = view;
  return {
    id: row.id,
    reference: row.reference,
    clinic: { org_id: row.clinicOrgId, name: content?.clinicName ?? '' },
    patient: { name: content?.patient.name ?? null },
    fulfilment: row.fulfilment,
    delivery_address: content?.deliveryAddress ?? null,
    note: content?.note ?? null,
    status: view.status,
    step: row.step,
    next_steps: view.nextSteps,
    ready_at: row.readyAt?.toISOString() ?? null,
    eta: row.eta?.toISOString() ?? null,
    decline_reason: content?.declineReason ?? null,
    items: (content?.items ?? []).map(toItemJson),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
