import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appointments, consentRecords } from '../../src/db-schema.ts';
import { REMINDER_CONSENT_QUESTION } from '../../src/modules/consent/consent-texts.ts';
import { eventually, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { startChatClinic } from './chat-clinic-support.ts';
import { call, type Json, newPhone } from './inbox-support.ts';

interface Received {
  wamid: string;
  type: string;
  text: string;
  request: Json;
}

describe.each(TEST_ENGINES)('booking an appointment by chat (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;

  beforeAll(async () => {
    ({ env, clinic } = await startChatClinic(engine, 'Clinique du Parc'));
  });
  afterAll(async () => {
    await env?.close();
  });

  function received(phone: string): Received[] {
    return env.simulator.simulator
      .sends(clinic.number.phoneNumberId)
      .filter((s) => s.wamid && (s.request as Json).to === phone.replace('+', ''))
      .map((s) => {
        const message = env.simulator.simulator.message(s.wamid ?? '');
        return {
          wamid: s.wamid ?? '',
          type: message?.type ?? '',
          text: message?.text ?? '',
          request: s.request as Json,
        };
      });
  }

  /** The next message the phone receives after `count` of them, whatever it is. */
  async function next(phone: string, count: number): Promise<Received> {
    const all = await eventually(async () => {
      const now = received(phone);
      return now.length > count ? now : undefined;
    }, 10_000).catch((error: unknown) => {
      throw new Error(
        `${String(error)}; the phone has: ${received(phone)
          .map((r) => r.text)
          .join(' | ')}`,
      );
    });
    const message = all[count];
    if (!message) throw new Error('no message');
    return message;
  }

  async function writes(phone: string, text: string): Promise<void> {
    const sent = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: phone,
      text,
      name: 'Chloé Martin',
    });
    expect(sent.httpStatus).toBe(200);
  }

  /** The choices of an interactive message: a list's rows, or reply buttons (three or fewer choices). */
  function rows(list: Received): Array<{ id: string; title: string }> {
    const interactive = list.request.interactive as {
      action?: {
        sections?: Array<{ rows: Array<{ id: string; title: string }> }>;
        buttons?: Array<{ reply: { id: string; title: string } }>;
      };
    };
    const listRows = (interactive.action?.sections ?? []).flatMap((section) => section.rows);
    return listRows.length > 0 ? listRows : (interactive.action?.buttons ?? []).map((b) => b.reply);
  }

  async function picks(phone: string, list: Received, row: { id: string; title: string }): Promise<void> {
    const isList = (list.request.interactive as { type?: string }).type === 'list';
    const sent = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: phone,
      type: isList ? 'list_reply' : 'button_reply',
      replyTo: list.wamid,
      id: row.id,
      title: row.title,
    });
    expect(sent.httpStatus).toBe(200);
  }

  /** Writes, then waits for the answer and the ones right after it (a confirmation and a menu). */
  async function dialogue(phone: string, text: string): Promise<Received> {
    const count = received(phone).length;
    await writes(phone, text);
    return next(phone, count);
  }

  test('a patient books the next slot, says yes to reminders, and gets the confirmation with an .ics', async () => {
    const phone = newPhone();
    const reason = await dialogue(phone, 'Bonjour, je voudrais prendre rendez-vous');
    expect(reason.text).toMatch(/motif/);
    const who = await dialogue(phone, 'Renouvellement d’ordonnance');
    expect(rows(who).map((r) => r.title)).toEqual(
      expect.arrayContaining(['Dr Sophie Martin', 'Peu importe']),
    );
    const when = await dialogue(phone, 'peu importe');
    expect(when.text).toMatch(/Quand souhaitez-vous venir/);
    const slots = await dialogue(phone, 'dès que possible');
    expect(slots.type).toBe('interactive');
    const offered = rows(slots);
    expect(offered.length).toBeGreaterThan(1);
    expect(offered.at(-1)?.title).toBe('Autre moment');

    let count = received(phone).length;
    const first = offered[0];
    if (!first) throw new Error('no slot offered');
    await picks(phone, slots, first);
    const consent = await next(phone, count);
    expect(consent.text).toBe(REMINDER_CONSENT_QUESTION.fr);
    count = received(phone).length;
    await writes(phone, 'Oui');
    const confirmation = await next(phone, count);
    expect(confirmation.text).toMatch(/^C’est réservé ✅ .+ avec Dr .+, Clinique du Parc, 12 rue des Lilas/);
    const invite = await next(phone, count + 1);
    expect(invite.type).toBe('document');

    await env.settle();
    const booked = await env.handle.db
      .select()
      .from(appointments)
      .where(eq(appointments.orgId, clinic.org.id));
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ status: 'booked', source: 'chat' });
    // The patient's words are stored sealed with their key.
    expect(booked[0]?.reason).not.toContain('ordonnance');
    const [start] = first.id.split('|');
    expect(booked[0]?.start.toISOString()).toBe(new Date(start ?? '').toISOString());
    const [record] = await env.handle.db
      .select()
      .from(consentRecords)
      .where(eq(consentRecords.contactId, booked[0]?.contactId ?? ''));
    expect(record).toMatchObject({ granted: true, method: 'chat', purpose: 'appointment_reminders' });
    const opener = await env.careline.keyring.opener(env.handle.db, clinic.org.id, [
      booked[0]?.reason,
      record?.textShown,
    ]);
    expect(opener.open(booked[0]?.reason, 'appointments.reason')).toBe('Renouvellement d’ordonnance');
    expect(opener.open(record?.textShown, 'consent_records.text_shown')).toBe(REMINDER_CONSENT_QUESTION.fr);
  });

  test('“Peu importe” for an adult’s flu jab offers only those who see adults: never the paediatrician', async () => {
    const phone = newPhone();
    await dialogue(phone, 'prendre rdv');
    const who = await dialogue(phone, 'vaccin contre la grippe');
    // Those who suit the reason come first in the list; the paediatrician stays choosable by name.
    expect(rows(who)[0]?.title).toBe('Dr Sophie Martin');
    await dialogue(phone, 'n’importe lequel');
    const slots = await dialogue(phone, 'dès que possible');
    const offered = rows(slots).filter((row) => row.id.includes('|'));
    expect(offered.length).toBeGreaterThan(3);
    const practitioners = new Set(offered.map((row) => row.id.split('|')[1]));
    const martin = (await call(env, clinic, 'GET', '/practitioners')).body.data as Json[];
    const ids = Object.fromEntries(martin.map((p) => [p.name, p.id]));
    expect([...practitioners]).toEqual([ids['Dr Sophie Martin']]);
  });

  test('a child’s appointment with anyone may go to the paediatrician', async () => {
    const phone = newPhone();
    await dialogue(phone, 'prendre rdv');
    await dialogue(phone, 'vaccin de mon fils');
    await dialogue(phone, 'peu importe');
    const slots = await dialogue(phone, 'la semaine prochaine');
    const practitioners = new Set(
      rows(slots)
        .filter((row) => row.id.includes('|'))
        .map((row) => row.id.split('|')[1]),
    );
    const all = (await call(env, clinic, 'GET', '/practitioners')).body.data as Json[];
    const benali = all.find((p) => p.name === 'Dr Karim Benali')?.id;
    expect([...practitioners]).toContain(benali);
    expect([...practitioners]).not.toContain(all.find((p) => p.name === 'Dr Léa Dubois')?.id);
  });

  test('« le 12 » (a day of the month) offers that day’s slots', async () => {
    // A weekday a week or so ahead, when Dr Martin works: its day number is what the patient writes.
    let day = Temporal.Now.plainDateISO('Europe/Paris').add({ days: 7 });
    while (day.dayOfWeek > 5) day = day.add({ days: 1 });
    const phone = newPhone();
    await dialogue(phone, 'prendre rdv');
    await dialogue(phone, 'suivi tension');
    await dialogue(phone, 'Peu importe');
    const slots = await dialogue(phone, `le ${day.day}`);
    expect(slots.type).toBe('interactive');
    const offered = rows(slots).filter((row) => row.id.includes('|'));
    expect(offered.length).toBeGreaterThan(0);
    for (const row of offered) {
      const start = Temporal.Instant.from(row.id.split('|')[0] ?? '').toZonedDateTimeISO('Europe/Paris');
      expect(start.toPlainDate().toString()).toBe(day.toString());
      // French titles: « mar. 12 déc., 9 h 30 ».
      expect(row.title).toMatch(new RegExp(`^\\p{L}+\\. ${day.day} .+, \\d{1,2} h( \\d{2})?$`, 'u'));
    }
  });

  test('a slot taken meanwhile is refused and fresh slots are offered; the patient then cancels by chat', async () => {
    const phone = newPhone();
    await dialogue(phone, 'prendre rdv');
    await dialogue(phone, 'Douleur au genou');
    await dialogue(phone, 'Peu importe');
    const slots = await dialogue(phone, 'dès que possible');
    const wanted = rows(slots)[0];
    if (!wanted) throw new Error('no slot offered');
    // Someone at the desk books that very slot for another patient first.
    const [start, practitionerId, locationId, appointmentTypeId] = wanted.id.split('|');
    const other = (await call(env, clinic, 'GET', '/contacts')).body.data as Json[];
    const beforeDesk = received(phone).length;
    const desk = await call(env, clinic, 'POST', '/appointments', {
      contact_id: other[0]?.id,
      practitioner_id: practitionerId,
      location_id: locationId,
      appointment_type_id: appointmentTypeId,
      start,
    });
    expect(desk.status, JSON.stringify(desk.body)).toBe(201);
    // The latest contact is this patient: the desk's booking is confirmed to them, .ics included.
    expect((await next(phone, beforeDesk)).text).toMatch(/^Votre rendez-vous est réservé ✅/);
    expect((await next(phone, beforeDesk + 1)).type).toBe('document');

    const count = received(phone).length;
    await picks(phone, slots, wanted);
    const sorry = await next(phone, count);
    expect(sorry.text).toMatch(/vient d’être pris/);
    const fresh = await next(phone, count + 1);
    expect(rows(fresh).map((r) => r.id)).not.toContain(wanted.id);
    const second = rows(fresh)[0];
    if (!second) throw new Error('no slot offered');
    const before = received(phone).length;
    await picks(phone, fresh, second);
    await next(phone, before);
    await dialogue(phone, 'Non');
    await env.settle();

    const menu = await dialogue(phone, 'annuler mon rendez-vous');
    const mine = rows(menu);
    expect(
      mine,
      received(phone)
        .map((r) => r.text)
        .join(' | '),
    ).toHaveLength(2);
    const mineFirst = mine[0];
    if (!mineFirst) throw new Error('no appointment listed');
    let n = received(phone).length;
    await picks(phone, menu, mineFirst);
    const action = await next(phone, n);
    expect(action.text).toMatch(/que souhaitez-vous faire/);
    n = received(phone).length;
    await writes(phone, 'L’annuler');
    const done = await next(phone, n);
    expect(done.text).toMatch(/^C’est annulé/);
    await env.settle();
    const [cancelled] = await env.handle.db
      .select()
      .from(appointments)
      .where(eq(appointments.id, mineFirst.id));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBy: 'patient' });
  });
});
