import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { call, type Json } from '../../../test/e2e/inbox-support.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../../../test/support/test-careline.ts';
import { appointments, conversations, messages, reminders } from '../../db-schema.ts';
import type { DbEngine } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { REMINDER_CONSENT_QUESTION } from '../consent/consent-texts.ts';
import { bookAppointment } from '../scheduling/booking.service.ts';
import type {
  Appointment,
  AppointmentType,
  Location,
  Practitioner,
} from '../scheduling/scheduling.schema.ts';
import { seedScheduling } from '../scheduling/scheduling.test-support.ts';
import { enqueueReminderDispatch } from './reminder-dispatch-queue.ts';
import { reminderTemplateComponents } from './reminder-template.ts';
import { schedulingReminders } from './scheduling-reminders.ts';

/** What the reminder tests through the simulator share: a clinic that books, patients, their phones. */

export interface ReminderWorld {
  env: TestCareline;
  clinic: TestClinic;
  location: Location;
  practitioner: Practitioner;
  type: AppointmentType;
}

/**
 * Careline and the simulator, a clinic with hours every day and the reminder template approved. A
 * `clock` (a TestClock) is Careline's and the simulator's time, for tests that move it.
 */
export async function startReminderWorld(
  engine: DbEngine,
  options: { clock?: Clock } = {},
): Promise<ReminderWorld> {
  const env = await startTestCareline(engine, options);
  const clinic = await env.addClinic('Centre Belleville');
  for (const language of ['fr', 'en'] as const) {
    env.simulator.simulator.upsertTemplate({
      wabaId: clinic.number.wabaId,
      name: 'rappel_rendez_vous',
      language,
      category: 'UTILITY',
      status: 'APPROVED',
      components: reminderTemplateComponents(language),
    });
  }
  const sync = await call(env, clinic, 'POST', '/templates/sync');
  if (sync.status !== 202) throw new Error(`template sync: ${sync.status}`);
  await env.settle();
  const seeded = await seedScheduling(env.handle.db, clinic.org.id);
  const practitioner = seeded.practitioners[0];
  if (!practitioner) throw new Error('no practitioner');
  return { env, clinic, location: seeded.location, practitioner, type: seeded.type };
}

/** A patient who wrote to the clinic (so Careline knows them), and agreed to reminders unless told. */
export async function patient(
  world: ReminderWorld,
  phone: string,
  options: { name?: string; consent?: boolean } = {},
): Promise<{ contactId: string; conversationId: string }> {
  const { env, clinic } = world;
  const sent = await env.simulator.simulator.patientSends({
    phoneNumberId: clinic.number.phoneNumberId,
    from: phone,
    name: options.name ?? 'Chloé Martin',
    text: 'Bonjour',
  });
  const stored = await eventually(async () => {
    const [row] = await env.handle.db
      .select({ conversationId: messages.conversationId, contactId: conversations.contactId })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(messages.externalId, sent.wamid));
    return row;
  });
  if (options.consent ?? true) {
    const consent = await call(env, clinic, 'POST', `/contacts/${stored.contactId}/consents`, {
      purpose: 'appointment_reminders',
      granted: true,
      text_shown: REMINDER_CONSENT_QUESTION.fr,
    });
    if (consent.status !== 201) throw new Error(`consent: ${consent.status} ${JSON.stringify(consent.body)}`);
  }
  await env.settle();
  return stored;
}

let slot = 0;

/** A free slot of the practitioner: three days ahead and on, 10:00 then every half hour, in Paris. */
export function nextSlot(): string {
  slot += 1;
  const day = Temporal.Now.zonedDateTimeISO('Europe/Paris')
    .toPlainDate()
    .add({ days: 3 + Math.floor(slot / 12) });
  const time = Temporal.PlainTime.from('10:00').add({ minutes: 30 * (slot % 12) });
  return day.toZonedDateTime({ timeZone: 'Europe/Paris', plainTime: time }).toInstant().toString();
}

/** Books as the staff would; the booking plans the reminders. */
export async function book(
  world: ReminderWorld,
  contactId: string,
  conversationId: string | null,
  start = nextSlot(),
): Promise<Appointment> {
  return bookAppointment(
    world.env.handle.db,
    world.env.careline.keyring,
    schedulingReminders,
    world.clinic.org.id,
    {
      contactId,
      practitionerId: world.practitioner.id,
      locationId: world.location.id,
      appointmentTypeId: world.type.id,
      start,
      source: 'staff',
      conversationId,
      now: new Date(),
    },
  );
}

