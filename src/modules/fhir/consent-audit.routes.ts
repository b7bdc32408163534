import type { FastifyInstance } from 'fastify';
import { auditTrailPage } from '../audit/audit.service.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { consentHistory } from '../consent/consent.service.ts';
import { contactExists } from '../contacts/contact.service.ts';
import { answersOfPatient } from '../flows/patient-answers.service.ts';
import { sendAuditedSearchset } from './audited-search.ts';
import { FHIR_PREFIX, type FhirDeps } from './fhir-deps.ts';
import { baseUrlOf, sendResource } from './fhir-http.ts';
import { FhirError } from './fhir-outcome.ts';
import {
  dateRange,
  parseSearch,
  referenceId,
  SEARCH_MATCHES_MAX,
  searchset,
  single,
  token,
  UUID,
} from './fhir-search.ts';
import { STAFF_IDENTIFIER_SYSTEM, toFhirAuditEvent } from './resources/audit-event.fhir.ts';
import { toFhirConsent } from './resources/consent.fhir.ts';
import { toFhirQuestionnaireResponse } from './resources/questionnaire-response.fhir.ts';

export const CONSENT_SEARCH_PARAMS = ['patient', 'status'] as const;
export const QUESTIONNAIRE_RESPONSE_SEARCH_PARAMS = ['patient', 'subject', 'status'] as const;
export const AUDIT_EVENT_SEARCH_PARAMS = ['patient', 'agent', 'date', 'action'] as const;
const CONSENT_LEDGER_MAX = 1000;

export function consentAndAuditRoutes(deps: FhirDeps) {
  const { db, keyring, cipher } = deps;

  return async (app: FastifyInstance) => {
    // The consent ledger, one patient at a time: every yes and no, the latest of each channel × purpose active.
    app.get('/Consent', { config: { access: 'contacts.read' } }, async (request, reply) => {
      const { orgId } = callerOf(request);
      const search = parseSearch('Consent', request.query, CONSENT_SEARCH_PARAMS);
      const patient = single(search.params, 'patient');
      if (patient === undefined)
        throw FhirError.invalid('Consent?patient', 'is required: the ledger is read one patient at a time');
      const contactId = referenceId('Consent', 'patient', 'Patient', patient);
      const status = single(search.params, 'status');
      if (status !== undefined && status !== 'active' && status !== 'inactive')
        throw FhirError.invalid('Consent?status', 'must be active or inactive');
      const records = (await contactExists(db, orgId, contactId))
        ? await consentHistory(db, orgId, contactId, CONSENT_LEDGER_MAX)
        : [];
      const opener = await keyring.opener(
        db,
        orgId,
        records.map((r) => r.textShown),
      );
      const seen = new Set<string>();
      // Newest first: the first line of each channel × purpose is the one in force.
      const consents = records.map((record) => {
        const key = `${record.channel}:${record.purpose}`;
        const current = !seen.has(key);
        seen.add(key);
        return toFhirConsent({
          ...record,
          textShown: opener.open(record.textShown, 'consent_records.text_shown') ?? '',
          current,
        });
      });
      const matches = consents.filter((c) => status === undefined || c.status === status);
      return sendAuditedSearchset(request, reply, 'Consent', matches, search, () => contactId);
    });

    // Answers to the intake and surveys: medical, for medical.read only.
    app.get('/QuestionnaireResponse', { config: { access: 'medical.read' } }, async (request, reply) => {
      const { orgId } = callerOf(request);
      const search = parseSearch(
        'QuestionnaireResponse',
        request.query,
        QUESTIONNAIRE_RESPONSE_SEARCH_PARAMS,
      );
      const patient = single(search.params, 'patient') ?? single(search.params, 'subject');
      if (patient === undefined)
        throw FhirError.invalid(
          'QuestionnaireResponse?patient',
          'is required: answers are read one patient at a time',
        );
      const contactId = referenceId('QuestionnaireResponse', 'patient', 'Patient', patient);
      const status = single(search.params, 'status');
      const runs = (await contactExists(db, orgId, contactId))
        ? await answersOfPatient(db, keyring, orgId, contactId, SEARCH_MATCHES_MAX)
        : [];
      const matches = runs
        .map((run) => toFhirQuestionnaireResponse(run, contactId))
        .filter((r) => status === undefined || r.status === status);
      return sendAuditedSearchset(request, reply, 'QuestionnaireResponse', matches, search, () => contactId);
    });

    // The read-audit log: people with audit.read (never an API key, by design: access-rules.ts).
    app.get('/AuditEvent', { config: { access: 'audit.read' } }, async (request, reply) => {
      const caller = callerOf(request);
      const search = parseSearch('AuditEvent', request.query, AUDIT_EVENT_SEARCH_PARAMS);
      const { params } = search;
      const patient = single(params, 'patient');
      const agent = single(params, 'agent');
      const action = single(params, 'action');
      if (action !== undefined && action !== 'R' && action !== 'E')
        throw FhirError.invalid('AuditEvent?action', 'must be R (read) or E (search)');
      const agentId = agent === undefined ? undefined : token(agent);
      if (
        agentId &&
        (!UUID.test(agentId.code) || (agentId.system && agentId.system !== STAFF_IDENTIFIER_SYSTEM))
      )
        throw FhirError.invalid(
          'AuditEvent?agent',
          `must be ${STAFF_IDENTIFIER_SYSTEM}|<staff id> or the staff id`,
        );
      const range = dateRange('AuditEvent', params.get('date') ?? []);
      const page = await auditTrailPage(
        { db, cipher },
        caller.orgId,
        {
          limit: SEARCH_MATCHES_MAX,
          ...(patient === undefined
            ? {}
            : { patientId: referenceId('AuditEvent', 'patient', 'Patient', patient) }),
          ...(agentId ? { userId: agentId.code.toLowerCase() } : {}),
          ...(action === undefined ? {} : { action }),
          ...(range.from ? { from: range.from } : {}),
          ...(range.before ? { to: range.before } : {}),
        },
        { showQueries: caller.role === 'admin' },
      );
      const events = page.data.map((e) => toFhirAuditEvent(e.row, e));
      return sendResource(
        reply,
        searchset(baseUrlOf(request, FHIR_PREFIX), 'AuditEvent', request.url, events, search),
      );
    });
  };
}
