import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { conversations, messages, users } from '../../src/db-schema.ts';
import { reminderConsentQuestion } from '../../src/modules/consent/consent-texts.ts';
import type { Message } from '../../src/modules/inbox/message.schema.ts';
import { openMessages } from '../../src/modules/inbox/message-sealing.ts';
import type { UserRole } from '../../src/modules/users/user.schema.ts';
import type { PublicUser } from '../../src/modules/users/user.service.ts';
import { createUser } from '../../src/modules/users/user.service.ts';
import { eventually, type TestCareline, type TestClinic } from '../support/test-careline.ts';

/** What the inbox tests share: calling the API as JSON, patients writing, members of the staff. */

export interface Json {
  [key: string]: unknown;
}
export interface PageJson {
  data: Json[];
  next_cursor: string | null;
}

export async function call(
  env: TestCareline,
  clinic: TestClinic,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json; contentType: string | null }> {
  const response = await env.api(clinic.apiKey, `/api/v1${path}`, {
    method,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Json) : {},
    contentType: response.headers.get('content-type'),
  };
}

export async function getJson<T = Json>(env: TestCareline, clinic: TestClinic, path: string): Promise<T> {
  const { status, body } = await call(env, clinic, 'GET', path);
  if (status !== 200) throw new Error(`GET ${path}: ${status} ${JSON.stringify(body)}`);
  return body as T;
}

/** A patient writes through the simulator; resolves once Careline stored it, with its conversation. */
export async function patientWrites(
  env: TestCareline,
  clinic: TestClinic,
  from: string,
  text: string,
  name?: string,
): Promise<{ conversation: Json; wamid: string }> {
  const sent = await env.simulator.simulator.patientSends({
    phoneNumberId: clinic.number.phoneNumberId,
    from,
    text,
    ...(name ? { name } : {}),
  });
  if (sent.httpStatus !== 200) throw new Error(`the simulator's webhook got ${sent.httpStatus}`);
  const conversationId = await eventually(async () => {
    const [stored] = await env.handle.db
      .select({ conversationId: messages.conversationId })
      .from(messages)
      .where(eq(messages.externalId, sent.wamid));
    return stored?.conversationId;
  });
  return { conversation: await getJson(env, clinic, `/conversations/${conversationId}`), wamid: sent.wamid };
}

/** A member of the clinic's staff; online means seen in the inbox just now. */
export async function addStaff(
  env: TestCareline,
  clinic: TestClinic,
  options: { name: string; role?: UserRole; online?: boolean; capacity?: number },
): Promise<PublicUser> {
  const user = await createUser(env.handle.db, {
    orgId: clinic.org.id,
    email: `staff.${randomBytes(6).toString('hex')}@clinic.test`,
    password: 'correct horse battery staple',
    role: options.role ?? 'agent',
    name: options.name,
  });
  await env.handle.db
    .update(users)
    .set({
      lastSeenAt: options.online === false ? null : new Date(),
      ...(options.capacity !== undefined ? { capacity: options.capacity } : {}),
    })
    .where(eq(users.id, user.id));
  return user;
}

let nextPhone = 0;

/** A French mobile number no other test of the file uses. */
export function newPhone(): string {
  nextPhone += 1;
  return `+3361200${String(nextPhone).padStart(4, '0')}`;
}

/** Messages as the inbox reads them (opened with their patients' keys), those whose text is `text`. */
export async function storedMessagesSaying(env: TestCareline, text: string): Promise<Message[]> {
  const rows = await env.handle.db.select().from(messages);
  return (await openMessages(env.handle.db, env.careline.keyring, rows)).filter((m) => m.text === text);
}

/** The conversation a message with this (stored) external id landed in, once the ingest has stored it. */
export async function conversationOfMessage(
  env: TestCareline,
  clinic: TestClinic,
  externalId: string,
): Promise<Json> {
  const row = await eventually(async () => {
    const [found] = await env.handle.db
      .select({ conversationId: messages.conversationId })
      .from(messages)
      .where(eq(messages.externalId, externalId));
    return found;
  });
  return getJson(env, clinic, `/conversations/${row.conversationId}`);
}

/** How many messages are stored with this external id (a redelivery must not store a second). */
export async function messagesStoredAs(env: TestCareline, externalId: string): Promise<number> {
  const [stored] = await env.handle.db
    .select({ n: count() })
    .from(messages)
    .where(eq(messages.externalId, externalId));
  return stored?.n ?? 0;
}

/** The simulator's control or provider API over HTTP, as a test drives it; an error answer throws. */
export async function simulatorCall(
  env: TestCareline,
  method: string,
  path: string,
  body?: unknown,
): Promise<Json> {
  const response = await fetch(`${env.simulator.url}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as Json;
  if (!response.ok)
    throw new Error(`simulator ${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Careline's patient behind a message it stored (by the provider's id of the message). */
export async function contactOfMessage(env: TestCareline, externalId: string): Promise<string> {
  return eventually(async () => {
    const [row] = await env.handle.db
      .select({ contactId: conversations.contactId })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(messages.externalId, externalId));
    return row?.contactId;
  });
}

/** The patient agrees to appointment reminders on these channels, as the front desk records it. */
export async function agreesToReminders(
  env: TestCareline,
  clinic: TestClinic,
  contactId: string,
  ...channels: string[]
): Promise<void> {
  for (const channel of channels) {
    const consent = await call(env, clinic, 'POST', `/contacts/${contactId}/consents`, {
      channel,
      purpose: 'appointment_reminders',
      granted: true,
      text_shown: reminderConsentQuestion(channel, 'fr'),
    });
    if (consent.status !== 201) throw new Error(`consent on ${channel}: ${JSON.stringify(consent.body)}`);
  }
}
