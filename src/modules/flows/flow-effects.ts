import type { OutboundMessage } from '../../channels/channel.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import { updateContact } from '../contacts/contact.service.ts';
import { findConversation, updateConversation } from '../inbox/conversation.service.ts';
import { setConversationStatus } from '../inbox/conversation-status.service.ts';
import { addNote } from '../inbox/note.service.ts';
import { OutboundValidationError, submitOutboundMessage } from '../outbox/outbound-submission.service.ts';
import { CSAT_TEMPLATE } from './csat-template.ts';
import type { FlowEffect, FlowInput } from './engine/index.ts';
import { insertCsatResponse } from './flow.repository.ts';
import { assignFromFlow } from './flow-assign.ts';
import { patientLanguage } from './flow-host-context.ts';
import { enqueueFlowJob, FLOW_HTTP_REQUEST_PURPOSE } from './flow-queue.ts';
import type { ConversationScope } from './flow-runtime-deps.ts';
import { redFlagNote } from './red-flag-note.ts';
import { emergencyAdvice } from './red-flags/emergency-advice.ts';
import { RED_FLAG_CATEGORIES, type RedFlagCategory } from './red-flags/red-flag-category.ts';

export const CSAT_COMMENT_PURPOSE = 'csat_responses.comment';

export interface SessionRef {
  id: string;
  flowKey: string;
  builtIn: string | null;
  /** The conversation the session is about when it is not the one it talks in (a survey's). */
  subjectConversationId: string | null;
  language: 'fr' | 'en';
}

export interface EffectsOutcome {
  /** Answers the host has at once (an assignment's result), for the engine's next step. */
  inputs: FlowInput[];
  /** A flow to start once this session has ended. */
  startFlow?: string;
  /** Why the session ends, when the engine or the host says so (`red_flag`, `max_attempts`…). */
  reason?: string;
}

/** Carries out what the engine asked, in order, inside the job's transaction. */
export async function applyFlowEffects(
  scope: ConversationScope,
  session: SessionRef,
  effects: readonly FlowEffect[],
): Promise<EffectsOutcome> {
  const outcome: EffectsOutcome = { inputs: [] };
  const { tx, org, conversation, contact } = scope;
  for (const effect of effects) {
    switch (effect.type) {
      case 'send':
        await send(scope, session, effect.message);
        break;
      case 'schedule_timer':
        await enqueueFlowJob(
          tx,
          {
            kind: 'timer',
            orgId: org.id,
            conversationId: conversation.id,
            sessionId: session.id,
            timerId: effect.timerId,
          },
          { runAt: new Date(effect.at), dedupeKey: effect.timerId },
        );
        break;
      case 'set_field':
        contact.customFields = { ...contact.customFields, [effect.field]: effect.value };
        await updateContact(
          tx,
          scope.deps.keyring,
          org.id,
          contact.id,
          {
            customFields: contact.customFields,
          },
          scope.now,
        );
        break;
      case 'add_tag':
      case 'remove_tag': {
        const others = contact.tags.filter((t) => t.toLowerCase() !== effect.tag.toLowerCase());
        contact.tags = effect.type === 'add_tag' ? [...others, effect.tag] : others;
        await updateContact(tx, scope.deps.keyring, org.id, contact.id, { tags: contact.tags }, scope.now);
        break;
      }
      case 'assign': {
        const assigned = await assignFromFlow(scope, effect.target, effect.mode);
        outcome.inputs.push({ kind: 'assign_result', requestId: effect.requestId, assigned });
        break;
      }
      case 'http_request': {
        const { type: _type, ...plain } = effect;
        const sealer = await scope.deps.keyring.patient(tx, org.id, contact.id);
        const request = sealer.seal(JSON.stringify(plain), FLOW_HTTP_REQUEST_PURPOSE);
        await enqueueFlowJob(
          tx,
          { kind: 'http', orgId: org.id, conversationId: conversation.id, sessionId: session.id, request },
          { dedupeKey: effect.requestId },
        );
        break;
      }
      case 'handoff':
        if (effect.urgent) await updateConversation(tx, org.id, conversation.id, { urgent: true }, scope.now);
        if (effect.note) await note(scope, session, effect.note, { medical: false });
        // A conversation parked as pending comes back to the team's open queue.
        if (conversation.status === 'pending')
          await setConversationStatus(tx, org.id, conversation.id, 'open', scope.now, null);
        break;
      case 'close_conversation':
        // Closed by automation: no survey about a conversation the bot closed (nor a survey of a survey).
        await setConversationStatus(tx, org.id, conversation.id, 'closed', scope.now, null);
        break;
      case 'start_flow':
        outcome.startFlow = effect.flowKey;
        break;
      case 'add_note':
        await note(scope, session, effect.text, { medical: effect.medical ?? false });
        break;
      case 'mark_urgent':
        await updateConversation(tx, org.id, conversation.id, { urgent: true }, scope.now);
        break;
      case 'red_flag':
        await raiseRedFlag(scope, session, effect);
        outcome.reason = 'red_flag';
        break;
      case 'csat': {
        // The rated conversation is the one whose closing started the survey, not the one the answer opened.
        const rated =
          (session.subjectConversationId
            ? await findConversation(tx, org.id, session.subjectConversationId)
            : undefined) ?? conversation;
        // The patient's comment is theirs: sealed with their key (the CSAT report opens it for reports.read).
        const sealer = await scope.deps.keyring.patient(tx, org.id, contact.id);
        await insertCsatResponse(tx, {
          orgId: org.id,
          conversationId: rated.id,
          contactId: contact.id,
          flowSessionId: session.id,
          assigneeUserId: rated.assigneeUserId,
          teamId: rated.teamId,
          rating: effect.rating,
          comment: sealer.sealNullable(effect.comment, CSAT_COMMENT_PURPOSE),
          // Careline's clock, as every other stamp of the effect: reports place the answer by it.
          createdAt: scope.now,
        });
        break;
      }
      case 'host_request': {
        const operation = scope.deps.hostOperations?.[effect.operation];
        const result = operation
          ? await operation(scope, effect.params, { id: session.id, language: session.language })
          : ({ ok: false, code: 'unknown_operation' } as const);
        if (!operation)
          scope.deps.logger.warn({ operation: effect.operation }, 'a flow asked for an unknown operation');
        outcome.inputs.push({ kind: 'host_result', requestId: effect.requestId, ...result });
        break;
      }
      case 'end':
        outcome.reason ??= effect.reason;
        break;
    }
  }
  return outcome;
}

