import { randomInt } from 'node:crypto';
import type { Db } from '../../platform/db/db.ts';
import { type KeysetPosition, type Page, toPage } from '../../platform/db/keyset-cursor.ts';
import { findContact } from '../contacts/contact.service.ts';
import type { Opener } from '../keys/keyring.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import {
  OrderFieldError,
  OrderNotFoundError,
  OrderStepConflictError,
  PharmacyNotFoundError,
} from './order-errors.ts';
import { ORDER_EVENT_PURPOSE, type OrderEventDetail, openEventDetail } from './order-event-detail.ts';
import { cancellable, dispenseStatusOf, isFinal, nextSteps, refusedMove } from './order-steps.ts';
import type {
  InboundOrderContent,
  InboundOrderView,
  Medicine,
  NewOrder,
  OrderEventView,
  OrderItemView,
  OrderView,
  PharmacyResponse,
} from './order-view.ts';
import { deliverToPartnerChannel, tellPartnerOfChange } from './partner-channel.ts';
import { notifyPatientOfStep } from './patient-notice.ts';
import {
  eventsOfOrder,
  findInboundOrder,
  findInboundOrderOfClinicOrder,
  findItem,
  findOrder,
  findPartner,
  insertInboundOrder,
  insertItems,
  insertOrder,
  insertOrderEvent,
  itemsOfOrders,
  listInboundOrdersPage,
  listOrdersPage,
  lockOrder,
  updateInboundOrder,
  updateItem,
  updateOrder,
} from './pharmacy.repository.ts';
import type {
  PharmacyInboundOrder,
  PharmacyPartner,
  PrescriptionOrder,
  PrescriptionOrderEvent,
  PrescriptionOrderItem,
} from './pharmacy.schema.ts';
import type { OrderActor, PharmacyDeps } from './pharmacy-deps.ts';
import type { OrderEventKind, OrderStep } from './pharmacy-vocabulary.ts';

const ITEM_PURPOSE = 'prescription_order_items.details';
const SUBSTITUTE_PURPOSE = 'prescription_order_items.substitute';
const NOTE_PURPOSE = 'prescription_orders.note';
const ADDRESS_PURPOSE = 'prescription_orders.delivery_address';
const REASON_PURPOSE = 'prescription_orders.decline_reason';
const INBOUND_PURPOSE = 'pharmacy_inbound_orders.content';

/**
 * Sends a prescription order: stored sealed with the patient's key, then delivered to the pharmacy in
 * the same transaction (a message queued to its number, or its Careline org's own copy), so an order
 * is never stored without its delivery, nor delivered without being stored.
 */
export async function createOrder(
  deps: PharmacyDeps & { db: Db },
  orgId: string,
  actor: OrderActor,
  input: NewOrder,
): Promise<OrderView> {
  return deps.db.transaction(async (tx) => {
    const d = { ...deps, db: tx };
    const partner = await findPartner(tx, orgId, input.pharmacyId);
    if (!partner) throw new OrderFieldError('body.pharmacy_id', 'no such pharmacy in this clinic');
    if (!partner.active) throw new OrderFieldError('body.pharmacy_id', 'this pharmacy is no longer active');
    const contact = await findContact(tx, deps.keyring, orgId, input.contactId);
    if (!contact) throw new OrderFieldError('body.contact_id', 'no such patient in this clinic');
    if (input.fulfilment === 'delivery' && !input.deliveryAddress)
      throw new OrderFieldError('body.delivery_address', 'is required for a delivery');
    const sealer = await deps.keyring.patient(tx, orgId, contact.id);
    const now = deps.clock.now();
    let order: PrescriptionOrder | undefined;
    for (let attempt = 0; !order && attempt < 5; attempt += 1) {
      order = await insertOrder(tx, {
        orgId,
        contactId: contact.id,
        pharmacyId: partner.id,
        reference: newReference(),
        fulfilment: input.fulfilment,
        deliveryAddress: sealer.sealNullable(
          input.fulfilment === 'delivery' ? input.deliveryAddress : null,
          ADDRESS_PURPOSE,
        ),
        note: sealer.sealNullable(input.note, NOTE_PURPOSE),
        createdByUserId: actor.kind === 'user' ? actor.userId : null,
        createdByApiKeyId: actor.kind === 'api_key' ? actor.apiKeyId : null,
        createdAt: now,
        updatedAt: now,
      });
    }
    if (!order) throw new Error('no free order reference after 5 tries');
    await insertItems(
      tx,
      input.items.map((item, position) => ({
        orgId,
        orderId: order.id,
        position,
        details: sealer.seal(
          JSON.stringify({
            medication: item.medication,
            strength: item.strength,
            form: item.form,
            quantity: item.quantity,
            posology: item.posology,
          }),
          ITEM_PURPOSE,
        ),
        substitutionAllowed: item.substitutionAllowed,
      })),
    );
    await recordEvent(d, order, { kind: 'sent', step: 'sent', actor, detail: { via: partner.reachKind } });
    const view = await viewOf(d, orgId, order);
    if (partner.reachKind === 'careline') await copyToPharmacyOrg(d, partner, view, contact.displayName);
    else {
      const delivered = await deliverToPartnerChannel(d, partner, view, contact.displayName);
      if (delivered.conversationId)
        await updateOrder(tx, orgId, order.id, { partnerConversationId: delivered.conversationId });
      if (!delivered.sent)
        await recordEvent(d, order, {
          kind: 'not_delivered',
          step: null,
          actor: { kind: 'system' },
          detail: { why: delivered.why },
        });
    }
    return viewOf(d, orgId, (await findOrder(tx, orgId, order.id)) ?? order);
  });
}

