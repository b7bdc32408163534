import { signMetaPayload } from '../../src/channels/whatsapp/webhook-signature.ts';
import { patientText } from '../support/meta-webhooks.ts';
import { casesFor } from './api-fuzz-cases.ts';
import {
  type AdminSession,
  anonymousCallers,
  apiKeyCaller,
  type Caller,
  FuzzClient,
  type FuzzTarget,
  sessionCaller,
} from './fuzz-client.ts';
import type { FuzzFigures } from './fuzz-figures.ts';
import { type FuzzOperation, isRecord, operationsOf } from './openapi-operations.ts';
import { KnownIds } from './schema-sample.ts';
import { SeededRandom } from './seeded-random.ts';
import { webhookCases } from './webhook-fuzz-cases.ts';

export interface ApiFuzzOptions {
  seed: number;
  /** Cases per operation sent as the administrator (API key and session in turn). */
  adminCases: number;
  /** Cases per operation sent without valid credentials. */
  anonymousCases: number;
  /** Called after each operation, e.g. to print progress. */
  onOperation?(operation: FuzzOperation, figures: FuzzFigures): void;
}

/**
 * Sends every operation of the server's OpenAPI document its malformed requests, as the clinic's
 * administrator (API key and session with CSRF token in turn) and without valid credentials, and
 * checks the server's health after each operation's batch.
 */
export async function fuzzApi(target: FuzzTarget, options: ApiFuzzOptions): Promise<FuzzFigures> {
  const client = new FuzzClient(target, options.seed);
  const started = performance.now();
  const root = new SeededRandom(options.seed);
  const document: unknown = await (await fetch(`${target.url}/api/v1/openapi.json`)).json();
  const operations = operationsOf(document);
  let main = await target.signIn();
  // Sign-in routes get a session of their own: a fuzzed POST /auth/logout ends it, not the main one (and
  // signing in again may be throttled).
  let spare = await target.signIn();
  const ids = await knownIds(target, main, operations);

  for (const operation of operations) {
    const name = `${operation.method} ${operation.path}`;
    const random = root.fork(name);
    const session = operation.path.startsWith('/api/v1/auth/') ? spare : main;
    const admin = casesFor(operation, { document, random, ids }, options.adminCases);
    for (const [i, fuzzCase] of admin.entries()) {
      const caller = i % 2 === 0 ? apiKeyCaller(target.apiKey) : sessionCaller(session);
      const answer = await client.send(name, fuzzCase, caller);
      // What a well-formed POST created is named by the next operations' requests.
      if (answer.status !== undefined && answer.status < 300 && !operation.path.includes('{'))
        collectIds(ids, operation.path, answer.json);
      if (!client.alive) break;
    }
    const callers = anonymousCallers(session);
    const anonymous = casesFor(
      operation,
      { document, random: random.fork('anonymous'), ids },
      options.anonymousCases,
    );
    for (const [i, fuzzCase] of anonymous.entries()) {
      if (!client.alive) break;
      await client.send(name, fuzzCase, callers[i % callers.length] as Caller);
    }
    client.figures.operations += 1;
    if (!(await client.checkpoint(name))) break;
    // A case may have signed a session out (POST /auth/logout, a password change): sign in again.
    if (!(await stillSignedIn(target.url, main))) main = await target.signIn();
    if (!(await stillSignedIn(target.url, spare))) spare = await target.signIn().catch(() => spare);
    options.onOperation?.(operation, client.figures);
  }
  client.figures.durationMs = performance.now() - started;
  return client.figures;
}

/**
 * Validly signed malformed webhooks for the target's number, `batchSize` at a time; after each batch
 * the worker gets time to process them, and nothing may have ended the process.
 */
export async function fuzzWebhooks(
  target: FuzzTarget,
  options: { seed: number; cases: number; batchSize: number },
): Promise<FuzzFigures> {
  const client = new FuzzClient(target, options.seed);
  const started = performance.now();
  const cases = webhookCases(target.number, new SeededRandom(options.seed).fork('webhooks'), options.cases);
  for (let start = 0; start < cases.length && client.alive; start += options.batchSize) {
    const batch = cases.slice(start, start + options.batchSize);
    for (const webhook of batch) {
      const signed: Caller = {
        label: 'signed by Meta',
        headers: () => ({ 'x-hub-signature-256': webhook.signature }),
      };
      const request = {
        method: 'POST',
        target: '/webhooks/whatsapp',
        contentType: 'application/json',
        body: webhook.body,
      };
      await client.send('POST /webhooks/whatsapp', { label: webhook.label, request }, signed);
      if (!client.alive) break;
    }
    client.figures.operations += 1;
    await target.settle?.().catch(() => undefined);
    // A webhook does its harm later, in the worker: a death names the whole batch.
    const labels = batch.map((webhook) => webhook.label).join('; ');
    await client.checkpoint(`webhooks ${start + 1} to ${start + batch.length} [${labels}]`);
  }
  client.figures.durationMs = performance.now() - started;
  return client.figures;
}

