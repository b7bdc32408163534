import type { OutboundMessage } from '../../channels/channel.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import type { JsonValue } from '../flows/engine/index.ts';
import { lockLiveSession, updateSession } from '../flows/flow.service.ts';
import { patientLanguage } from '../flows/flow-host-context.ts';
import type { ConversationScope, InboundInterceptor } from '../flows/flow-runtime-deps.ts';
import { redFlagNote } from '../flows/red-flag-note.ts';
import { emergencyAdvice } from '../flows/red-flags/emergency-advice.ts';
import { RED_FLAG_CATEGORIES, type RedFlagCategory } from '../flows/red-flags/red-flag-category.ts';
import { autoAssign } from '../inbox/auto-assign.service.ts';
import type { Message } from '../inbox/message.schema.ts';
import { staffWroteIn } from '../inbox/message.service.ts';
import { addNote } from '../inbox/note.service.ts';
import { OutboundValidationError, submitOutboundMessage } from '../outbox/outbound-submission.service.ts';
import {
  adviceSentSince,
  earlierRedFlagAnswered,
  findRedFlagEventOfMessage,
  updateRedFlagEvent,
} from './red-flag-event.repository.ts';
import type { RedFlagEvent } from './red-flag-event.schema.ts';
import { openRedFlagWords } from './red-flag-words.ts';
import {
  staffRedFlagNote,
  type UnreadableKind,
  unreadableMediaNote,
  unreadableMediaReply,
} from './safety-texts.ts';
import { screenedTextOf } from './screen-inbound-message.ts';

/** The same advice twice within this long would only add noise to a patient who already has it. */
const ADVICE_REPEAT_AFTER_MS = 30 * 60_000;

const UNREADABLE_TYPES: Readonly<Record<string, UnreadableKind>> = {
  audio: 'voice',
  voice: 'voice',
  image: 'image',
  video: 'video',
};

/**
 * First of the automation job's interceptors, so no flow, keyword or reminder button answers a patient
 * message before it: a message the inbound path recorded as a red flag gets its response here; a voice
 * note, photo or video that automation cannot read gets an honest answer and a person is told.
 */
export const safetyInterceptor: InboundInterceptor = async (scope, message) => {
  const [event] = await openRedFlagWords(
    scope.tx,
    scope.deps.keyring,
    scope.org.id,
    [await findRedFlagEventOfMessage(scope.tx, scope.org.id, message.id)].flatMap((e) => (e ? [e] : [])),
  );
  if (event) {
    await respondToRedFlag(scope, message, event);
    return 'handled';
  }
  const unreadable = UNREADABLE_TYPES[message.type];
  if (unreadable && screenedTextOf(message) === '' && !(await personHasConversation(scope))) {
    await answerUnreadableMedia(scope, unreadable);
  }
  // The flow still sees the file: an intake step may keep it for the clinician, a menu asks again.
  return 'pass';
};

/**
 * A person has the conversation once someone of the team wrote to the patient, or while the automation
 * waits paused for them; until then automation has it (a flow is talking, or none has started yet).
 */
async function personHasConversation(scope: ConversationScope): Promise<boolean> {
  if (scope.conversation.urgent) return true;
  const live = await lockLiveSession(scope.tx, scope.deps.keyring, scope.org.id, scope.conversation.id);
  if (live?.status === 'paused') return true;
  return staffWroteIn(scope.tx, scope.org.id, scope.conversation.id);
}

/**
 * Automation had the conversation: the flow stops, the emergency advice goes out at once, a person is
 * given the conversation and a note quotes the patient. A person had it: they are alerted (the live
 * event of the red flag) and the advice goes too unless the clinic chose otherwise.
 */
