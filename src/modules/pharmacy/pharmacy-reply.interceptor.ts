import type { OutboundMessage } from '../../channels/channel.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import { replyInConversation } from '../consent/interceptor-reply.ts';
import type { ConversationScope, InboundInterceptor } from '../flows/flow-runtime-deps.ts';
import type { Message } from '../inbox/message.schema.ts';
import { OrderFieldError, OrderStepConflictError } from './order-errors.ts';
import type { OrderView, PharmacyResponse } from './order-view.ts';
import { partnerOrderOf, resendOrder, sayToPartner } from './partner-channel.ts';
import {
  missingItemQuestion,
  type PartnerNote,
  type PartnerTap,
  parsePartnerTapId,
  whichOrderQuestion,
} from './partner-messages.ts';
import {
  type AnswerIntent,
  instantOf,
  type PharmacistAnswer,
  parsePharmacistAnswer,
} from './pharmacist-answer.ts';
import {
  findOrder,
  findOrderByReference,
  findPartnerByContact,
  openOrdersOfPartner,
} from './pharmacy.repository.ts';
import type { PharmacyPartner } from './pharmacy.schema.ts';
import type { PharmacyDeps } from './pharmacy-deps.ts';
import type { ResponseStep } from './pharmacy-vocabulary.ts';
import { applyPharmacyResponse, viewOf } from './prescription-order.service.ts';

/**
 * A partner pharmacy writing from its number: never a patient. Its messages stay in the inbox (the
 * staff can read and answer them) but no patient flow, menu or survey ever answers them. Its taps on
 * an order's buttons and its short typed answers ("prêt 15h", "rupture") move the order; an answer
 * that could mean two things, or two orders, gets a question back.
 */
export const pharmacyReplyInterceptor: InboundInterceptor = async (scope, message) => {
  if (message.direction !== 'inbound') return 'pass';
  const partner = await findPartnerByContact(scope.tx, scope.org.id, scope.contact.id);
  if (!partner) return 'pass';
  const deps: PharmacyDeps = {
    db: scope.tx,
    keyring: scope.deps.keyring,
    clock: fixedClock(scope.now),
    senders: scope.deps.senders,
    logger: scope.deps.logger,
  };
  const turn: Turn = { scope, deps, partner };
  const tap = parsePartnerTapId(replyIdOf(message) ?? '');
  if (tap) await answerTap(turn, tap);
  else if (message.text?.trim()) await answerWords(turn, message.text);
  return 'handled';
};

interface Turn {
  scope: ConversationScope;
  deps: PharmacyDeps;
  partner: PharmacyPartner;
}

async function answerTap(turn: Turn, tap: PartnerTap): Promise<void> {
  const view = await orderOfPartner(turn, tap.orderId);
  if (!view) return;
  if (tap.kind === 'show') return resendOrder(turn.deps, turn.partner, turn.scope.conversation.id, view);
  if (tap.kind === 'missing') {
    const item = view.items.find((i) => i.id === tap.itemId);
    if (!item) return;
    await respond(turn, view, { step: 'partly_available', items: [{ itemId: item.id, available: false }] });
    return;
  }
  switch (tap.step) {
    case 'partly_available':
      if (view.items.length === 1) {
        await respond(turn, view, { step: 'unavailable' });
        return;
      }
      await say(
        turn,
        view,
        missingItemQuestion(await partnerOrderOf(turn.deps, view, null), turn.partner.language),
      );
      return;
    case 'declined':
      return note(turn, view, { kind: 'ask_reason' }, false);
    default:
      await respond(turn, view, { step: tap.step });
  }
}

async function answerWords(turn: Turn, text: string): Promise<void> {
  const answer = parsePharmacistAnswer(text);
  const view = await orderMeant(turn, answer);
  if (view === 'none') {
    if (answer.intent) await note(turn, null, { kind: 'no_open_order' }, false);
    return;
  }
  if (view === 'several') {
    const open = await openOrdersOfPartner(turn.deps.db, turn.partner.orgId, turn.partner.id, 10);
    await say(
      turn,
      null,
      whichOrderQuestion(
        open.map((o) => ({ orderId: o.id, reference: o.reference, step: o.step })),
        turn.partner.language,
        null,
      ),
    );
    return;
  }
  const step = stepMeant(answer.intent, answer, view);
  if (!step) return note(turn, view, { kind: 'not_understood' }, true);
  if (step === 'ask_reason') return note(turn, view, { kind: 'ask_reason' }, false);
  if (step === 'ask_missing') {
    await say(
      turn,
      view,
      missingItemQuestion(await partnerOrderOf(turn.deps, view, null), turn.partner.language),
    );
    return;
  }
  const when = answer.time ? instantOf(answer.time, turn.scope.now, turn.scope.org.timeZone) : null;
  const response: PharmacyResponse = { step, text };
  if (step === 'available' || step === 'ready_for_pickup') response.readyAt = when;
  if (step === 'out_for_delivery') response.eta = when;
  if (step === 'declined') response.reason = answer.reason;
  if (answer.intent === 'substitute') {
    const item =
      view.items.find((i) => i.availability === 'unavailable' && i.substitutionAllowed && !i.substitute) ??
      (view.items.length === 1 ? view.items[0] : undefined);
    if (!item || !answer.substitute) return note(turn, view, { kind: 'not_understood' }, true);
    response.items = [
      {
        itemId: item.id,
        available: false,
        substitute: { medication: answer.substitute, strength: null, form: null },
      },
    ];
  }
  await respond(turn, view, response);
}