/**
 * A patient's ordinary message, validly signed, reaches the clinic's inbox (read through the API)
 * within the time allowed: what matters after any fuzzing. Resolves with the time it took.
 */
export async function patientMessageReachesInbox(target: FuzzTarget, timeoutMs = 20_000): Promise<number> {
  const started = performance.now();
  const tag = Math.floor(Math.random() * 1e9);
  const from = `3361298${String(tag % 10_000).padStart(4, '0')}`;
  const text = `Bonjour, j’ai besoin d’un rendez-vous (${tag})`;
  const body = patientText(target.number.phoneNumberId, from, `wamid.FINAL${tag}`, text);
  const posted = await fetch(`${target.url}/webhooks/whatsapp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signMetaPayload(body, target.number.appSecret),
    },
    body,
  });
  const answer = posted.status === 200 ? await posted.text() : '';
  if (posted.status !== 200 || !answer.includes('"stored":1'))
    throw new Error(`the webhook was answered ${posted.status}: ${answer || (await posted.text())}`);
  const auth = { authorization: `Bearer ${target.apiKey}` };
  while (performance.now() - started < timeoutMs) {
    const ours = await conversationFrom(target.url, auth, `+${from}`);
    if (ours) {
      const page = await getJson(target.url, `/api/v1/conversations/${String(ours.id)}/messages`, auth);
      const messages = isRecord(page) && Array.isArray(page.data) ? page.data.filter(isRecord) : [];
      if (messages.some((m) => m.text === text)) return performance.now() - started;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`a patient's message from +${from} was not in the inbox after ${timeoutMs} ms`);
}

/**
 * The conversation of the patient writing from `phone`, looked for on every page of the inbox: pinned
 * urgent conversations (a fuzz pass raises many) come first and can fill the first page.
 */
async function conversationFrom(
  url: string,
  auth: Record<string, string>,
  phone: string,
): Promise<Record<string, unknown> | undefined> {
  let cursor: string | null = null;
  do {
    const list = await getJson(
      url,
      `/api/v1/conversations?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      auth,
    );
    const conversations = isRecord(list) && Array.isArray(list.data) ? list.data.filter(isRecord) : [];
    const ours = conversations.find((c) => isRecord(c.contact) && c.contact.phone === phone);
    if (ours) return ours;
    cursor = isRecord(list) && typeof list.next_cursor === 'string' ? list.next_cursor : null;
  } while (cursor !== null);
  return undefined;
}

/**
 * What the administrator can list, so well-formed requests name things that exist; never the
 * administrator's own id (deactivating it would end the run's session).
 */
async function knownIds(target: FuzzTarget, session: AdminSession, operations: FuzzOperation[]) {
  const ids = new KnownIds();
  const me = await getJson(target.url, '/api/v1/auth/me', { cookie: session.cookie });
  if (isRecord(me) && isRecord(me.user) && typeof me.user.id === 'string') ids.protect(me.user.id);
  const auth = { authorization: `Bearer ${target.apiKey}` };
  // Nor the number the run's patients write to: removed, their last message would reach no clinic.
  const channels = await getJson(target.url, '/api/v1/channels', auth);
  for (const channel of isRecord(channels) && Array.isArray(channels.data) ? channels.data : []) {
    if (
      isRecord(channel) &&
      channel.external_id === target.number.phoneNumberId &&
      typeof channel.id === 'string'
    )
      ids.protect(channel.id);
  }
  for (const operation of operations) {
    if (operation.method !== 'GET' || operation.path.includes('{')) continue;
    if (operation.queryParams.some((p) => p.required)) continue;
    collectIds(ids, operation.path, await getJson(target.url, operation.path, auth));
  }
  return ids;
}

function collectIds(ids: KnownIds, collection: string, json: unknown): void {
  const items = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.data) ? json.data : [json];
  for (const item of items) {
    if (!isRecord(item)) continue;
    if (typeof item.id === 'string') ids.add(collection, item.id);
    if (typeof item.key === 'string') ids.add(collection, item.key, 'key');
  }
}

async function stillSignedIn(url: string, session: AdminSession): Promise<boolean> {
  const response = await fetch(`${url}/api/v1/auth/me`, { headers: { cookie: session.cookie } });
  await response.body?.cancel();
  return response.status === 200;
}

/** JSON of a GET, or undefined for anything else (a stream, an error page). */
async function getJson(url: string, path: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(`${url}${path}`, { headers, signal: AbortSignal.timeout(5000) });
  if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) {
    await response.body?.cancel();
    return undefined;
  }
  return response.json().catch(() => undefined);
}
