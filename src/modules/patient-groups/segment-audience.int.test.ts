import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { TestClock } from '../../platform/time/test-clock.ts';
import { insertChannelAccount } from '../channel-accounts/channel-account.repository.ts';
import { insertContact, insertIdentityIfAbsent } from '../contacts/contact.repository.ts';
import { setMergedInto } from '../contacts/patient-data.service.ts';
import { findFlowByKey, insertSession } from '../flows/flow.repository.ts';
import { installBuiltInFlows } from '../flows/flow.service.ts';
import { insertConversationIfAbsent } from '../inbox/conversation.repository.ts';
import { createOrg } from '../orgs/org.service.ts';
import { insertAppointment } from '../scheduling/appointment.repository.ts';
import { createAppointmentType } from '../scheduling/appointment-type.service.ts';
import { createLocation } from '../scheduling/location.service.ts';
import { createPractitioner } from '../scheduling/practitioner.service.ts';
import type { AppointmentStatus } from '../scheduling/scheduling.schema.ts';
import { createPatientGroup, groupAudiencePage } from './patient-group.service.ts';
import { segmentAudiencePage, segmentSizeAndSample } from './segment-audience.ts';
import { type SegmentDefinition, type SegmentRule, segmentDefinition } from './segment-rules.ts';

// Wednesday 4 March 2026, 11:00 in Paris: "next week" is Monday 9 to Sunday 15 March.
const NOW = '2026-03-04T10:00:00.000Z';

