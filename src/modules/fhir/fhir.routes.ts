import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { requireAccessRules } from '../auth/access-guard.ts';
import { appointmentRoutes } from './appointment.routes.ts';
import { communicationRoutes } from './communication.routes.ts';
import { consentAndAuditRoutes } from './consent-audit.routes.ts';
import { FHIR_PREFIX, type FhirDeps } from './fhir-deps.ts';
import { baseUrlOf, linkUnderPublicUrl, sendResource, speakFhir } from './fhir-http.ts';
import { medicationRoutes } from './medication.routes.ts';
import { patientRoutes } from './patient.routes.ts';
import { capabilityStatement, type ImplementedResource } from './resources/capability-statement.fhir.ts';
import { schedulingDirectoryRoutes } from './scheduling-directory.routes.ts';

/** What the routes below implement, for the CapabilityStatement (kept beside them so both change together). */
const IMPLEMENTED: readonly ImplementedResource[] = [
  {
    type: 'Patient',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: '_id', type: 'token' },
      { name: 'identifier', type: 'token', documentation: 'system|value: Careline id or a channel identity' },
      { name: 'telecom', type: 'token', documentation: 'The phone number, any common format' },
      { name: 'phone', type: 'token' },
      { name: 'name', type: 'string', documentation: 'Every word a word prefix of the name' },
    ],
  },
  {
    type: 'Appointment',
    interactions: ['read', 'search-type', 'create', 'update'],
    searchParams: [
      { name: '_id', type: 'token' },
      { name: 'date', type: 'date', documentation: 'The start, with ge, le, gt, lt, eq' },
      { name: 'patient', type: 'reference' },
      { name: 'practitioner', type: 'reference' },
      { name: 'status', type: 'token' },
    ],
  },
  {
    type: 'Communication',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: 'patient', type: 'reference', documentation: 'Required' },
      { name: 'subject', type: 'reference' },
      { name: 'date', type: 'date', documentation: 'When it was sent or received' },
      { name: 'status', type: 'token' },
    ],
  },
  { type: 'CommunicationRequest', interactions: ['read', 'create'], searchParams: [] },
  {
    type: 'Practitioner',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: '_id', type: 'token' },
      { name: 'name', type: 'string' },
      { name: 'active', type: 'token' },
    ],
  },
  {
    type: 'Location',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: '_id', type: 'token' },
      { name: 'name', type: 'string' },
    ],
  },
  {
    type: 'HealthcareService',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: '_id', type: 'token' },
      { name: 'name', type: 'string' },
      { name: 'active', type: 'token' },
      { name: 'service-type', type: 'token', documentation: 'The appointment type key' },
    ],
  },
  {
    type: 'Schedule',
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: '_id', type: 'token' },
      { name: 'actor', type: 'reference', documentation: 'Practitioner/<id> or Location/<id>' },
      { name: 'service-type', type: 'token' },
    ],
  },
  {
    type: 'Slot',
    interactions: ['search-type'],
    searchParams: [
      { name: 'schedule', type: 'reference', documentation: 'Required' },
      { name: 'start', type: 'date', documentation: 'ge, le, gt, lt, eq' },
      {
        name: 'service-type',
        type: 'token',
        documentation: 'The appointment type key; every type offered when left out',
      },
      { name: 'status', type: 'token', documentation: 'free only' },
    ],
  },
  {
    type: 'Consent',
    interactions: ['search-type'],
    searchParams: [
      { name: 'patient', type: 'reference', documentation: 'Required' },
      { name: 'status', type: 'token', documentation: 'active (in force) or inactive' },
    ],
  },
  {
    type: 'QuestionnaireResponse',
    interactions: ['search-type'],
    searchParams: [
      { name: 'patient', type: 'reference', documentation: 'Required; needs medical.read' },
      { name: 'subject', type: 'reference' },
      { name: 'status', type: 'token' },
    ],
  },
  {
    type: 'MedicationRequest',
    interactions: ['read', 'search-type'],
    searchParams: [
      {
        name: 'patient',
        type: 'reference',
        documentation: 'Required; one per medicine of a prescription order',
      },
      { name: 'subject', type: 'reference' },
      { name: 'status', type: 'token', documentation: 'active, completed, cancelled or stopped' },
    ],
  },
  {
    type: 'MedicationDispense',
    interactions: ['read', 'search-type'],
    searchParams: [
      {
        name: 'patient',
        type: 'reference',
        documentation: 'Required; where the pharmacy stands with each medicine',
      },
      { name: 'subject', type: 'reference' },
      { name: 'status', type: 'token' },
    ],
  },
  {
    type: 'AuditEvent',
    interactions: ['search-type'],
    searchParams: [
      { name: 'patient', type: 'reference' },
      { name: 'agent', type: 'token', documentation: 'A member of staff' },
      { name: 'date', type: 'date' },
      { name: 'action', type: 'token', documentation: 'R (read) or E (search)' },
    ],
  },
];

/**
 * The FHIR R4 API under /fhir/R4. `secure` is how app.ts guards the API (the same API keys and sessions
 * as /api/v1, each route's permission, reads audited). The CapabilityStatement is public, as FHIR
 * clients read it before they authenticate (it says nothing of any clinic).
 */
export function fhirRoutes(
  deps: FhirDeps,
  version: string,
  secure: (scope: FastifyInstance) => void,
): FastifyPluginAsync {
  return async (app) => {
    requireAccessRules(app, FHIR_PREFIX);
    speakFhir(app);
    const { publicUrl } = deps;
    if (publicUrl)
      app.addHook('onRequest', async (request) => linkUnderPublicUrl(request, publicUrl, FHIR_PREFIX));
    const started = deps.clock.now().toISOString();
    app.get('/metadata', { config: { access: 'public' } }, async (request, reply) =>
      sendResource(
        reply,
        capabilityStatement({
          version,
          baseUrl: baseUrlOf(request, FHIR_PREFIX),
          date: started,
          resources: IMPLEMENTED,
        }),
      ),
    );
    await app.register(async (secured) => {
      secure(secured);
      await secured.register(patientRoutes(deps, FHIR_PREFIX));
      await secured.register(appointmentRoutes(deps));
      await secured.register(communicationRoutes(deps));
      await secured.register(schedulingDirectoryRoutes(deps));
      await secured.register(consentAndAuditRoutes(deps));
      await secured.register(medicationRoutes(deps));
    });
  };
}
