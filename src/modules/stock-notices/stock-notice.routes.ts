import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { requireOrg } from '../orgs/org.service.ts';
import { callerOf } from '../users/caller.ts';
import { STOCK_NOTICE_STATUSES, type StockNotice } from './stock-notice.schema.ts';
import {
  BadNoticeCursorError,
  isNoticeActive,
  listStockNotices,
  NoticeInputError,
  type PharmacyDirectory,
  publishStockNotice,
  StockNoticeNotFoundError,
  withdrawStockNotice,
} from './stock-notice.service.ts';

export const stockNoticeJson = z
  .object({
    id: z.uuid(),
    pharmacy: z
      .object({
        id: z.uuid().nullable().describe('The clinic’s partner pharmacy; null when a pharmacy reads its own'),
        name: z.string(),
      })
      .describe('The pharmacy the notice is about'),
    medication: z.string(),
    strength: z.string().nullable(),
    form: z.string().nullable(),
    status: z.enum(STOCK_NOTICE_STATUSES).describe('short: missing or soon missing; back: available again'),
    message: z.string().nullable(),
    starts_at: z.iso.datetime(),
    expires_at: z.iso.datetime(),
    withdrawn_at: z.iso.datetime().nullable(),
    active: z.boolean().describe('Started, not expired, not withdrawn'),
    recorded_by: z
      .enum(['pharmacy', 'clinic'])
      .describe(
        'Published by the pharmacy on Careline, or recorded by the clinic from what the pharmacy said',
      ),
    can_withdraw: z.boolean().describe('The reader wrote it'),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'StockNotice' });

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 instant, e.g. 2027-03-29T07:00:00Z',
});
const shortText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/**
 * Stock notices: a pharmacy tells its partner clinics a medicine is short or back. Clinics read their
 * partners' active notices (the order form asks about each medicine); a pharmacy reads and withdraws its own.
 */
