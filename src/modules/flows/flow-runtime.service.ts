import type { DbOrTx } from '../../platform/db/db.ts';
import { PermanentJobError } from '../../platform/jobs/job-worker.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.service.ts';
import { findContact } from '../contacts/contact.service.ts';
import { lockConversation } from '../inbox/conversation.service.ts';
import type { Message } from '../inbox/message.schema.ts';
import { inboundMessagesAfter } from '../inbox/message.service.ts';
import { openMessages } from '../inbox/message-sealing.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import { chooseTriggeredFlow, type TriggerOccasion } from './choose-triggered-flow.ts';
import { advance, type FlowInput, isFinal, type JsonValue } from './engine/index.ts';
import {
  contactRanFlow,
  findCursor,
  findFlowById,
  findFlowByKey,
  insertSession,
  listFlowsOfOrg,
  lockLiveSession,
  moveSession,
  runningSessionOfContactElsewhere,
  saveCursor,
  updateSession,
} from './flow.repository.ts';
import type { Flow, FlowSessionRow, FlowSessionStatus } from './flow.schema.ts';
import { definitionOf } from './flow.service.ts';
import { applyFlowEffects } from './flow-effects.ts';
import { flowContextFor } from './flow-host-context.ts';
import { performFlowHttpRequest } from './flow-http.ts';
import {
  enqueueFlowJob,
  FLOW_HTTP_REQUEST_PURPOSE,
  type FlowJob,
  parseFlowHttpRequest,
} from './flow-queue.ts';
import type { ConversationScope, FlowRuntimeDeps } from './flow-runtime-deps.ts';
import { stateUnreadable } from './flow-state-sealing.ts';

/** A session nobody answers stops holding the conversation after this long (the WhatsApp window). */
const DEFAULT_SESSION_HOURS = 24;
const MESSAGES_PER_PASS = 20;
/** A flow that starts another that starts another…: a misconfiguration, stopped here. */
const MAX_CHAINED_STARTS = 5;

/** The `flows.event` job: moves the conversation's automation on. Jobs of one conversation take turns. */
export async function processFlowJob(deps: FlowRuntimeDeps, payload: FlowJob): Promise<void> {
  if (payload.kind === 'http') {
    const request =
      typeof payload.request === 'string'
        ? parseFlowHttpRequest(
            (await deps.keyring.opener(deps.db, payload.orgId, [payload.request])).open(
              payload.request,
              FLOW_HTTP_REQUEST_PURPOSE,
            ),
          )
        : payload.request;
    if (request === null) throw new PermanentJobError('the patient of this request was erased');
    // The call happens outside any transaction: a slow clinic API must not hold a row lock.
    const result = await performFlowHttpRequest(request, deps.outbound);
    return deps.db.transaction(async (tx) => {
      const scope = await scopeOf(deps, tx, payload);
      if (scope) await feedSessionById(scope, payload.sessionId, result);
    });
  }
  return deps.db.transaction(async (tx) => {
    const scope = await scopeOf(deps, tx, payload);
    if (!scope) return;
    switch (payload.kind) {
      case 'inbound':
        return handleNewMessages(scope);
      case 'closed':
        return handleClosed(scope);
      case 'timer':
        return feedSessionById(scope, payload.sessionId, { kind: 'timer', timerId: payload.timerId });
    }
  });
}

/** Starts a flow in a conversation on request (REST API, an agent): any automation running there stops. */
export async function startFlowOnRequest(
  deps: FlowRuntimeDeps,
  input: { orgId: string; conversationId: string; flowKey: string },
): Promise<FlowSessionRow | null> {
  return deps.db.transaction(async (tx) => {
    const scope = await scopeOf(deps, tx, input);
    if (!scope) return null;
    const flow = await findFlowByKey(tx, input.orgId, input.flowKey);
    if (!flow) return null;
    const live = await liveSessionOf(scope);
    if (live) await endSession(scope, live, 'stopped', 'replaced');
    return startSession(scope, flow, 'api');
  });
}

async function scopeOf(
  deps: FlowRuntimeDeps,
  tx: DbOrTx,
  ref: { orgId: string; conversationId: string },
): Promise<ConversationScope | null> {
  // The conversation's row lock makes this conversation's jobs take turns, whichever worker runs them.
  const conversation = await lockConversation(tx, ref.orgId, ref.conversationId);
  if (!conversation) return null;
  // One after the other: a transaction is one connection, and pg queues (and pg@9 refuses) a query
  // sent while the connection is still busy with another.
  const org = await findOrgByRef(tx, ref.orgId);
  const contact = await findContact(tx, deps.keyring, ref.orgId, conversation.contactId);
  const account = await findChannelAccount(tx, ref.orgId, conversation.channelAccountId);
  if (!org || !contact || !account) return null;
  return { tx, deps, org, conversation, contact, channel: account.type, now: deps.clock.now() };
}

