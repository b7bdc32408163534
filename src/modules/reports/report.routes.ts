import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { auditRead } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import { findTeam } from '../teams/team.service.ts';
import {
  csatReport,
  messageVolumeReport,
  redFlagsReport,
  reminderFunnelReport,
  responseTimesReport,
} from './report.service.ts';
import {
  csatReportJson,
  messageVolumeJson,
  redFlagsReportJson,
  reminderFunnelJson,
  responseTimesJson,
} from './report-json.ts';
import { reportPeriodOf, reportQuery } from './report-period.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export interface ReportDeps {
  db: Db;
  clock: Clock;
  keyring: Keyring;
}

/** The clinic's reports, `GET /reports/{name}?from=&to=&team_id=`, for holders of `reports.read`. */
export function reportRoutes(deps: ReportDeps): FastifyPluginAsyncZod {
  const { db } = deps;

  /** The caller's clinic, its time zone and the period and team the query names. */
  async function scopeOf(request: FastifyRequest, query: z.infer<typeof reportQuery>) {
    const { orgId } = callerOf(request);
    const org = await findOrgByRef(db, orgId);
    if (!org) throw HttpProblem.notFound('Clinic');
    const period = reportPeriodOf(query, org.timeZone, deps.clock.now());
    if (query.team_id && !(await teamExists(db, orgId, query.team_id))) {
      throw HttpProblem.badField('query.team_id', 'is not one of the clinic’s teams');
    }
    return { orgId, timeZone: org.timeZone, ...period, teamId: query.team_id };
  }

  const route = (summary: string, description: string, response: z.ZodType) => ({
    config: { access: 'reports.read' as const },
    schema: {
      tags: ['reports'],
      summary,
      description,
      querystring: reportQuery,
      response: { 200: response, ...errors },
    },
  });

  return async (app) => {
    app.get(
      '/reports/response-times',
      route(
        'First-response and resolution times per team and per agent (p50, p90)',
        'First response: from the patient’s first message of a conversation that opened in the period to ' +
          'the first reply a person sent after it. Resolution: from the opening of a conversation closed in ' +
          'the period to its closing. Seconds, by percentile_cont.',
        responseTimesJson,
      ),
      async (request) => responseTimesReport(db, await scopeOf(request, request.query)),
    );

    app.get(
      '/reports/message-volume',
      route(
        'Messages by channel and by hour of the day (clinic time), inbound and outbound',
        'Messages exchanged with patients in the period; notes and messages Careline refused are left out.',
        messageVolumeJson,
      ),
      async (request) => messageVolumeReport(db, await scopeOf(request, request.query)),
    );

    app.get(
      '/reports/csat',
      route(
        'Patient satisfaction per day (or week) and the latest comments',
        'Per day for a period up to 31 days, per week (from Monday) beyond, on the clinic’s clock. ' +
          'Comments are the patients’ words: each one read is recorded in the audit.',
        csatReportJson,
      ),
      async (request) => {
        const report = await csatReport(db, deps.keyring, await scopeOf(request, request.query));
        await auditRead(
          request,
          ...report.comments.map((c) => ({ type: 'CsatResponse', id: c.id, patient: c.contact_id })),
        );
        return report;
      },
    );

    app.get(
      '/reports/reminder-funnel',
      route(
        'From reminder to attendance: sent, delivered, answered, attended, no-show',
        'Counted in appointments with a reminder sent in the period; attended and no-show among those ' +
          'whose time has come.',
        reminderFunnelJson,
      ),
      async (request) => reminderFunnelReport(db, await scopeOf(request, request.query), deps.clock.now()),
    );

    app.get(
      '/reports/red-flags',
      route(
        'Red flags per category, time to acknowledgement (p50, p90) and how many wait',
        'Red flags raised in the period, per category, with how many nobody has acknowledged yet.',
        redFlagsReportJson,
      ),
      async (request) => redFlagsReport(db, await scopeOf(request, request.query)),
    );
  };
}

async function teamExists(db: Db, orgId: string, teamId: string): Promise<boolean> {
  return (await findTeam(db, orgId, teamId)) !== undefined;
}