export function stockNoticeRoutes(db: Db, clock: Clock, directory: PharmacyDirectory): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/stock-notices',
      {
        config: { access: 'prescriptions.read' },
        schema: {
          tags: ['stock-notices'],
          summary: 'Stock notices: a clinic’s partners’ active ones, or a pharmacy’s own',
          description:
            'A clinic reads the notices in force of its partner pharmacies; a pharmacy reads its own, ' +
            'withdrawn and expired ones too unless `active=true`. Newest first.',
          querystring: z.object({
            ...pageQuery,
            medication: z
              .string()
              .max(200, 'must be at most 200 characters')
              .optional()
              .describe(
                'Only notices about this medicine: case, accents, strength and form do not count ' +
                  '("amoxicilline 500 mg" finds a notice for "Amoxicilline")',
              ),
            active: z
              .enum(['true', 'false'], { error: 'must be true or false' })
              .optional()
              .describe('A pharmacy: only the notices in force'),
          }),
          response: { 200: pageOf(stockNoticeJson), ...errors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const { limit, cursor, medication, active } = request.query;
        const org = await requireOrg(db, caller.orgId);
        const page = await listStockNotices(
          db,
          clock,
          directory,
          { orgId: caller.orgId, orgName: org.name },
          {
            limit,
            ...(cursor !== undefined ? { cursor } : {}),
            ...(medication !== undefined ? { medication } : {}),
            ...(active === 'true' ? { activeOnly: true } : {}),
          },
        ).catch((error: unknown) => {
          if (error instanceof BadNoticeCursorError)
            throw HttpProblem.badField('query.cursor', error.message);
          throw error;
        });
        const now = clock.now();
        return {
          data: page.data.map((v) => toJson(v.notice, v.pharmacy, v.own, now)),
          next_cursor: page.nextCursor,
        };
      },
    );

    app.post(
      '/stock-notices',
      {
        config: { access: 'prescriptions.write' },
        schema: {
          tags: ['stock-notices'],
          summary: 'Publish a stock notice (a pharmacy), or record one a partner pharmacy gave (a clinic)',
          description:
            'A pharmacy on Careline publishes to every clinic paired with it: leave `pharmacy_id` out. A clinic ' +
            'records what a partner reached on a channel told it (`pharmacy_id`): only this clinic sees it. ' +
            'A partner that is a Careline pharmacy publishes its own (409). Without `expires_at`, 30 days.',
          body: z
            .object({
              pharmacy_id: z.uuid('must be a partner pharmacy id (UUID)').optional(),
              medication: shortText(200),
              strength: shortText(100).nullable().optional(),
              form: shortText(100).nullable().optional(),
              status: z.enum(STOCK_NOTICE_STATUSES, { error: 'must be short or back' }),
              message: shortText(1000).nullable().optional(),
              starts_at: instant.optional(),
              expires_at: instant.optional(),
            })
            .meta({ id: 'NewStockNotice' }),
          response: { 201: stockNoticeJson, 404: problemSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const b = request.body;
        const notice = await publishStockNotice(
          db,
          clock,
          directory,
          { orgId: caller.orgId, userId: caller.userId },
          {
            medication: b.medication,
            status: b.status,
            ...(b.pharmacy_id !== undefined ? { partnerPharmacyId: b.pharmacy_id } : {}),
            ...(b.strength !== undefined ? { strength: b.strength } : {}),
            ...(b.form !== undefined ? { form: b.form } : {}),
            ...(b.message !== undefined ? { message: b.message } : {}),
            ...(b.starts_at !== undefined ? { startsAt: new Date(b.starts_at) } : {}),
            ...(b.expires_at !== undefined ? { expiresAt: new Date(b.expires_at) } : {}),
          },
        ).catch((error: unknown) => {
          throw problemOf(error);
        });
        const view = await viewOf(notice, caller.orgId);
        return reply.code(201).send(view);
      },
    );

    app.post(
      '/stock-notices/:id/withdraw',
      {
        config: { access: 'prescriptions.write' },
        schema: {
          tags: ['stock-notices'],
          summary: 'Withdraw a stock notice its author wrote (at once; again changes nothing)',
          params: z.object({ id: z.uuid('must be a stock notice id (UUID)') }),
          response: { 200: stockNoticeJson, 404: problemSchema, ...errors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const notice = await withdrawStockNotice(db, clock, caller.orgId, request.params.id).catch(
          (error: unknown) => {
            throw problemOf(error);
          },
        );
        return viewOf(notice, caller.orgId);
      },
    );

    /** The notice as its author sees it. */
    async function viewOf(notice: StockNotice, orgId: string): Promise<z.infer<typeof stockNoticeJson>> {
      let pharmacy: { id: string | null; name: string };
      if (notice.partnerPharmacyId) {
        const partner = (await directory.partnersOf(db, orgId)).find(
          (p) => p.id === notice.partnerPharmacyId,
        );
        pharmacy = { id: notice.partnerPharmacyId, name: partner?.name ?? '' };
      } else {
        pharmacy = { id: null, name: (await requireOrg(db, orgId)).name };
      }
      return toJson(notice, pharmacy, true, clock.now());
    }
  };
}

function problemOf(error: unknown): unknown {
  if (error instanceof StockNoticeNotFoundError) return HttpProblem.notFound('Stock notice');
  if (error instanceof NoticeInputError) {
    return new HttpProblem(error.status, `${error.field}: ${error.message}`, [
      { field: error.field, message: error.message },
    ]);
  }
  return error;
}

function toJson(
  n: StockNotice,
  pharmacy: { id: string | null; name: string },
  own: boolean,
  now: Date,
): z.infer<typeof stockNoticeJson> {
  return {
    id: n.id,
    pharmacy,
    medication: n.medication,
    strength: n.strength,
    form: n.form,
    status: n.status,
    message: n.message,
    starts_at: n.startsAt.toISOString(),
    expires_at: n.expiresAt.toISOString(),
    withdrawn_at: n.withdrawnAt?.toISOString() ?? null,
    active: isNoticeActive(n, now),
    recorded_by: n.partnerPharmacyId ? 'clinic' : 'pharmacy',
    can_withdraw: own,
    created_at: n.createdAt.toISOString(),
  };
}