export async function getOrder(
  deps: Pick<PharmacyDeps, 'db' | 'keyring'>,
  orgId: string,
  orderId: string,
): Promise<OrderView & { events: OrderEventView[] }> {
  const order = await findOrder(deps.db, orgId, orderId);
  if (!order) throw new OrderNotFoundError();
  const view = await viewOf(deps, orgId, order);
  const rows = await eventsOfOrder(deps.db, orgId, order.id);
  const opener = await deps.keyring.opener(
    deps.db,
    orgId,
    rows.map((r) => r.detail),
  );
  return { ...view, events: rows.map((row) => eventView(row, opener)) };
}

/** Every order of one patient, newest first, opened: for the privacy module's export. */
export async function ordersOfPatient(
  deps: Pick<PharmacyDeps, 'db' | 'keyring'>,
  orgId: string,
  contactId: string,
): Promise<OrderView[]> {
  const views: OrderView[] = [];
  let after: KeysetPosition | undefined;
  for (;;) {
    const page = await listOrders(deps, orgId, { contactId, limit: 200, ...(after ? { after } : {}) });
    views.push(...page.data);
    const last = page.data.at(-1);
    if (!page.nextCursor || !last) return views;
    after = { at: last.order.createdAt, id: last.order.id };
  }
}

export async function listOrders(
  deps: Pick<PharmacyDeps, 'db' | 'keyring'>,
  orgId: string,
  filter: { contactId?: string; steps?: OrderStep[]; after?: KeysetPosition; limit: number },
): Promise<Page<OrderView>> {
  const rows = await listOrdersPage(deps.db, orgId, {
    limit: filter.limit,
    ...(filter.contactId ? { contactId: filter.contactId } : {}),
    ...(filter.steps ? { step: filter.steps } : {}),
    ...(filter.after ? { after: filter.after } : {}),
  });
  const page = toPage(rows, filter.limit, (o) => ({ at: o.createdAt, id: o.id }));
  return { data: await viewsOf(deps, orgId, page.data), nextCursor: page.nextCursor };
}

/** The clinic withdraws an order: the pharmacy is told, on its channel or in its org. */
export async function cancelOrder(
  deps: PharmacyDeps & { db: Db },
  orgId: string,
  actor: OrderActor,
  orderId: string,
  reason: string | null,
): Promise<OrderView> {
  return deps.db.transaction(async (tx) => {
    const d = { ...deps, db: tx };
    const order = await lockOrder(tx, orgId, orderId);
    if (!order) throw new OrderNotFoundError();
    if (!cancellable(order.step))
      throw new OrderStepConflictError(
        order.step,
        `the order is ${order.step}: it can no longer be cancelled`,
      );
    const updated = await updateOrder(tx, orgId, order.id, {
      step: 'cancelled',
      updatedAt: deps.clock.now(),
    });
    if (!updated) throw new OrderNotFoundError();
    await recordEvent(d, updated, {
      kind: 'cancelled',
      step: 'cancelled',
      actor,
      detail: reason ? { reason } : null,
    });
    const view = await viewOf(d, orgId, updated);
    await afterChange(d, view, 'cancelled');
    return view;
  });
}