/**
 * A red flag: whatever the flow says next, the patient gets the emergency advice for what they wrote,
 * with the clinic's numbers, in their language; the conversation turns urgent; the team reads why.
 */
async function raiseRedFlag(
  scope: ConversationScope,
  session: SessionRef,
  flag: Extract<FlowEffect, { type: 'red_flag' }>,
): Promise<void> {
  const category = asCategory(flag.category);
  const language = patientLanguage(scope.contact, scope.org);
  await send(scope, session, {
    type: 'text',
    text: emergencyAdvice(category, language, scope.org.emergencyNumbers),
  });
  await updateConversation(scope.tx, scope.org.id, scope.conversation.id, { urgent: true }, scope.now);
  // Not medical: the front desk must call back first, and it quotes only the patient's own words.
  await note(scope, session, redFlagNote(category, flag.matched, scope.org.defaultLanguage), {
    medical: false,
  });
}

function asCategory(category: string): RedFlagCategory {
  return RED_FLAG_CATEGORIES.find((c) => c === category) ?? 'chest_pain';
}

async function send(scope: ConversationScope, session: SessionRef, message: OutboundMessage): Promise<void> {
  try {
    const submission = await submitOutboundMessage(
      {
        db: scope.tx,
        keyring: scope.deps.keyring,
        senders: scope.deps.senders,
        clock: fixedClock(scope.now),
      },
      {
        orgId: scope.org.id,
        conversationId: scope.conversation.id,
        message,
        sentByApiKeyId: null,
        sentByFlowSessionId: session.id,
      },
    );
    if (submission.outcome === 'refused') {
      scope.deps.logger.info(
        { flowKey: session.flowKey, reason: submission.reason },
        'a flow message was refused',
      );
      const template = message.type === 'template' ? null : windowClosedTemplate(scope, session);
      if (template) await send(scope, session, template);
    }
  } catch (error) {
    // A flow whose text breaks a channel limit must not wedge the conversation: the agent sees the rest.
    if (!(error instanceof OutboundValidationError)) throw error;
    scope.deps.logger.warn(
      { flowKey: session.flowKey, problems: error.message },
      'a flow message cannot be sent',
    );
  }
}

/** A note of automation; `medical` ones (intake summaries) only clinicians, supervisors and admins read. */
async function note(
  scope: ConversationScope,
  session: SessionRef,
  text: string,
  kind: { medical: boolean },
): Promise<void> {
  await addNote(scope.tx, scope.deps.keyring, {
    medical: kind.medical,
    orgId: scope.org.id,
    conversationId: scope.conversation.id,
    text,
    authorUserId: null,
    apiKeyId: null,
    flowSessionId: session.id,
    now: scope.now,
  });
}

/**
 * What a flow says instead when the 24-hour window is closed: the satisfaction survey asks by approved
 * template (the patient's reply reopens the window and the survey goes on). Other flows have none.
 */
function windowClosedTemplate(scope: ConversationScope, session: SessionRef): OutboundMessage | null {
  if (session.builtIn !== 'csat') return null;
  const firstName = scope.contact.displayName?.trim().split(/\s+/)[0] ?? '';
  return {
    type: 'template',
    name: CSAT_TEMPLATE,
    language: patientLanguage(scope.contact, scope.org),
    components: { body: [firstName || '-', scope.org.name] },
  };
}