/**
 * The clock passes the reminder's time. The job queue runs by the database's time, whatever Careline's
 * clock says, so the reminder (whatever its status) is made due by Careline's clock now and a dispatch
 * run is queued now, as the planned one would run then.
 */
export async function timeComes(
  world: Pick<ReminderWorld, 'env'>,
  appointmentId: string,
  offsetMinutes: number,
): Promise<void> {
  const { env } = world;
  await env.handle.db
    .update(reminders)
    .set({ dueAt: new Date(env.clock.nowMs() - 1000) })
    .where(and(eq(reminders.appointmentId, appointmentId), eq(reminders.offsetMinutes, offsetMinutes)));
  await enqueueReminderDispatch(env.handle.db, new Date(), `test:${randomBytes(6).toString('hex')}`);
  env.careline.worker.wake();
  await env.settle();
}

export async function reminderRow(
  world: Pick<ReminderWorld, 'env'>,
  appointmentId: string,
  offsetMinutes: number,
) {
  const [row] = await world.env.handle.db
    .select()
    .from(reminders)
    .where(and(eq(reminders.appointmentId, appointmentId), eq(reminders.offsetMinutes, offsetMinutes)));
  return row;
}

export async function appointmentRow(
  world: Pick<ReminderWorld, 'env'>,
  id: string,
): Promise<Appointment | undefined> {
  const [row] = await world.env.handle.db.select().from(appointments).where(eq(appointments.id, id));
  return row;
}

export interface Received {
  wamid: string;
  type: string;
  text: string;
  request: Json;
}

/** What the patient's phone received from the clinic, oldest first, once it holds at least `count`. */
export async function phoneReceived(world: ReminderWorld, phone: string, count: number): Promise<Received[]> {
  const sim = world.env.simulator.simulator;
  const received = () =>
    sim
      .sends(world.clinic.number.phoneNumberId)
      .filter((s) => s.wamid && (s.request as Json).to === phone.replace('+', ''))
      .map((s) => {
        const message = sim.message(s.wamid ?? '');
        return {
          wamid: s.wamid ?? '',
          type: message?.type ?? '',
          text: message?.text ?? '',
          request: s.request as Json,
        };
      });
  return eventually(async () => {
    const sent = received();
    return sent.length >= count ? sent : undefined;
  }, 10_000).catch((error: unknown) => {
    throw new Error(`${String(error)}; received: ${JSON.stringify(received().map((r) => r.text || r.type))}`);
  });
}

/** The patient taps a reply button of an interactive message. */
export async function tapButton(
  world: ReminderWorld,
  phone: string,
  message: Received,
  index: number,
): Promise<void> {
  const interactive = message.request.interactive as Json;
  const buttons = (interactive.action as Json).buttons as Array<{ reply: { id: string; title: string } }>;
  const button = buttons[index];
  if (!button) throw new Error(`no button ${index}`);
  await world.env.simulator.simulator.patientSends({
    phoneNumberId: world.clinic.number.phoneNumberId,
    from: phone,
    type: 'button_reply',
    replyTo: message.wamid,
    id: button.reply.id,
    title: button.reply.title,
  });
}

/** The patient taps a quick reply of a template: its payload comes back. */
export async function tapQuickReply(
  world: ReminderWorld,
  phone: string,
  message: Received,
  index: number,
  label: string,
): Promise<void> {
  const template = message.request.template as Json;
  const components = template.components as Array<{ type: string; index?: string; parameters: Json[] }>;
  const button = components.find((c) => c.type === 'button' && c.index === String(index));
  const payload = button?.parameters[0]?.payload;
  if (typeof payload !== 'string') throw new Error(`no quick reply ${index}`);
  await world.env.simulator.simulator.patientSends({
    phoneNumberId: world.clinic.number.phoneNumberId,
    from: phone,
    type: 'button',
    replyTo: message.wamid,
    payload,
    text: label,
  });
}

/** The patient types a message. */
export async function writes(world: ReminderWorld, phone: string, text: string): Promise<string> {
  const sent = await world.env.simulator.simulator.patientSends({
    phoneNumberId: world.clinic.number.phoneNumberId,
    from: phone,
    text,
  });
  return sent.wamid;
}