/** The clinic accepts or refuses the substitute a pharmacy proposed for a missing medicine. */
export async function decideSubstitute(
  deps: PharmacyDeps & { db: Db },
  orgId: string,
  actor: OrderActor,
  orderId: string,
  itemId: string,
  accepted: boolean,
): Promise<OrderView> {
  return deps.db.transaction(async (tx) => {
    const d = { ...deps, db: tx };
    const order = await lockOrder(tx, orgId, orderId);
    if (!order) throw new OrderNotFoundError();
    const [item] = (await itemsOfOrders(tx, orgId, [order.id])).filter((i) => i.id === itemId);
    if (!item) throw new OrderNotFoundError();
    if (isFinal(order.step))
      throw new OrderStepConflictError(order.step, `the order is ${order.step}: nothing can change now`);
    if (item.substituteDecision !== 'proposed')
      throw new OrderStepConflictError(
        order.step,
        item.substituteDecision === null
          ? 'no substitute was proposed for this medicine'
          : `the substitute was already ${item.substituteDecision}`,
      );
    await updateItem(tx, orgId, item.id, { substituteDecision: accepted ? 'accepted' : 'refused' });
    const updated = await updateOrder(tx, orgId, order.id, { updatedAt: deps.clock.now() });
    if (!updated) throw new OrderNotFoundError();
    await recordEvent(d, updated, {
      kind: 'substitute_decision',
      step: null,
      actor,
      detail: { itemId: item.id, accepted },
    });
    const view = await viewOf(d, orgId, updated);
    await afterChange(d, view, accepted ? 'substitute_accepted' : 'substitute_refused', item.id);
    return view;
  });
}

/**
 * A pharmacy's answer, whichever way it came (its Careline org's API, a button tapped or words typed
 * on its number): checked against the order's step (a move it does not allow is refused, naming the
 * step), applied, written in the timeline, shown live to the clinic, and told to the patient when the
 * medicines are ready or on their way and they agreed to hear it.
 */
export async function applyPharmacyResponse(
  deps: PharmacyDeps,
  orgId: string,
  orderId: string,
  actor: OrderActor,
  response: PharmacyResponse,
): Promise<OrderView> {
  const { db } = deps;
  const order = await lockOrder(db, orgId, orderId);
  if (!order) throw new OrderNotFoundError();
  const refused = refusedMove(order.step, order.fulfilment, response.step);
  if (refused) throw new OrderStepConflictError(order.step, refused);
  const sealer = await deps.keyring.patient(db, orgId, order.contactId);
  const items = await itemsOfOrders(db, orgId, [order.id]);
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const [index, answer] of (response.items ?? []).entries()) {
    const item = byId.get(answer.itemId);
    if (!item) throw new OrderFieldError(`body.items.${index}.item_id`, 'no such medicine in this order');
    if (answer.substitute && !item.substitutionAllowed)
      throw new OrderFieldError(
        `body.items.${index}.substitute`,
        'the prescriber did not allow a substitute for this medicine',
      );
    if (answer.substitute && answer.available)
      throw new OrderFieldError(`body.items.${index}.substitute`, 'only a missing medicine has a substitute');
  }
  if (response.step === 'declined' && !response.reason)
    throw new OrderFieldError('body.reason', 'is required to decline an order');
  if (response.step === 'partly_available' && !(response.items ?? []).some((i) => !i.available))
    throw new OrderFieldError('body.items', 'name at least one missing medicine (available: false)');
  const now = deps.clock.now();
  for (const answer of response.items ?? []) {
    await updateItem(db, orgId, answer.itemId, {
      availability: answer.available ? 'available' : 'unavailable',
      ...(answer.substitute
        ? {
            substitute: sealer.seal(JSON.stringify(medicineOf(answer.substitute)), SUBSTITUTE_PURPOSE),
            substituteDecision: 'proposed' as const,
          }
        : {}),
    });
  }
  // Everything there: items not named otherwise are available.
  if (
    response.step === 'available' ||
    response.step === 'ready_for_pickup' ||
    response.step === 'out_for_delivery'
  ) {
    const named = new Set((response.items ?? []).map((i) => i.itemId));
    for (const item of items)
      if (!named.has(item.id) && item.availability === 'pending')
        await updateItem(db, orgId, item.id, { availability: 'available' });
  }
  if (response.step === 'unavailable')
    for (const item of items)
      if (item.availability === 'pending')
        await updateItem(db, orgId, item.id, { availability: 'unavailable' });
  const updated = await updateOrder(db, orgId, order.id, {
    step: response.step,
    updatedAt: now,
    ...(response.readyAt !== undefined ? { readyAt: response.readyAt } : {}),
    ...(response.step === 'ready_for_pickup' && !response.readyAt ? { readyAt: now } : {}),
    ...(response.eta !== undefined ? { eta: response.eta } : {}),
    ...(response.step === 'declined'
      ? { declineReason: sealer.sealNullable(response.reason, REASON_PURPOSE) }
      : {}),
  });
  if (!updated) throw new OrderNotFoundError();
  await recordEvent(deps, updated, {
    kind: 'response',
    step: response.step,
    actor,
    detail: {
      ...(response.readyAt ? { readyAt: response.readyAt.toISOString() } : {}),
      ...(response.eta ? { eta: response.eta.toISOString() } : {}),
      ...(response.reason ? { reason: response.reason } : {}),
      ...(response.text ? { text: response.text } : {}),
      ...(response.items?.length ? { itemIds: response.items.map((i) => i.itemId) } : {}),
      via: actor.kind === 'pharmacy' ? actor.via : 'api',
    },
  });
  const view = await viewOf(deps, orgId, updated);
  await syncPharmacyCopy(deps, view);
  if (response.step === 'ready_for_pickup' || response.step === 'out_for_delivery') {
    const notice = await notifyPatientOfStep(deps, view);
    await recordEvent(deps, updated, {
      kind: notice.sent ? 'patient_notified' : 'patient_not_notified',
      step: null,
      actor: { kind: 'system' },
      detail: notice.sent
        ? { channel: notice.channel, ...(notice.template ? { template: notice.template } : {}) }
        : { why: notice.why },
    });
  }
  return view;
}