async function respondToRedFlag(scope: ConversationScope, message: Message, event: RedFlagEvent) {
  const { tx, org, conversation, contact } = scope;
  const live = await lockLiveSession(tx, scope.deps.keyring, org.id, conversation.id);
  const staffHandles =
    live?.status === 'paused' ||
    (await staffWroteIn(tx, org.id, conversation.id)) ||
    // An earlier red flag already gave the conversation to a person.
    (await earlierRedFlagAnswered(tx, org.id, conversation.id, event.id));
  if (live) {
    // Automation hands the conversation to a person; a paused flow waiting for one simply ends.
    const status = live.status === 'running' ? 'handed_off' : 'stopped';
    await updateSession(
      tx,
      scope.deps.keyring,
      live,
      { status, reason: 'red_flag', endedAt: scope.now },
      scope.now,
    );
  }
  const category = asCategory(event.category);
  const language = patientLanguage(contact, org);
  let adviceMessageId: string | null = null;
  let adviceSkippedReason: string | null = null;
  if (staffHandles && !org.adviseWhenStaffHandles) {
    adviceSkippedReason = 'clinic_setting';
  } else if (
    await adviceSentSince(
      tx,
      org.id,
      conversation.id,
      category,
      new Date(scope.now.getTime() - ADVICE_REPEAT_AFTER_MS),
    )
  ) {
    adviceSkippedReason = 'already_sent';
  } else {
    const sent = await sendToPatient(scope, live?.id ?? null, {
      type: 'text',
      text: emergencyAdvice(category, language, org.emergencyNumbers, categoriesOf(event)),
    });
    if (sent) adviceMessageId = sent;
    else adviceSkippedReason = 'refused';
  }
  const advised = adviceSkippedReason === null || adviceSkippedReason === 'already_sent';
  await addNote(tx, scope.deps.keyring, {
    orgId: org.id,
    conversationId: conversation.id,
    text: [
      staffHandles
        ? staffRedFlagNote(category, event.words, advised, org.defaultLanguage)
        : redFlagNote(category, event.words, org.defaultLanguage),
      ...answersSoFar(live?.state?.answers, org.defaultLanguage),
    ].join('\n'),
    authorUserId: null,
    apiKeyId: null,
    ...(live ? { flowSessionId: live.id } : {}),
    now: scope.now,
  });
  // Handed to a person: the team's rule picks who, or the whole team sees it pinned first.
  if (conversation.assigneeUserId === null) await autoAssign(tx, conversation.id, scope.now);
  await updateRedFlagEvent(tx, org.id, event.id, {
    respondedAt: scope.now,
    handledBy: staffHandles ? 'staff' : 'automation',
    adviceMessageId,
    adviceSkippedReason,
  });
  scope.deps.logger.warn(
    { conversationId: conversation.id, messageId: message.id, category, staffHandles },
    'red flag: conversation marked urgent',
  );
}

async function answerUnreadableMedia(scope: ConversationScope, kind: UnreadableKind): Promise<void> {
  const { tx, org, conversation, contact } = scope;
  const language = patientLanguage(contact, org);
  const live = await lockLiveSession(tx, scope.deps.keyring, org.id, conversation.id);
  await sendToPatient(scope, live?.id ?? null, {
    type: 'text',
    text: unreadableMediaReply(kind, org.emergencyNumbers, language),
  });
  await addNote(tx, scope.deps.keyring, {
    orgId: org.id,
    conversationId: conversation.id,
    text: unreadableMediaNote(kind, org.defaultLanguage),
    authorUserId: null,
    apiKeyId: null,
    ...(live ? { flowSessionId: live.id } : {}),
    now: scope.now,
  });
}

/** The message's id once queued; null when policy refused it (the agent sees why in the timeline). */
async function sendToPatient(
  scope: ConversationScope,
  flowSessionId: string | null,
  message: OutboundMessage,
): Promise<string | null> {
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
        ...(flowSessionId ? { sentByFlowSessionId: flowSessionId } : {}),
      },
    );
    return submission.outcome === 'queued' ? submission.message.id : null;
  } catch (error) {
    if (!(error instanceof OutboundValidationError)) throw error;
    scope.deps.logger.warn({ problems: error.message }, 'a safety message cannot be sent');
    return null;
  }
}

/** What the patient had already answered the stopped flow, for the person who calls back. */
function answersSoFar(answers: Record<string, JsonValue> | undefined, language: 'fr' | 'en'): string[] {
  const lines = Object.entries(answers ?? {}).flatMap(([question, answer]) =>
    typeof answer === 'string' || typeof answer === 'number' ? [`${question}\u00a0: ${answer}`] : [],
  );
  if (lines.length === 0) return [];
  return [language === 'fr' ? 'Réponses déjà données\u00a0:' : 'Answers given so far:', ...lines];
}

function categoriesOf(event: RedFlagEvent): RedFlagCategory[] {
  return RED_FLAG_CATEGORIES.filter((category) => event.categories.includes(category));
}

function asCategory(category: string): RedFlagCategory {
  return RED_FLAG_CATEGORIES.find((c) => c === category) ?? 'chest_pain';
}
