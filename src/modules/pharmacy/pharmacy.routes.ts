import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { cursorPosition, pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { auditRead } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import {
  NotAPharmacyError,
  OrderFieldError,
  OrderNotFoundError,
  OrderStepConflictError,
  PharmacyNotFoundError,
} from './order-errors.ts';
import { dispenseStatusOf } from './order-steps.ts';
import type { PharmacyResponse } from './order-view.ts';
import {
  linkCodeJson,
  orderJson,
  orderSummaryJson,
  pharmacyJson,
  pharmacyOrderJson,
  toOrderJson,
  toOrderSummaryJson,
  toPharmacyJson,
  toPharmacyOrderJson,
} from './pharmacy.api.ts';
import type { PharmacyDeps } from './pharmacy-deps.ts';
import { actorOfCaller } from './pharmacy-deps.ts';
import {
  changePartner,
  createPartner,
  getPartnerView,
  issueLinkCode,
  listPartnerViews,
  type PartnerReach,
} from './pharmacy-partner.service.ts';
import {
  DISPENSE_STATUSES,
  type DispenseStatus,
  FULFILMENTS,
  ORDER_STEPS,
  type OrderStep,
  PARTNER_LANGUAGES,
  RESPONSE_STEPS,
} from './pharmacy-vocabulary.ts';
import {
  cancelOrder,
  createOrder,
  decideSubstitute,
  getOrder,
  getPharmacyOrder,
  listOrders,
  listPharmacyOrders,
  respondAsPharmacyOrg,
} from './prescription-order.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => text(max).nullable().optional();

const reachInput = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('channel'),
      channel_type: text(32),
      address: text(200).describe('The pharmacy’s number (+33…) or its id on the channel'),
      channel_account_id: z.uuid('must be a channel account id'),
    }),
    z.object({
      kind: z.literal('careline'),
      link_code: text(40).describe('The pairing code the pharmacy’s Careline org issued (PH-XXXX-XXXX-XXXX)'),
    }),
  ],
  { error: 'reach.kind must be channel or careline' },
);

const medicineInput = {
  medication: text(200),
  strength: optionalText(100),
  form: optionalText(100),
};

const newOrderBody = z
  .object({
    contact_id: z.uuid('must be a patient id'),
    pharmacy_id: z.uuid('must be a pharmacy id'),
    fulfilment: z.enum(FULFILMENTS, { error: 'must be pickup or delivery' }),
    delivery_address: optionalText(500),
    note: optionalText(2000),
    items: z
      .array(
        z.object({
          ...medicineInput,
          quantity: text(100).describe('e.g. "2 boîtes", "1"'),
          posology: text(1000),
          substitution_allowed: z.boolean({ error: 'must be true or false' }),
        }),
      )
      .min(1, 'must hold at least one medicine')
      .max(20, 'must hold at most 20 medicines'),
  })
  .meta({ id: 'NewPrescriptionOrder' });

const responseBody = z
  .object({
    step: z.enum(RESPONSE_STEPS, { error: `must be one of ${RESPONSE_STEPS.join(', ')}` }),
    ready_at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).nullable().optional(),
    eta: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).nullable().optional(),
    reason: optionalText(1000),
    items: z
      .array(
        z.object({
          item_id: z.uuid('must be an item id of the order'),
          available: z.boolean({ error: 'must be true or false' }),
          substitute: z.object(medicineInput).nullable().optional(),
        }),
      )
      .max(20)
      .optional(),
  })
  .meta({ id: 'PharmacyOrderResponse' });

const idParams = z.object({ id: z.uuid('must be an id') });