/** The pharmacy's answer in a transaction of its own (the API's and the Careline pharmacy's way). */
export async function respondToOrder(
  deps: PharmacyDeps & { db: Db },
  orgId: string,
  orderId: string,
  actor: OrderActor,
  response: PharmacyResponse,
): Promise<OrderView> {
  return deps.db.transaction((tx) =>
    applyPharmacyResponse({ ...deps, db: tx }, orgId, orderId, actor, response),
  );
}

/** The order a medicine belongs to (FHIR reads a MedicationRequest by the medicine's id). */
export async function getOrderOfItem(
  deps: Pick<PharmacyDeps, 'db' | 'keyring'>,
  orgId: string,
  itemId: string,
): Promise<OrderView> {
  const item = await findItem(deps.db, orgId, itemId);
  const order = item ? await findOrder(deps.db, orgId, item.orderId) : undefined;
  if (!order) throw new OrderNotFoundError();
  return viewOf(deps, orgId, order);
}

// A Careline pharmacy's side

export async function listPharmacyOrders(
  deps: PharmacyDeps,
  pharmacyOrgId: string,
  filter: { steps?: OrderStep[]; after?: KeysetPosition; limit: number },
): Promise<Page<InboundOrderView>> {
  // A clinic has no pharmacy orders: its list is empty (the rows are filtered by org either way).
  const rows = await listInboundOrdersPage(deps.db, pharmacyOrgId, {
    limit: filter.limit,
    ...(filter.steps ? { step: filter.steps } : {}),
    ...(filter.after ? { after: filter.after } : {}),
  });
  const page = toPage(rows, filter.limit, (o) => ({ at: o.createdAt, id: o.id }));
  const opener = await deps.keyring.opener(
    deps.db,
    pharmacyOrgId,
    page.data.map((r) => r.content),
  );
  return { data: page.data.map((row) => inboundView(row, opener)), nextCursor: page.nextCursor };
}

export async function getPharmacyOrder(
  deps: PharmacyDeps,
  pharmacyOrgId: string,
  id: string,
): Promise<InboundOrderView> {
  const row = await findInboundOrder(deps.db, pharmacyOrgId, id);
  if (!row) throw new OrderNotFoundError();
  const opener = await deps.keyring.opener(deps.db, pharmacyOrgId, [row.content]);
  return inboundView(row, opener);
}

