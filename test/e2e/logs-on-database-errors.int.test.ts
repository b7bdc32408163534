import { isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alerts, webhookEvents } from '../../src/db-schema.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, patientWrites } from './inbox-support.ts';

/**
 * Issue 13, finding 7: a failing query logged its parameters (message text, names, numbers, webhook
 * bodies, argon2 hashes). Here the database refuses every write to the main tables, the way a check
 * constraint would (with the failing row in its detail), while every write path is driven with
 * recognisable patient and staff data; then the whole log is searched for it.
 */
const PATIENT = {
  name: 'Albertine Vasseur-Quintal',
  phone: '+33698765432',
  text: 'Douleur thoracique depuis trois jours et essoufflement',
};
const SECRETS = {
  outboundText: 'Votre résultat de sérologie VIH est arrivé',
  contactName: 'Albertine V. (diabète de type 1)',
  staffName: 'Hortense Delacroix-Malaval',
  staffEmail: 'hortense.delacroix@maison-sante.test',
  staffPassword: 'hortense-mot-de-passe-tres-secret',
  newPassword: 'un-nouveau-mot-de-passe-secret',
  signInPassword: 'correct horse battery staple',
};

const REFUSED_TABLES = [
  'webhook_events',
  'contacts',
  'contact_identities',
  'conversations',
  'messages',
  'users',
  'sessions',
  'sign_in_throttles',
  'sign_in_devices',
];

describe.each(TEST_ENGINES)('logs when the database refuses writes (%s)', (engine) => {
  const logs: string[] = [];
  let env: TestCareline;
  let clinic: TestClinic;
  let conversationId: string;
  let contactId: string;
  let staffEmail: string;
  let staffId: string;

  beforeAll(async () => {
    env = await startTestCareline(engine, { logs });
    clinic = await env.addClinic('Maison de santé du Canal');
    const { conversation } = await patientWrites(env, clinic, '+33611110000', 'Bonjour', 'Premier patient');
    conversationId = String(conversation.id);
    contactId = String((conversation.contact as { id: string }).id);
    const staff = await addStaff(env, clinic, { name: 'Agent du Canal' });
    staffEmail = staff.email;
    staffId = staff.id;
    for (const statement of REFUSE_WRITES_SQL) await env.handle.db.execute(sql.raw(statement));
  });
  afterAll(async () => {
    await env?.close();
  });

  async function refuseWritesTo(...tables: string[]) {
    await env.handle.db.execute(sql`delete from test_refused_writes`);
    for (const table of tables)
      await env.handle.db.execute(sql`insert into test_refused_writes values (${table})`);
  }

  test('a failing query on any write path logs no message text, name, number, e-mail, password or hash', async () => {
    // An inbound message the worker cannot store: kept in the journal, failed with a reason, logged.
    await refuseWritesTo('contacts', 'contact_identities', 'conversations', 'messages');
    const delivered = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: PATIENT.phone,
      name: PATIENT.name,
      text: PATIENT.text,
    });
    expect(delivered.httpStatus).toBe(200);
    const failedDelivery = await eventually(async () => {
      const [event] = await env.handle.db
        .select()
        .from(webhookEvents)
        .where(isNotNull(webhookEvents.failureReason));
      return event;
    });

    // An inbound delivery that cannot even be journaled: 500 to Meta, which retries.
    await refuseWritesTo('webhook_events');
    const refused = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: PATIENT.phone,
      name: PATIENT.name,
      text: `${PATIENT.text} (bis)`,
    });
    expect(refused.httpStatus).toBe(500);

    // An outbound message, a contact's update, sign-ins, a password change, a new member of staff.
    await refuseWritesTo(...REFUSED_TABLES);
    const writes = [
      await call(env, clinic, 'POST', `/conversations/${conversationId}/messages`, {
        type: 'text',
        text: SECRETS.outboundText,
      }),
      await call(env, clinic, 'PATCH', `/contacts/${contactId}`, { display_name: SECRETS.contactName }),
      await call(env, clinic, 'PATCH', `/users/${staffId}`, { password: SECRETS.newPassword }),
      await call(env, clinic, 'POST', '/users', {
        name: SECRETS.staffName,
        email: SECRETS.staffEmail,
        role: 'agent',
        password: SECRETS.staffPassword,
      }),
    ];
    for (const write of writes) expect(write.status).toBe(500);
    for (const password of [SECRETS.signInPassword, 'a wrong password']) {
      const signIn = await fetch(`${env.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: staffEmail, password }),
      });
      expect(signIn.status).toBe(500);
    }

    // Nothing of what was written is in the log, nor in the stored reason, nor in the alert…
    const alertDetails = (await env.handle.db.select().from(alerts)).map((alert) => alert.detail);
    const everything = [...logs, failedDelivery.failureReason ?? '', ...alertDetails].join('\n');
    const forbidden = [
      PATIENT.name,
      PATIENT.phone,
      PATIENT.phone.slice(1),
      PATIENT.text,
      ...Object.values(SECRETS),
      staffEmail,
      '$argon2',
      'Failing row',
      'params:',
    ];
    for (const value of forbidden) expect(everything, value).not.toContain(value);
    // …yet the errors were logged, by kind and place.
    const lines = logs.map((line) => JSON.parse(line) as { level: number; msg: string; err?: unknown });
    const failures = lines.filter((line) => line.msg === 'request failed');
    expect(failures.length).toBeGreaterThanOrEqual(7);
    expect(JSON.stringify(failures)).toContain('"code":"23514"');
    expect(JSON.stringify(failures)).toContain('"table":"messages"');
    expect(lines.some((line) => line.msg.startsWith('inbound delivery could not be stored'))).toBe(true);
  });

  test('the delivery’s stored reason names the table and the constraint, for the operator', async () => {
    const [failed] = await env.handle.db
      .select()
      .from(webhookEvents)
      .where(isNotNull(webhookEvents.failureReason))
      .limit(1);
    expect(failed?.failureReason).toMatch(/SQLSTATE 23514/);
    expect(failed?.failureReason).toMatch(/table \w+/);
    expect(failed?.failureReason).toMatch(/constraint test_refuse_writes/);
  });
});

/** A trigger on each main table that, when the table is listed, refuses the write as PostgreSQL would. */
const REFUSE_WRITES_SQL = [
  'create table test_refused_writes (table_name text primary key)',
  `create function test_refuse_writes() returns trigger language plpgsql as $$
  begin
    if exists (select 1 from test_refused_writes where table_name = tg_table_name) then
      raise exception using
        errcode = '23514',
        message = format('new row for relation "%s" violates check constraint "test_refuse_writes"', tg_table_name),
        detail = format('Failing row contains %s.', new),
        schema = tg_table_schema,
        table = tg_table_name,
        constraint = 'test_refuse_writes';
    end if;
    return new;
  end $$`,
  ...REFUSED_TABLES.map(
    (table) =>
      `create trigger test_refuse_writes before insert or update on ${table} for each row execute function test_refuse_writes()`,
  ),
];