/** Patients' messages not yet seen by automation, oldest first, each once. */
async function handleNewMessages(scope: ConversationScope): Promise<void> {
  const { tx, org, conversation } = scope;
  const cursor = await findCursor(tx, conversation.id);
  const pending = await openMessages(
    tx,
    scope.deps.keyring,
    await inboundMessagesAfter(tx, org.id, conversation.id, cursor, MESSAGES_PER_PASS),
  );
  for (const [index, message] of pending.entries()) {
    await handleMessage(scope, message, cursor === null && index === 0);
    await saveCursor(tx, org.id, conversation.id, message.seq);
  }
  if (pending.length === MESSAGES_PER_PASS) {
    await enqueueFlowJob(tx, { kind: 'inbound', orgId: org.id, conversationId: conversation.id });
  }
}

async function handleMessage(
  scope: ConversationScope,
  message: Message,
  opensConversation: boolean,
): Promise<void> {
  for (const intercept of scope.deps.interceptors ?? []) {
    const outcome = await intercept(scope, message);
    if (outcome === 'pass') continue;
    if (outcome === 'handled') return;
    const flow = await findFlowByKey(scope.tx, scope.org.id, outcome.startFlow);
    if (!flow?.enabled) {
      scope.deps.logger.warn(
        { flowKey: outcome.startFlow },
        'an interceptor asked for a flow that is missing or off',
      );
      return;
    }
    const live = await liveSessionOf(scope);
    if (live) await endSession(scope, live, 'stopped', 'replaced');
    await startSession(scope, flow, 'flow', undefined, 0, outcome.trigger);
    return;
  }
  const live = await liveSessionOf(scope);
  if (live?.status === 'paused') return;
  if (live && live.expiresAt > scope.now) {
    await feedSession(scope, live, messageInput(message));
    return;
  }
  if (live) await endSession(scope, live, 'failed', 'expired');
  // A conversation turned urgent belongs to a person: no bot starts talking in it again.
  if (scope.conversation.urgent) return;
  const survey = opensConversation ? await adoptSurvey(scope) : undefined;
  if (survey) {
    await feedSession(scope, survey, messageInput(message));
    return;
  }
  await startTriggered(scope, {
    kind: 'message',
    text: message.text,
    newConversation: opensConversation,
    now: scope.now.toISOString(),
    timeZone: scope.org.timeZone,
    businessHours: scope.org.businessHours,
  });
}

async function handleClosed(scope: ConversationScope): Promise<void> {
  const live = await liveSessionOf(scope);
  if (live) await endSession(scope, live, 'stopped', 'conversation_closed');
  await startTriggered(scope, { kind: 'conversation_closed' }, { conversationId: scope.conversation.id });
}

/**
 * A flow started by a conversation's closing (the satisfaction survey) talks to a patient whose answer
 * opens a new conversation, the closed one staying closed: the session follows the patient there.
 */
async function adoptSurvey(scope: ConversationScope): Promise<FlowSessionRow | undefined> {
  const waiting = await runningSessionOfContactElsewhere(
    scope.tx,
    scope.deps.keyring,
    scope.org.id,
    scope.contact.id,
    scope.conversation.id,
  );
  if (waiting?.trigger !== 'conversation_closed' || waiting.expiresAt <= scope.now) return undefined;
  if (stateUnreadable(waiting)) {
    await endSession(scope, waiting, 'failed', 'state_unreadable');
    return undefined;
  }
  await moveSession(scope.tx, waiting.id, scope.conversation.id, scope.now);
  return { ...waiting, conversationId: scope.conversation.id };
}

/** The conversation a session is about, when a trigger said so (a survey: the one that closed). */
function subjectOf(state: FlowSessionRow['state']): string | null {
  const trigger = state?.vars.trigger;
  if (typeof trigger !== 'object' || trigger === null || Array.isArray(trigger)) return null;
  const id = trigger.conversationId;
  return typeof id === 'string' ? id : null;
}

async function startTriggered(
  scope: ConversationScope,
  occasion: TriggerOccasion,
  extra: { [key: string]: JsonValue } = {},
): Promise<void> {
  const candidates: Flow[] = [];
  for (const flow of await listFlowsOfOrg(scope.tx, scope.org.id)) {
    if (!flow.enabled) continue;
    if (flow.oncePerContact && (await contactRanFlow(scope.tx, scope.org.id, scope.contact.id, flow.id)))
      continue;
    candidates.push(flow);
  }
  const chosen = chooseTriggeredFlow(candidates, occasion);
  if (chosen) await startSession(scope, chosen.flow, chosen.trigger, chosen.keyword, 0, extra);
}

