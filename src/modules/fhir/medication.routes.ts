import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditRead } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { OrderNotFoundError } from '../pharmacy/order-errors.ts';
import type { OrderView } from '../pharmacy/order-view.ts';
import { getOrderOfItem, listOrders } from '../pharmacy/prescription-order.service.ts';
import { sendAuditedSearchset } from './audited-search.ts';
import type { FhirDeps } from './fhir-deps.ts';
import { sendResource } from './fhir-http.ts';
import { FhirError } from './fhir-outcome.ts';
import { parseSearch, referenceId, SEARCH_MATCHES_MAX, single, UUID } from './fhir-search.ts';
import { toFhirMedicationDispense, toFhirMedicationRequest } from './resources/medication-request.fhir.ts';

export const MEDICATION_SEARCH_PARAMS = ['patient', 'subject', 'status'] as const;

/** Prescription orders to pharmacies: each medicine a MedicationRequest, and where it stands a MedicationDispense. */
export function medicationRoutes(deps: FhirDeps) {
  const { db, keyring } = deps;

  async function itemRead(request: FastifyRequest<{ Params: { id: string } }>, type: string) {
    const { orgId } = callerOf(request);
    const { id } = request.params;
    if (!UUID.test(id)) throw FhirError.notFound(type, id.slice(0, 64));
    const view = await getOrderOfItem({ db, keyring }, orgId, id.toLowerCase()).catch((error: unknown) => {
      if (error instanceof OrderNotFoundError) throw FhirError.notFound(type, id);
      throw error;
    });
    const item = view.items.find((i) => i.id === id.toLowerCase());
    if (!item) throw FhirError.notFound(type, id);
    await auditRead(request, { type, id: item.id, patient: view.order.contactId });
    return { view, item };
  }

  async function ordersOfPatient(orgId: string, type: string, query: unknown) {
    const search = parseSearch(type, query, MEDICATION_SEARCH_PARAMS);
    const patient = single(search.params, 'patient') ?? single(search.params, 'subject');
    if (patient === undefined)
      throw FhirError.invalid(`${type}?patient`, 'is required: orders are searched one patient at a time');
    const contactId = referenceId(type, 'patient', 'Patient', patient);
    const views: OrderView[] = [];
    let after: { at: Date; id: string } | undefined;
    for (;;) {
      const page = await listOrders({ db, keyring }, orgId, {
        contactId,
        limit: 100,
        ...(after ? { after } : {}),
      });
      views.push(...page.data);
      const last = page.data.at(-1);
      if (!page.nextCursor || !last || views.length >= SEARCH_MATCHES_MAX) break;
      after = { at: last.order.createdAt, id: last.order.id };
    }
    return { search, status: single(search.params, 'status'), contactId, views };
  }

  return async (app: FastifyInstance) => {
    app.get<{ Params: { id: string } }>(
      '/MedicationRequest/:id',
      { config: { access: 'prescriptions.read' } },
      async (request, reply) => {
        const { view, item } = await itemRead(request, 'MedicationRequest');
        return sendResource(reply, toFhirMedicationRequest(view, item));
      },
    );
    app.get<{ Params: { id: string } }>(
      '/MedicationDispense/:id',
      { config: { access: 'prescriptions.read' } },
      async (request, reply) => {
        const { view, item } = await itemRead(request, 'MedicationDispense');
        return sendResource(reply, toFhirMedicationDispense(view, item));
      },
    );
    app.get('/MedicationRequest', { config: { access: 'prescriptions.read' } }, async (request, reply) => {
      const { orgId } = callerOf(request);
      const { search, status, contactId, views } = await ordersOfPatient(
        orgId,
        'MedicationRequest',
        request.query,
      );
      const matches = views
        .flatMap((view) => view.items.map((item) => toFhirMedicationRequest(view, item)))
        .filter((r) => status === undefined || r.status === status);
      return sendAuditedSearchset(request, reply, 'MedicationRequest', matches, search, () => contactId);
    });
    app.get('/MedicationDispense', { config: { access: 'prescriptions.read' } }, async (request, reply) => {
      const { orgId } = callerOf(request);
      const { search, status, contactId, views } = await ordersOfPatient(
        orgId,
        'MedicationDispense',
        request.query,
      );
      const matches = views
        .flatMap((view) => view.items.map((item) => toFhirMedicationDispense(view, item)))
        .filter((r) => status === undefined || r.status === status);
      return sendAuditedSearchset(request, reply, 'MedicationDispense', matches, search, () => contactId);
    });
  };
}