/** A Careline pharmacy answers its copy: the clinic's order moves, and the copy with it. */
export async function respondAsPharmacyOrg(
  deps: PharmacyDeps & { db: Db },
  pharmacyOrgId: string,
  id: string,
  userId: string | null,
  response: PharmacyResponse,
): Promise<InboundOrderView> {
  return deps.db.transaction(async (tx) => {
    const d = { ...deps, db: tx };
    const row = await findInboundOrder(tx, pharmacyOrgId, id);
    if (!row) throw new OrderNotFoundError();
    await applyPharmacyResponse(
      d,
      row.clinicOrgId,
      row.clinicOrderId,
      {
        kind: 'pharmacy',
        userId: null,
        via: 'api',
      },
      response,
    );
    void userId;
    const fresh = await findInboundOrder(tx, pharmacyOrgId, id);
    if (!fresh) throw new OrderNotFoundError();
    const opener = await deps.keyring.opener(tx, pharmacyOrgId, [fresh.content]);
    return inboundView(fresh, opener);
  });
}

// Helpers

async function afterChange(
  deps: PharmacyDeps,
  view: OrderView,
  change: 'cancelled' | 'substitute_accepted' | 'substitute_refused',
  itemId?: string,
): Promise<void> {
  const partner = await findPartner(deps.db, view.order.orgId, view.order.pharmacyId);
  if (!partner) return;
  if (partner.reachKind === 'careline') await syncPharmacyCopy(deps, view);
  else await tellPartnerOfChange(deps, partner, view, change, itemId);
}

async function copyToPharmacyOrg(
  deps: PharmacyDeps,
  partner: PharmacyPartner,
  view: OrderView,
  patientName: string | null,
): Promise<void> {
  if (!partner.pharmacyOrgId) throw new Error('a Careline pharmacy partner without its org');
  const clinic = await findOrgByRef(deps.db, view.order.orgId);
  const content: InboundOrderContent = {
    clinicName: clinic?.name ?? '',
    patient: { name: patientName },
    fulfilment: view.order.fulfilment,
    deliveryAddress: view.deliveryAddress,
    note: view.note,
    declineReason: null,
    items: view.items,
  };
  const sealer = await deps.keyring.clinic(deps.db, partner.pharmacyOrgId);
  await insertInboundOrder(deps.db, {
    orgId: partner.pharmacyOrgId,
    clinicOrgId: view.order.orgId,
    clinicOrderId: view.order.id,
    reference: view.order.reference,
    fulfilment: view.order.fulfilment,
    content: sealer.seal(JSON.stringify(content), INBOUND_PURPOSE),
    step: view.order.step,
    createdAt: view.order.createdAt,
    updatedAt: view.order.updatedAt,
  });
}

/** Keeps a Careline pharmacy's copy in step with the clinic's order, sealed with the pharmacy's key. */
async function syncPharmacyCopy(deps: PharmacyDeps, view: OrderView): Promise<void> {
  const copy = await findInboundOrderOfClinicOrder(deps.db, view.order.id);
  if (!copy || copy.clinicOrgId !== view.order.orgId) return;
  const opener = await deps.keyring.opener(deps.db, copy.orgId, [copy.content]);
  const previous = parseInbound(opener.open(copy.content, INBOUND_PURPOSE));
  const content: InboundOrderContent = {
    clinicName: previous?.clinicName ?? '',
    patient: previous?.patient ?? { name: null },
    fulfilment: view.order.fulfilment,
    deliveryAddress: view.deliveryAddress,
    note: view.note,
    declineReason: view.declineReason,
    items: view.items,
  };
  const sealer = await deps.keyring.clinic(deps.db, copy.orgId);
  await updateInboundOrder(deps.db, copy.orgId, copy.id, {
    content: sealer.seal(JSON.stringify(content), INBOUND_PURPOSE),
    step: view.order.step,
    readyAt: view.order.readyAt,
    eta: view.order.eta,
    updatedAt: view.order.updatedAt,
  });
}

function inboundView(row: PharmacyInboundOrder, opener: Opener): InboundOrderView {
  return {
    row,
    status: dispenseStatusOf(row.step),
    content: parseInbound(opener.open(row.content, INBOUND_PURPOSE)),
    nextSteps: nextSteps(row.step, row.fulfilment),
  };
}

function parseInbound(text: string | null): InboundOrderContent | null {
  if (text === null) return null;
  const parsed = JSON.parse(text) as InboundOrderContent;
  return {
    ...parsed,
    items: parsed.items.map((i) => ({ ...i })),
  };
}

