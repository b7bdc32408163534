import type { MedicationDispense, MedicationRequest, Quantity } from '@medplum/fhirtypes';
import type { OrderItemView, OrderView } from '../../pharmacy/order-view.ts';
import { CARELINE_ID_SYSTEM } from './identifier-systems.ts';

/** The order a medicine was sent in: MedicationRequests of one order share it as their groupIdentifier. */
export const PRESCRIPTION_ORDER_SYSTEM = 'https://careline.health/fhir/identifier/prescription-order';

/**
 * One medicine of a prescription order as an R4 MedicationRequest (an order has one per medicine, grouped
 * by the order's id): the medicine as text (Careline keeps no drug codes), the posology as the dosage's
 * text, the quantity (a number when it starts with one), whether substitution is allowed, the pharmacy
 * as the dispense's performer. Active until handed over (completed), cancelled by the clinic, or stopped
 * when the pharmacy declined.
 */
export function toFhirMedicationRequest(view: OrderView, item: OrderItemView): MedicationRequest {
  const { order } = view;
  const quantity = quantityOf(item.quantity);
  return {
    resourceType: 'MedicationRequest',
    id: item.id,
    identifier: [{ system: CARELINE_ID_SYSTEM, value: item.id }],
    groupIdentifier: { system: PRESCRIPTION_ORDER_SYSTEM, value: order.id },
    status:
      order.step === 'handed_over'
        ? 'completed'
        : order.step === 'cancelled'
          ? 'cancelled'
          : order.step === 'declined'
            ? 'stopped'
            : 'active',
    ...(order.step === 'declined' && view.declineReason
      ? { statusReason: { text: view.declineReason } }
      : {}),
    intent: 'order',
    medicationCodeableConcept: { text: medicineText(item) },
    subject: { reference: `Patient/${order.contactId}` },
    authoredOn: order.createdAt.toISOString(),
    dosageInstruction: [{ sequence: 1, text: item.posology }],
    dispenseRequest: {
      ...(quantity ? { quantity } : {}),
      performer: { display: view.pharmacy.name },
    },
    substitution: { allowedBoolean: item.substitutionAllowed },
    ...(view.note ? { note: [{ text: view.note }] } : {}),
  };
}

/**
 * Where the pharmacy stands with the medicine, as an R4 MedicationDispense: the order's status, the
 * substitute when the clinic accepted one, prepared at the ready time, handed over at the last change.
 */
export function toFhirMedicationDispense(view: OrderView, item: OrderItemView): MedicationDispense {
  const { order } = view;
  const substituted = item.substitute?.decision === 'accepted';
  return {
    resourceType: 'MedicationDispense',
    id: item.id,
    status: view.status,
    medicationCodeableConcept: {
      text: substituted && item.substitute ? medicineText(item.substitute) : medicineText(item),
    },
    subject: { reference: `Patient/${order.contactId}` },
    authorizingPrescription: [{ reference: `MedicationRequest/${item.id}` }],
    performer: [{ actor: { display: view.pharmacy.name } }],
    ...(order.readyAt ? { whenPrepared: order.readyAt.toISOString() } : {}),
    ...(order.step === 'handed_over' ? { whenHandedOver: order.updatedAt.toISOString() } : {}),
    dosageInstruction: [{ sequence: 1, text: item.posology }],
    ...(item.substitute ? { substitution: { wasSubstituted: substituted } } : {}),
  };
}

function medicineText(m: { medication: string; strength: string | null; form: string | null }): string {
  return [m.medication, m.strength, m.form].filter(Boolean).join(' ');
}

/** "2 boîtes" → 2 boîtes; "1" → 1; "une boîte" → no Quantity (the text stays in the API). */
function quantityOf(text: string): Quantity | undefined {
  const trimmed = text.trim();
  let end = 0;
  while (end < trimmed.length && (trimmed[end] as string) >= '0' && (trimmed[end] as string) <= '9') end += 1;
  if (end === 0) return undefined;
  const unit = trimmed.slice(end).trim();
  return { value: Number(trimmed.slice(0, end)), ...(unit ? { unit } : {}) };
}