/** Partner pharmacies and prescription orders, on the clinic's side; a Careline pharmacy's orders on its side. */
export function pharmacyRoutes(deps: PharmacyDeps & { db: Db }, wake: () => void): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    // Partners

    app.get(
      '/pharmacies',
      {
        config: { access: 'prescriptions.read' },
        schema: {
          tags: ['pharmacies'],
          summary: 'The clinic’s partner pharmacies',
          response: { 200: z.object({ data: z.array(pharmacyJson) }), ...errors },
        },
      },
      async (request) => {
        const views = await listPartnerViews(db, callerOf(request).orgId);
        return { data: views.map(toPharmacyJson) };
      },
    );

    app.post(
      '/pharmacies',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['pharmacies'],
          summary:
            'Add a partner pharmacy (its number on a channel, or its Careline org by its pairing code)',
          body: z
            .object({
              name: text(200),
              address: optionalText(500),
              language: z.enum(PARTNER_LANGUAGES, { error: 'must be fr or en' }).optional(),
              reach: reachInput,
              active: z.boolean().optional(),
            })
            .meta({ id: 'NewPharmacy' }),
          response: { 201: pharmacyJson, ...errors },
        },
      },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        const body = request.body;
        const view = await createPartner(
          deps,
          orgId,
          {
            name: body.name,
            address: body.address ?? null,
            language: body.language ?? 'fr',
            reach: reachOf(body.reach),
            active: body.active ?? true,
          },
          deps.clock.now(),
        ).catch(rethrow);
        return reply.code(201).send(toPharmacyJson(view));
      },
    );

    app.get(
      '/pharmacies/:id',
      {
        config: { access: 'prescriptions.read' },
        schema: {
          tags: ['pharmacies'],
          summary: 'A partner pharmacy',
          params: idParams,
          response: { 200: pharmacyJson, 404: problemSchema, ...errors },
        },
      },
      async (request) =>
        toPharmacyJson(await getPartnerView(db, callerOf(request).orgId, request.params.id).catch(rethrow)),
    );

    app.patch(
      '/pharmacies/:id',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['pharmacies'],
          summary: 'Change a partner pharmacy (deactivate it: no new order can go to it)',
          params: idParams,
          body: z
            .object({
              name: text(200).optional(),
              address: optionalText(500),
              language: z.enum(PARTNER_LANGUAGES, { error: 'must be fr or en' }).optional(),
              reach: reachInput.optional(),
              active: z.boolean().optional(),
            })
            .meta({ id: 'PharmacyChange' }),
          response: { 200: pharmacyJson, 404: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const body = request.body;
        const view = await changePartner(
          deps,
          orgId,
          request.params.id,
          {
            ...(body.name !== undefined ? { name: body.name } : {}),
            ...(body.address !== undefined ? { address: body.address } : {}),
            ...(body.language !== undefined ? { language: body.language } : {}),
            ...(body.reach !== undefined ? { reach: reachOf(body.reach) } : {}),
            ...(body.active !== undefined ? { active: body.active } : {}),
          },
          deps.clock.now(),
        ).catch(rethrow);
        return toPharmacyJson(view);
      },
    );

    // Orders (the clinic's side)

    app.post(
      '/prescription-orders',
      {
        config: { access: 'prescriptions.write' },
        schema: {
          tags: ['prescription-orders'],
          summary: 'Send a prescription order to a partner pharmacy',
          description:
            'The order (FHIR MedicationRequest) is stored sealed with the patient’s key and delivered at once: ' +
            'on the pharmacy’s number as a message with answer buttons (the approved template ' +
            '`commande_pharmacie` outside WhatsApp’s 24-hour window), or into its Careline org. Nothing is ' +
            'sold or paid through Careline.',
          body: newOrderBody,
          response: { 201: orderJson, ...errors },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const body = request.body;
        const view = await createOrder(deps, caller.orgId, actorOfCaller(caller), {
          contactId: body.contact_id,
          pharmacyId: body.pharmacy_id,
          fulfilment: body.fulfilment,
          deliveryAddress: body.delivery_address ?? null,
          note: body.note ?? null,
          items: body.items.map((item) => ({
            medication: item.medication,
            strength: item.strength ?? null,
            form: item.form ?? null,
            quantity: item.quantity,
            posology: item.posology,
            substitutionAllowed: item.substitution_allowed,
          })),
        }).catch(rethrow);
        wake();
        const full = await getOrder(deps, caller.orgId, view.order.id);
        return reply.code(201).send(toOrderJson(full));
      },
    );

    app.get(
      '/prescription-orders',
      {
        config: { access: 'prescriptions.read' },
        schema: {
          tags: ['prescription-orders'],
          summary: 'The clinic’s prescription orders, newest first',
          querystring: z.object({
            ...pageQuery,
            contact_id: z.uuid('must be a patient id').optional(),
            status: z
              .enum(DISPENSE_STATUSES, { error: `must be one of ${DISPENSE_STATUSES.join(', ')}` })
              .optional()
              .describe('FHIR MedicationDispense status'),
            step: z.enum(ORDER_STEPS, { error: `must be one of ${ORDER_STEPS.join(', ')}` }).optional(),
          }),
          response: { 200: pageOf(orderSummaryJson), ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const { limit, cursor, contact_id, status, step } = request.query;
        const steps = stepsOf(status, step);
        const after = cursorPosition(cursor);
        const page = await listOrders(deps, orgId, {
          limit,
          ...(contact_id ? { contactId: contact_id } : {}),
          ...(steps ? { steps } : {}),
          ...(after ? { after } : {}),
        });
        await auditRead(
          request,
          ...page.data.map((v) => ({
            type: 'MedicationRequest',
            id: v.order.id,
            patient: v.order.contactId,
          })),
        );
        return { data: page.data.map(toOrderSummaryJson), next_cursor: page.nextCursor };
      },
    );

    app.get(
      '/prescription-orders/:id',
      {
        config: { access: 'prescriptions.read' },
        schema: {
          tags: ['prescription-orders'],
          summary: 'A prescription order with its medicines and its timeline',
          params: idParams,
          response: { 200: orderJson, 404: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const view = await getOrder(deps, orgId, request.params.id).catch(rethrow);
        await auditRead(request, {
          type: 'MedicationRequest',
          id: view.order.id,
          patient: view.order.contactId,
        });
        return toOrderJson(view);
      },
    );

    app.post(
      '/prescription-orders/:id/cancel',
      {
        config: { access: 'prescriptions.write' },
        schema: {
          tags: ['prescription-orders'],
          summary: 'Cancel an order (until it is handed over); the pharmacy is told',
          params: idParams,
          body: z.object({ reason: optionalText(1000) }).optional(),
          response: { 200: orderJson, 404: problemSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        await cancelOrder(
          deps,
          caller.orgId,
          actorOfCaller(caller),
          request.params.id,
          request.body?.reason ?? null,
        ).catch(rethrow);
        wake();
        return toOrderJson(await getOrder(deps, caller.orgId, request.params.id));
      },
    );

    app.post(
      '/prescription-orders/:id/items/:item_id/substitute',
      {
        config: { access: 'prescriptions.write' },
        schema: {
          tags: ['prescription-orders'],
          summary: 'Accept or refuse the substitute the pharmacy proposed for a missing medicine',
          params: z.object({ id: z.uuid('must be an id'), item_id: z.uuid('must be an item id') }),
          body: z.object({ accepted: z.boolean({ error: 'must be true or false' }) }),
          response: { 200: orderJson, 404: problemSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        await decideSubstitute(
          deps,
          caller.orgId,
          actorOfCaller(caller),
          request.params.id,
          request.params.item_id,
          request.body.accepted,
        ).catch(rethrow);
        wake();
        return toOrderJson(await getOrder(deps, caller.orgId, request.params.id));
      },
    );

    // A Careline pharmacy's side

    app.post(
      '/pharmacy/link-codes',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['pharmacy'],
          summary:
            'Issue a single-use pairing code a clinic enters to send this pharmacy orders (pharmacy orgs)',
          response: { 201: linkCodeJson, ...errors },
        },
      },
      async (request, reply) => {
        const { orgId, userId } = callerOf(request);
        const issued = await issueLinkCode(db, orgId, userId, deps.clock.now()).catch(rethrow);
        return reply.code(201).send({ code: issued.code, expires_at: issued.expiresAt.toISOString() });
      },
    );

    app.get(
      '/pharmacy/orders',
      {
        config: { access: 'prescriptions.read' },
        schema: {
          tags: ['pharmacy'],
          summary: 'Orders paired clinics sent this pharmacy, newest first (pharmacy orgs)',
          querystring: z.object({
            ...pageQuery,
            step: z.enum(ORDER_STEPS, { error: `must be one of ${ORDER_STEPS.join(', ')}` }).optional(),
          }),
          response: { 200: pageOf(pharmacyOrderJson), ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const { limit, cursor, step } = request.query;
        const after = cursorPosition(cursor);
        const page = await listPharmacyOrders(deps, orgId, {
          limit,
          ...(step ? { steps: [step] } : {}),
          ...(after ? { after } : {}),
        }).catch(rethrow);
        await auditRead(
          request,
          ...page.data.map((v) => ({ type: 'PharmacyOrder', id: v.row.id, patient: null })),
        );
        return { data: page.data.map(toPharmacyOrderJson), next_cursor: page.nextCursor };
      },
    );

    app.get(
      '/pharmacy/orders/:id',
      {
        config: { access: 'prescriptions.read' },
        schema: {
          tags: ['pharmacy'],
          summary: 'An order a paired clinic sent this pharmacy',
          params: idParams,
          response: { 200: pharmacyOrderJson, 404: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const view = await getPharmacyOrder(deps, orgId, request.params.id).catch(rethrow);
        await auditRead(request, { type: 'PharmacyOrder', id: view.row.id, patient: null });
        return toPharmacyOrderJson(view);
      },
    );

    app.post(
      '/pharmacy/orders/:id/responses',
      {
        config: { access: 'prescriptions.write' },
        schema: {
          tags: ['pharmacy'],
          summary:
            'Answer an order: available, partly available, unavailable, ready, out for delivery, handed over, declined',
          description:
            'Steps follow each other in a sensible order: a move the order’s step does not allow is answered 409, ' +
            'naming the current step (next_steps lists the allowed ones). Declining needs a reason; a partly ' +
            'available order names its missing medicines, with a substitute where the prescriber allowed one.',
          params: idParams,
          body: responseBody,
          response: { 200: pharmacyOrderJson, 404: problemSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { orgId, userId } = callerOf(request);
        const body = request.body;
        const response: PharmacyResponse = {
          step: body.step,
          ...(body.ready_at !== undefined ? { readyAt: body.ready_at ? new Date(body.ready_at) : null } : {}),
          ...(body.eta !== undefined ? { eta: body.eta ? new Date(body.eta) : null } : {}),
          ...(body.reason !== undefined ? { reason: body.reason } : {}),
          ...(body.items
            ? {
                items: body.items.map((i) => ({
                  itemId: i.item_id,
                  available: i.available,
                  ...(i.substitute
                    ? {
                        substitute: {
                          medication: i.substitute.medication,
                          strength: i.substitute.strength ?? null,
                          form: i.substitute.form ?? null,
                        },
                      }
                    : {}),
                })),
              }
            : {}),
        };
        const view = await respondAsPharmacyOrg(deps, orgId, request.params.id, userId, response).catch(
          rethrow,
        );
        wake();
        return toPharmacyOrderJson(view);
      },
    );
  };
}

function reachOf(reach: z.infer<typeof reachInput>): PartnerReach {
  return reach.kind === 'careline'
    ? { kind: 'careline', linkCode: reach.link_code }
    : {
        kind: 'channel',
        channelType: reach.channel_type,
        address: reach.address,
        channelAccountId: reach.channel_account_id,
      };
}

function stepsOf(status: DispenseStatus | undefined, step: OrderStep | undefined): OrderStep[] | undefined {
  const byStatus = status ? ORDER_STEPS.filter((s) => dispenseStatusOf(s) === status) : undefined;
  if (step) return byStatus && !byStatus.includes(step) ? [] : [step];
  return byStatus;
}

function rethrow(error: unknown): never {
  if (error instanceof OrderFieldError)
    throw HttpProblem.badField(error.field, error.message.slice(error.field.length + 2));
  if (error instanceof OrderNotFoundError) throw HttpProblem.notFound('Prescription order');
  if (error instanceof PharmacyNotFoundError) throw HttpProblem.notFound('Pharmacy');
  if (error instanceof OrderStepConflictError)
    throw new HttpProblem(409, `${error.message} (current step: ${error.current})`);
  if (error instanceof NotAPharmacyError) throw new HttpProblem(409, error.message);
  throw error;
}