export async function recordEvent(
  deps: PharmacyDeps,
  order: PrescriptionOrder,
  event: { kind: OrderEventKind; step: OrderStep | null; actor: OrderActor; detail: OrderEventDetail | null },
): Promise<PrescriptionOrderEvent> {
  const sealer = event.detail ? await deps.keyring.patient(deps.db, order.orgId, order.contactId) : null;
  const { actor } = event;
  return insertOrderEvent(deps.db, {
    orgId: order.orgId,
    orderId: order.id,
    at: deps.clock.now(),
    kind: event.kind,
    step: event.step,
    actorKind: actor.kind,
    actorUserId: actor.kind === 'user' ? actor.userId : actor.kind === 'pharmacy' ? null : null,
    actorApiKeyId: actor.kind === 'api_key' ? actor.apiKeyId : null,
    detail: sealer && event.detail ? sealer.seal(JSON.stringify(event.detail), ORDER_EVENT_PURPOSE) : null,
  });
}

function eventView(row: PrescriptionOrderEvent, opener: Opener): OrderEventView {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind as OrderEventKind,
    step: row.step,
    actor: { kind: row.actorKind, userId: row.actorUserId, apiKeyId: row.actorApiKeyId },
    detail: openEventDetail(opener, row.detail),
  };
}

export async function viewOf(
  deps: Pick<PharmacyDeps, 'db' | 'keyring'>,
  orgId: string,
  order: PrescriptionOrder,
): Promise<OrderView> {
  const [view] = await viewsOf(deps, orgId, [order]);
  if (!view) throw new OrderNotFoundError();
  return view;
}

async function viewsOf(
  deps: Pick<PharmacyDeps, 'db' | 'keyring'>,
  orgId: string,
  orders: PrescriptionOrder[],
): Promise<OrderView[]> {
  if (orders.length === 0) return [];
  const items = await itemsOfOrders(
    deps.db,
    orgId,
    orders.map((o) => o.id),
  );
  const partners = new Map<string, PharmacyPartner | undefined>();
  for (const id of new Set(orders.map((o) => o.pharmacyId)))
    partners.set(id, await findPartner(deps.db, orgId, id));
  const opener = await deps.keyring.opener(deps.db, orgId, [
    ...orders.flatMap((o) => [o.note, o.deliveryAddress, o.declineReason]),
    ...items.flatMap((i) => [i.details, i.substitute]),
  ]);
  return orders.map((order) => {
    const partner = partners.get(order.pharmacyId);
    return {
      order,
      status: dispenseStatusOf(order.step),
      pharmacy: {
        id: order.pharmacyId,
        name: partner?.name ?? '',
        reachKind: partner?.reachKind ?? 'channel',
      },
      deliveryAddress: opener.open(order.deliveryAddress, ADDRESS_PURPOSE),
      note: opener.open(order.note, NOTE_PURPOSE),
      declineReason: opener.open(order.declineReason, REASON_PURPOSE),
      items: items.filter((i) => i.orderId === order.id).map((i) => itemView(i, opener)),
      nextSteps: nextSteps(order.step, order.fulfilment),
    };
  });
}

function itemView(item: PrescriptionOrderItem, opener: Opener): OrderItemView {
  const details = parseJson(opener.open(item.details, ITEM_PURPOSE));
  const substitute = parseJson(opener.open(item.substitute, SUBSTITUTE_PURPOSE));
  return {
    id: item.id,
    position: item.position,
    // An erased patient's medicines read as nothing: their key is gone.
    medication: str(details?.medication) ?? '',
    strength: str(details?.strength),
    form: str(details?.form),
    quantity: str(details?.quantity) ?? '',
    posology: str(details?.posology) ?? '',
    substitutionAllowed: item.substitutionAllowed,
    availability: item.availability,
    substitute:
      substitute && item.substituteDecision
        ? {
            medication: str(substitute.medication) ?? '',
            strength: str(substitute.strength),
            form: str(substitute.form),
            decision: item.substituteDecision,
          }
        : null,
  };
}

function medicineOf(m: Medicine): Medicine {
  return { medication: m.medication, strength: m.strength ?? null, form: m.form ?? null };
}

function parseJson(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Four characters a pharmacist can type back, without the ones read alike (0/O, 1/I/L). */
const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function newReference(): string {
  let code = 'R';
  for (let i = 0; i < 4; i += 1) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return code;
}

export { PharmacyNotFoundError };