describe.each(TEST_ENGINES)('dynamic patient groups: every rule (%s)', (engine) => {
  let handle: DbHandle;
  let orgId: string;
  let otherOrgId: string;
  const clock = new TestClock(NOW);
  const deps = { keyring: testKeyring, clock };
  const id: Record<string, string> = {};
  let drMartin: string;
  let drPetit: string;
  let vaccination: string;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    const { db } = handle;
    orgId = (await createOrg(db, { name: 'Centre Belleville' })).id;
    otherOrgId = (await createOrg(db, { name: 'Autre cabinet' })).id;
    const patient = async (
      key: string,
      values: { tags?: string[]; customFields?: Record<string, string>; language?: string | null },
      org = orgId,
    ) => {
      id[key] = (await insertContact(db, testKeyring, { orgId: org, displayName: key, ...values })).id;
    };
    await patient('anna', {
      tags: ['Diabète'],
      customFields: { birth_date: '10/05/1950', Mutuelle: 'Mutuelle Générale' },
      language: 'fr',
    });
    await patient('ben', { tags: ['asthme'], customFields: { birth_date: '2000-01-01' }, language: 'en-GB' });
    await patient('chloe', { customFields: {}, language: null });
    // A duplicate of Anna, merged into her: never listed itself; what still points at it counts as Anna.
    await patient('dup', { tags: ['asthme'], customFields: { Mutuelle: 'Autre' }, language: 'en' });
    await setMergedInto(db, orgId, id.dup as string, id.anna as string);
    // Another clinic's patient who matches everything.
    await patient(
      'stranger',
      { tags: ['Diabète', 'asthme'], customFields: { birth_date: '1950-05-10' }, language: 'fr' },
      otherOrgId,
    );

    const identity = (
      contact: string,
      channelType: 'whatsapp' | 'telegram',
      externalId: string,
      org = orgId,
    ) =>
      insertIdentityIfAbsent(db, testKeyring, {
        orgId: org,
        contactId: id[contact] as string,
        channelType,
        externalId,
      });
    await identity('anna', 'whatsapp', '33600000001');
    await identity('dup', 'whatsapp', '33600000002');
    await identity('ben', 'telegram', '777001');
    await identity('stranger', 'telegram', '777002', otherOrgId);

    drMartin = (await createPractitioner(db, orgId, { name: 'Dr Martin', specialty: 'general_practice' })).id;
    drPetit = (await createPractitioner(db, orgId, { name: 'Dr Petit', specialty: 'general_practice' })).id;
    const otherDoctor = (
      await createPractitioner(db, otherOrgId, { name: 'Dr Autre', specialty: 'general_practice' })
    ).id;
    const location = (await createLocation(db, orgId, { name: 'Cabinet' })).id;
    const otherLocation = (await createLocation(db, otherOrgId, { name: 'Ailleurs' })).id;
    vaccination = (
      await createAppointmentType(db, orgId, {
        key: 'vaccination',
        name: { fr: 'Vaccin', en: 'Vaccine' },
        durationMinutes: 15,
      })
    ).id;
    const appointment = async (
      contact: string,
      practitionerId: string,
      start: string,
      status: AppointmentStatus,
      extra: { appointmentTypeId?: string; org?: string; locationId?: string } = {},
    ) =>
      insertAppointment(db, testKeyring, {
        orgId: extra.org ?? orgId,
        contactId: id[contact] as string,
        practitionerId,
        locationId: extra.locationId ?? location,
        appointmentTypeId: extra.appointmentTypeId ?? null,
        status,
        start: new Date(start),
        end: new Date(Date.parse(start) + 30 * 60_000),
        source: 'staff',
      });
    // Monday 9 March 08:30 Paris, the first minutes of next week.
    await appointment('anna', drMartin, '2026-03-09T07:30:00.000Z', 'booked', {
      appointmentTypeId: vaccination,
    });
    await appointment('ben', drPetit, '2026-03-12T09:00:00.000Z', 'booked');
    // Sunday 8 March 23:30 Paris: this week, not next.
    await appointment('chloe', drPetit, '2026-03-08T22:30:00.000Z', 'booked');
    await appointment('chloe', drMartin, '2026-03-10T09:00:00.000Z', 'cancelled');
    // Still on the merged record: tomorrow, with Dr Petit.
    await appointment('dup', drPetit, '2026-03-05T09:00:00.000Z', 'booked');
    await appointment('ben', drMartin, '2026-01-20T09:00:00.000Z', 'noshow');
    await appointment('chloe', drMartin, '2025-10-20T09:00:00.000Z', 'noshow');
    await appointment('stranger', otherDoctor, '2026-03-10T09:00:00.000Z', 'booked', {
      org: otherOrgId,
      locationId: otherLocation,
    });
    await appointment('stranger', otherDoctor, '2026-02-10T09:00:00.000Z', 'noshow', {
      org: otherOrgId,
      locationId: otherLocation,
    });

    // Intake answers, sealed in the sessions' state.
    await installBuiltInFlows(db, orgId);
    await installBuiltInFlows(db, otherOrgId);
    const intake = async (contact: string, complaint: string, org = orgId) => {
      const account = await insertChannelAccount(db, {
        orgId: org,
        type: 'telegram',
        name: `Bot ${contact}`,
        externalId: `bot-${contact}`,
        secrets: '{}',
      });
      const conversation = await insertConversationIfAbsent(db, {
        orgId: org,
        channelAccountId: account.id,
        contactId: id[contact] as string,
      });
      const flow = await findFlowByKey(db, org, 'symptom_intake');
      if (!flow || !conversation) throw new Error('set-up failed');
      const at = '2026-01-25T09:00:00.000Z';
      await insertSession(db, testKeyring, {
        orgId: org,
        flowId: flow.id,
        flowVersion: flow.currentVersion,
        conversationId: conversation.id,
        contactId: id[contact] as string,
        status: 'handed_off',
        trigger: 'keyword',
        expiresAt: new Date('2026-01-26T09:00:00.000Z'),
        createdAt: new Date(at),
        state: {
          id: 'session',
          flowKey: 'symptom_intake',
          flowVersion: flow.currentVersion,
          status: 'handed_off',
          stepId: 'done',
          attempts: 0,
          visits: 0,
          answers: { complaint, since: '3 jours' },
          vars: {},
          language: 'fr',
          startedAt: at,
          updatedAt: at,
          history: [],
        },
      });
    };
    await intake('ben', 'Douleur au GENOU après une chute');
    await intake('chloe', 'Toux sèche la nuit');
    await intake('stranger', 'Douleur au genou', otherOrgId);
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
  });

  const names = (ids: string[]) =>
    ids.map((found) => Object.entries(id).find(([, v]) => v === found)?.[0] ?? `unknown ${found}`).sort();

  async function whole(definition: SegmentDefinition, pageSize: number): Promise<string[]> {
    const all: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await segmentAudiencePage(handle.db, deps, {
        orgId,
        definition,
        afterContactId: after,
        limit: pageSize,
      });
      all.push(...page);
      if (page.length < pageSize) return all;
      after = page.at(-1) ?? null;
    }
  }

  /** The patients the rules match, checked at three page sizes and against the count. */
  async function matching(match: 'all' | 'any', ...rules: SegmentRule[]): Promise<string[]> {
    const definition = segmentDefinition.parse({ match, rules });
    const once = await whole(definition, 100);
    expect(once).toEqual([...once].sort());
    expect(new Set(once).size).toBe(once.length);
    expect(await whole(definition, 1)).toEqual(once);
    expect(await whole(definition, 2)).toEqual(once);
    const { size, sample } = await segmentSizeAndSample(handle.db, deps, {
      orgId,
      definition,
      sampleSize: 2,
    });
    expect(size).toBe(once.length);
    expect(sample).toEqual(once.slice(0, 2));
    return names(once);
  }

  test('tags, through their blind index: has and has not', async () => {
    expect(await matching('all', { type: 'tag', op: 'has', tag: 'diabète' })).toEqual(['anna']);
    expect(await matching('all', { type: 'tag', op: 'has', tag: 'Asthme' })).toEqual(['ben']);
    expect(await matching('all', { type: 'tag', op: 'has_not', tag: 'Diabète' })).toEqual(['ben', 'chloe']);
  });

  test('custom fields, opened with each patient’s key: equals, contains, is set', async () => {
    const field = (op: 'equals' | 'contains' | 'is_set', key: string, value?: string): SegmentRule => ({
      type: 'custom_field',
      key,
      op,
      ...(value === undefined ? {} : { value }),
    });
    expect(await matching('all', field('contains', 'mutuelle', 'generale'))).toEqual(['anna']);
    expect(await matching('all', field('equals', 'MUTUELLE', 'mutuelle générale'))).toEqual(['anna']);
    expect(await matching('all', field('equals', 'mutuelle', 'générale'))).toEqual([]);
    expect(await matching('all', field('is_set', 'birth_date'))).toEqual(['anna', 'ben']);
  });

  test('age from the birth date, on the clinic’s calendar', async () => {
    expect(await matching('all', { type: 'age', min: 70 })).toEqual(['anna']);
    expect(await matching('all', { type: 'age', max: 30 })).toEqual(['ben']);
    expect(await matching('all', { type: 'age', min: 26, max: 26 })).toEqual(['ben']);
    expect(await matching('all', { type: 'age', min: 27, max: 60 })).toEqual([]);
  });

  test('language (a patient without one speaks the clinic’s) and channel', async () => {
    expect(await matching('all', { type: 'language', language: 'fr' })).toEqual(['anna', 'chloe']);
    expect(await matching('all', { type: 'language', language: 'en' })).toEqual(['ben']);
    expect(await matching('all', { type: 'language', language: 'en-GB' })).toEqual(['ben']);
    expect(await matching('all', { type: 'channel', channel: 'telegram' })).toEqual(['ben']);
    expect(await matching('all', { type: 'channel', channel: 'whatsapp' })).toEqual(['anna']);
    expect(await matching('all', { type: 'channel', channel: 'sms' })).toEqual([]);
  });

  test('appointments: with whom, of what type, in which window (cancelled ones do not count)', async () => {
    const rule = (window: string, extra: Record<string, string> = {}) =>
      ({ type: 'appointment', window, ...extra }) as SegmentRule;
    expect(await matching('all', rule('next_week', { practitioner_id: drMartin }))).toEqual(['anna']);
    expect(await matching('all', rule('next_week', { practitioner_id: drPetit }))).toEqual(['ben']);
    expect(await matching('all', rule('next_week'))).toEqual(['anna', 'ben']);
    expect(await matching('all', rule('next_week', { appointment_type_id: vaccination }))).toEqual(['anna']);
    // This week: Chloé's Sunday evening and the merged record's appointment tomorrow, counted as Anna.
    expect(await matching('all', rule('this_week'))).toEqual(['anna', 'chloe']);
    expect(await matching('all', rule('next_7_days', { practitioner_id: drPetit }))).toEqual([
      'anna',
      'chloe',
    ]);
    expect(await matching('all', rule('dates', { from: '2026-03-12', to: '2026-03-12' }))).toEqual(['ben']);
    expect(await matching('all', rule('next_30_days'))).toEqual(['anna', 'ben', 'chloe']);
  });

  test('no-shows in the last months', async () => {
    expect(await matching('all', { type: 'no_show', months: 3 })).toEqual(['ben']);
    expect(await matching('all', { type: 'no_show', months: 6 })).toEqual(['ben', 'chloe']);
  });

  test('intake complaints, opened from the sealed answers', async () => {
    expect(await matching('all', { type: 'intake_complaint', contains: 'genou' })).toEqual(['ben']);
    expect(await matching('all', { type: 'intake_complaint', contains: 'TOUX' })).toEqual(['chloe']);
    expect(await matching('all', { type: 'intake_complaint', contains: 'genou', months: 1 })).toEqual([]);
    expect(
      await matching('all', { type: 'intake_complaint', contains: 'genou', flow_key: 'faq_menu' }),
    ).toEqual([]);
  });

  test('all, any, and one level of nesting, mixing SQL and sealed rules', async () => {
    expect(
      await matching('all', { type: 'tag', op: 'has', tag: 'asthme' }, { type: 'language', language: 'en' }),
    ).toEqual(['ben']);
    expect(
      await matching('all', { type: 'tag', op: 'has', tag: 'asthme' }, { type: 'language', language: 'fr' }),
    ).toEqual([]);
    expect(
      await matching(
        'any',
        { type: 'tag', op: 'has', tag: 'Diabète' },
        { type: 'intake_complaint', contains: 'toux' },
      ),
    ).toEqual(['anna', 'chloe']);
    expect(
      await matching(
        'all',
        { type: 'language', language: 'fr' },
        {
          type: 'group',
          match: 'any',
          rules: [
            { type: 'custom_field', key: 'mutuelle', op: 'is_set' },
            { type: 'no_show', months: 6 },
          ],
        },
      ),
    ).toEqual(['anna', 'chloe']);
  });

  test('a saved dynamic group: its audience is evaluated now, through the broadcasts’ contract', async () => {
    const group = await createPatientGroup(handle.db, {
      orgId,
      name: 'Rendez-vous la semaine prochaine',
      kind: 'dynamic',
      definition: { match: 'all', rules: [{ type: 'appointment', window: 'next_week' }] },
      createdByUserId: null,
    });
    const page = (after: string | null) =>
      groupAudiencePage(handle.db, { orgId, groupId: group.id, afterContactId: after, limit: 1 }, deps);
    const first = await page(null);
    const second = await page(first[0] ?? null);
    expect(names([...first, ...second])).toEqual(['anna', 'ben']);
    expect(await page(second[0] ?? null)).toEqual([]);
    // A week later, "next week" has moved on: nobody has an appointment then.
    clock.set('2026-03-11T10:00:00.000Z');
    expect(await page(null)).toEqual([]);
    clock.set(NOW);
  });
});