async function startSession(
  scope: ConversationScope,
  flow: Flow,
  trigger: string,
  keyword?: string,
  chain = 0,
  extra: { [key: string]: JsonValue } = {},
): Promise<FlowSessionRow> {
  const definition = await definitionOf(scope.tx, flow, flow.currentVersion);
  const hours = (definition.settings?.sessionTimeoutMinutes ?? DEFAULT_SESSION_HOURS * 60) / 60;
  const row = await insertSession(scope.tx, scope.deps.keyring, {
    orgId: scope.org.id,
    flowId: flow.id,
    flowVersion: flow.currentVersion,
    conversationId: scope.conversation.id,
    contactId: scope.contact.id,
    status: 'running',
    state: null,
    trigger,
    expiresAt: new Date(scope.now.getTime() + hours * 3_600_000),
  });
  const input: FlowInput = {
    kind: 'start',
    sessionId: row.id,
    trigger: { ...extra, kind: trigger, ...(keyword ? { keyword } : {}) },
  };
  await run(scope, row, flow, input, chain);
  return row;
}

async function feedSessionById(scope: ConversationScope, sessionId: string, input: FlowInput): Promise<void> {
  const live = await liveSessionOf(scope);
  // A timer or a result for a session that has ended, paused or been replaced: nothing to do.
  if (!live || live.id !== sessionId || live.status !== 'running') return;
  await feedSession(scope, live, input);
}

async function feedSession(scope: ConversationScope, row: FlowSessionRow, input: FlowInput): Promise<void> {
  const flow = await findFlowById(scope.tx, scope.org.id, row.flowId);
  if (!flow) return;
  await run(scope, row, flow, input, 0);
}

/**
 * Advances the session with the input, carries out the effects, and goes on with the inputs they
 * produce at once (an assignment's result), until the session waits or ends.
 */
async function run(
  scope: ConversationScope,
  row: FlowSessionRow,
  flow: Flow,
  first: FlowInput,
  chain: number,
) {
  const definition = await definitionOf(scope.tx, flow, row.flowVersion);
  let state = row.state;
  const inputs: FlowInput[] = [first];
  let next: string | undefined;
  for (let input = inputs.shift(); input; input = inputs.shift()) {
    const context = flowContextFor({
      org: scope.org,
      contact: scope.contact,
      channel: scope.channel,
      shows: scope.deps.senders[scope.channel]?.capabilities,
      now: scope.now,
    });
    const result = advance(definition, state, input, context);
    if (result.ignored) break;
    state = result.session;
    const outcome = await applyFlowEffects(
      scope,
      {
        id: row.id,
        flowKey: flow.key,
        builtIn: flow.builtIn,
        subjectConversationId: subjectOf(state),
        language: state.language,
      },
      result.effects,
    );
    inputs.push(...outcome.inputs);
    next = outcome.startFlow ?? next;
    const final = isFinal(state.status);
    await updateSession(
      scope.tx,
      scope.deps.keyring,
      row,
      {
        state,
        status: sessionStatusOf(state.status),
        ...(final ? { endedAt: scope.now, reason: outcome.reason ?? state.endReason ?? null } : {}),
      },
      scope.now,
    );
    if (final) break;
  }
  if (next !== undefined && chain < MAX_CHAINED_STARTS) {
    const target = await findFlowByKey(scope.tx, scope.org.id, next);
    // The started flow reads the answers of the one that started it as `vars.trigger.<answer>`.
    const handed = { ...(state?.answers ?? {}), from: flow.key };
    if (target?.enabled) await startSession(scope, target, 'flow', undefined, chain + 1, handed);
    else
      scope.deps.logger.warn({ flowKey: next }, 'a flow asked to start a flow that is missing or disabled');
  }
}

/**
 * The conversation's running or paused session, locked. One whose state can no longer be opened (the
 * patient's key was destroyed) ends here and counts as absent: it must not start over from its first step.
 */
async function liveSessionOf(scope: ConversationScope): Promise<FlowSessionRow | undefined> {
  const live = await lockLiveSession(scope.tx, scope.deps.keyring, scope.org.id, scope.conversation.id);
  if (!live || !stateUnreadable(live)) return live;
  await endSession(scope, live, 'failed', 'state_unreadable');
  return undefined;
}

async function endSession(
  scope: ConversationScope,
  row: FlowSessionRow,
  status: FlowSessionStatus,
  reason: string,
): Promise<void> {
  await updateSession(scope.tx, scope.deps.keyring, row, { status, reason, endedAt: scope.now }, scope.now);
}

function sessionStatusOf(engineStatus: string): FlowSessionStatus {
  switch (engineStatus) {
    case 'completed':
      return 'completed';
    case 'handed_off':
      return 'handed_off';
    case 'failed':
      return 'failed';
    default:
      return 'running';
  }
}

/** A patient's message as the engine reads it: the words, the tapped button, the attached file. */
function messageInput(message: Message): FlowInput {
  const content = message.content ?? {};
  const reply = 'reply' in content && isRecord(content.reply) ? content.reply : undefined;
  const replyId = reply && typeof reply.id === 'string' ? reply.id : undefined;
  const media = 'media' in content && Array.isArray(content.media) ? content.media.find(isRecord) : undefined;
  return {
    kind: 'message',
    ...(message.text ? { text: message.text } : {}),
    ...(replyId ? { replyId } : {}),
    ...(media ? { media: { type: typeof media.kind === 'string' ? media.kind : message.type } } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type { FlowJob };