/**
 * The answer's step for this order now. "Prêt 15h" on an order not yet confirmed is "available, ready at
 * 15:00"; once confirmed it is "ready for pickup" (or, for a delivery, still "available" with its time).
 */
function stepMeant(
  intent: AnswerIntent | null,
  answer: PharmacistAnswer,
  view: OrderView,
): ResponseStep | 'ask_reason' | 'ask_missing' | null {
  const { step, fulfilment } = view.order;
  switch (intent) {
    case null:
      return null;
    case 'available':
      return 'available';
    case 'ready': {
      const later = answer.time !== null;
      if (fulfilment === 'delivery') return 'available';
      return step === 'sent' && later ? 'available' : 'ready_for_pickup';
    }
    case 'partly': {
      const unavailableOnes = view.items.filter((i) => i.availability === 'unavailable');
      if (view.items.length === 1) return 'unavailable';
      return unavailableOnes.length > 0 ? 'partly_available' : 'ask_missing';
    }
    case 'unavailable':
      return 'unavailable';
    case 'delivery':
      return 'out_for_delivery';
    case 'handed_over':
      return 'handed_over';
    case 'declined':
      return answer.reason ? 'declined' : 'ask_reason';
    case 'substitute':
      return 'partly_available';
  }
}

async function respond(turn: Turn, view: OrderView, response: PharmacyResponse): Promise<void> {
  try {
    const moved = await applyPharmacyResponse(
      turn.deps,
      turn.partner.orgId,
      view.order.id,
      { kind: 'pharmacy', via: 'channel' },
      response,
    );
    const offerSubstitute =
      response.step === 'partly_available' &&
      !response.items?.some((i) => i.substitute) &&
      moved.items.some((i) => i.availability === 'unavailable' && i.substitutionAllowed && !i.substitute);
    await note(
      turn,
      moved,
      offerSubstitute
        ? { kind: 'ask_substitute' }
        : response.items?.some((i) => i.substitute)
          ? { kind: 'substitute_recorded' }
          : { kind: 'recorded', step: response.step, readyAt: moved.order.readyAt, eta: moved.order.eta },
      true,
    );
  } catch (error) {
    if (error instanceof OrderStepConflictError)
      return note(turn, view, { kind: 'refused', current: error.current }, true);
    if (error instanceof OrderFieldError) return note(turn, view, { kind: 'not_understood' }, true);
    throw error;
  }
}

/** The order an answer is about: the one it names, else the pharmacy's only open one. */
async function orderMeant(turn: Turn, answer: PharmacistAnswer): Promise<OrderView | 'none' | 'several'> {
  for (const reference of answer.references) {
    const named = await findOrderByReference(turn.deps.db, turn.partner.orgId, reference);
    if (named?.pharmacyId === turn.partner.id) return viewOf(turn.deps, turn.partner.orgId, named);
  }
  const open = await openOrdersOfPartner(turn.deps.db, turn.partner.orgId, turn.partner.id, 2);
  if (open.length === 0) return 'none';
  if (open.length > 1) return 'several';
  return viewOf(turn.deps, turn.partner.orgId, open[0] as NonNullable<(typeof open)[0]>);
}

/** An order this pharmacy holds (a button of another pharmacy's order, forwarded, is ignored). */
async function orderOfPartner(turn: Turn, orderId: string): Promise<OrderView | undefined> {
  const order = await findOrder(turn.deps.db, turn.partner.orgId, orderId);
  if (!order || order.pharmacyId !== turn.partner.id) return undefined;
  return viewOf(turn.deps, turn.partner.orgId, order);
}

async function note(
  turn: Turn,
  view: OrderView | null,
  what: PartnerNote,
  withChoices: boolean,
): Promise<void> {
  const reference = view ?? { order: { id: '', reference: '', step: 'sent', fulfilment: 'pickup' } };
  await sayToPartner(
    turn.deps,
    turn.partner,
    turn.scope.conversation.id,
    reference as Pick<OrderView, 'order'>,
    what,
    withChoices && view !== null,
  );
}

/** A question to the pharmacist (which medicine, which order), in the conversation it wrote in. */
async function say(turn: Turn, _view: OrderView | null, message: OutboundMessage): Promise<void> {
  await replyInConversation(turn.scope, message);
}

function replyIdOf(message: Message): string | undefined {
  const reply = message.content?.reply;
  if (typeof reply !== 'object' || reply === null || !('id' in reply)) return undefined;
  return typeof reply.id === 'string' ? reply.id : undefined;
}
