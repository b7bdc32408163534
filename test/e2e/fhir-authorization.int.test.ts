import type { CapabilityStatement } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessRule, ruleAdmits } from '../../src/modules/auth/access-rules.ts';
import type { CallerRole } from '../../src/modules/users/caller.ts';
import { USER_ROLES } from '../../src/modules/users/user.schema.ts';
import { fhirCall } from '../support/fhir-validate.ts';
import { startTestCareline, type TestCareline } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff } from './inbox-support.ts';
import { signIn } from './settings-support.ts';

/**
 * Every interaction the CapabilityStatement lists, called by every role and by an API key: 403 exactly
 * where the permission of its data denies the caller, never a 5xx, and always an OperationOutcome when
 * refused. An interaction listed without a row here fails the test.
 */
const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
const RULES: Record<string, AccessRule> = {
  'Patient read': 'contacts.read',
  'Patient search-type': 'contacts.read',
  'Appointment read': 'appointments.read',
  'Appointment search-type': 'appointments.read',
  'Appointment create': 'appointments.write',
  'Appointment update': 'appointments.write',
  'Communication read': 'conversations.read',
  'Communication search-type': 'conversations.read',
  'CommunicationRequest read': 'conversations.read',
  'CommunicationRequest create': 'conversations.write',
  'Practitioner read': 'clinic.read',
  'Practitioner search-type': 'clinic.read',
  'Location read': 'clinic.read',
  'Location search-type': 'clinic.read',
  'HealthcareService read': 'clinic.read',
  'HealthcareService search-type': 'clinic.read',
  'Schedule read': 'appointments.read',
  'Schedule search-type': 'appointments.read',
  'Slot search-type': 'appointments.read',
  'Consent search-type': 'contacts.read',
  'QuestionnaireResponse search-type': 'medical.read',
  'AuditEvent search-type': 'audit.read',
  'MedicationRequest read': 'prescriptions.read',
  'MedicationRequest search-type': 'prescriptions.read',
  'MedicationDispense read': 'prescriptions.read',
  'MedicationDispense search-type': 'prescriptions.read',
};

function request(type: string, interaction: string): { method: string; path: string; body?: string } {
  const search = [
    'Communication',
    'Consent',
    'QuestionnaireResponse',
    'MedicationRequest',
    'MedicationDispense',
  ].includes(type)
    ? `?patient=${PLACEHOLDER}`
    : type === 'Slot'
      ? `?schedule=${PLACEHOLDER}`
      : '';
  switch (interaction) {
    case 'read':
      return { method: 'GET', path: `/${type}/${PLACEHOLDER}` };
    case 'search-type':
      return { method: 'GET', path: `/${type}${search}` };
    case 'create':
      return { method: 'POST', path: `/${type}`, body: JSON.stringify({ resourceType: type }) };
    default:
      return {
        method: 'PUT',
        path: `/${type}/${PLACEHOLDER}`,
        body: JSON.stringify({ resourceType: type, status: 'cancelled' }),
      };
  }
}

describe.each(TEST_ENGINES)('authorisation of every FHIR interaction for every role (%s)', (engine) => {
  let env: TestCareline;
  const callers = new Map<CallerRole, Record<string, string>>();

  beforeAll(async () => {
    env = await startTestCareline(engine);
    const clinic = await env.addClinic('Maison de santé des Tilleuls');
    for (const role of USER_ROLES) {
      const member = await addStaff(env, clinic, { name: `Membre ${role}`, role });
      const browser = await signIn(env, member.email);
      callers.set(role, { cookie: browser.cookie, 'x-csrf-token': browser.csrf });
    }
    callers.set('api', { authorization: `Bearer ${clinic.apiKey}` });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('each role and an API key get 403 exactly where the interaction’s permission denies them', async () => {
    const metadata = (await fhirCall(env.url, '/metadata')).resource as CapabilityStatement;
    const interactions = (metadata.rest?.[0]?.resource ?? []).flatMap((r) =>
      (r.interaction ?? []).map((i) => `${r.type} ${i.code}`),
    );
    expect(interactions.length).toBeGreaterThan(20);
    expect(interactions.filter((i) => !(i in RULES))).toEqual([]);
    const wrong: string[] = [];
    for (const interaction of interactions) {
      const [type = '', code = ''] = interaction.split(' ');
      const rule = RULES[interaction] ?? 'public';
      const call = request(type, code);
      for (const [role, headers] of callers) {
        const answer = await fhirCall(env.url, call.path, {
          method: call.method,
          headers: { ...headers, ...(call.body ? { 'content-type': 'application/fhir+json' } : {}) },
          ...(call.body ? { body: call.body } : {}),
        });
        const admitted = ruleAdmits(rule, role);
        if ((answer.status === 403) === admitted || answer.status >= 500)
          wrong.push(`${role} ${interaction} (${rule}): ${answer.status}`);
        if (answer.status >= 400 && answer.resource.resourceType !== 'OperationOutcome')
          wrong.push(`${role} ${interaction}: ${answer.status} without an OperationOutcome`);
      }
      const anonymous = await fhirCall(env.url, call.path, {
        method: call.method,
        ...(call.body ? { body: call.body, headers: { 'content-type': 'application/fhir+json' } } : {}),
      });
      if (anonymous.status !== 401) wrong.push(`anonymous ${interaction}: ${anonymous.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every search parameter the CapabilityStatement lists is one its route takes, and no other', async () => {
    const metadata = (await fhirCall(env.url, '/metadata')).resource as CapabilityStatement;
    const admin = callers.get('admin') ?? {};
    const wrong: string[] = [];
    for (const resource of metadata.rest?.[0]?.resource ?? []) {
      if (!resource.interaction?.some((i) => i.code === 'search-type')) continue;
      for (const param of [...(resource.searchParam ?? []).map((p) => p.name), '_not_a_parameter']) {
        const answer = await fhirCall(env.url, `/${resource.type}?${param}=${PLACEHOLDER}`, {
          headers: admin,
        });
        const issue = (answer.resource as { issue?: Array<{ code?: string }> }).issue?.[0];
        const refusedAsUnknown = answer.status === 400 && issue?.code === 'not-supported';
        if (refusedAsUnknown !== (param === '_not_a_parameter') || answer.status >= 500)
          wrong.push(`${resource.type}?${param}: ${answer.status} ${issue?.code ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
