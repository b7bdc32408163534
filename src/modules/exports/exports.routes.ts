import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { auditExport } from '../audit/audit-trail.ts';
import { callerCan } from '../auth/access-guard.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findTeam } from '../teams/team.service.ts';
import { DATASETS, EXPORT_DATASETS } from './export-datasets.ts';
import { CONTENT_TYPES, EXPORT_FORMATS } from './export-format.ts';
import { periodOf } from './export-period.ts';
import { timeZoneOf } from './export-schedule.service.ts';
import { exportChunks, exportFileName } from './export-stream.ts';

const bound = z
  .string()
  .max(40, 'must be a date (YYYY-MM-DD) or a date-time with its offset (ISO 8601)')
  .optional();

/** Bulk exports of a period, streamed as CSV or NDJSON: administrators and API keys (exports.read). */
export function exportRoutes(deps: { db: Db; clock: Clock; keyring: Keyring }): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/exports/:dataset',
      {
        config: { access: 'exports.read' },
        schema: {
          tags: ['exports'],
          summary: 'Export a dataset of a period as CSV or NDJSON, streamed (administrators, API keys)',
          description:
            'Rows oldest first. `from` and `to`: dates (YYYY-MM-DD, days of the clinic, `to` included) or ' +
            'date-times with their offset (`to` excluded); the last 30 days by default. Periods filter on: ' +
            Object.entries(DATASETS)
              .map(([name, reader]) => `${name} ${reader.periodOf}`)
              .join(', ') +
            '. `team_id` applies to messages, conversations and csat. CSV is RFC 4180 with a header row; a ' +
            'text cell starting with = + - @ or a tab or carriage return gets a leading apostrophe so that ' +
            'a spreadsheet does not run it. Medical notes, appointment reasons and red-flag words only for ' +
            'callers with medical.read. Each export is written in the audit log.',
          params: z.object({ dataset: z.enum(EXPORT_DATASETS) }),
          querystring: z.object({
            format: z.enum(EXPORT_FORMATS).default('csv'),
            from: bound,
            to: bound,
            team_id: z.uuid('must be a team id (UUID)').optional(),
          }),
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const { dataset } = request.params;
        const { format, team_id: teamId } = request.query;
        const timeZone = await timeZoneOf(db, caller.orgId);
        const period = periodOf(request.query, timeZone, deps.clock.now());
        if (!period.ok) throw HttpProblem.badField(`query.${period.field}`, period.message);
        if (teamId && !DATASETS[dataset].byTeam) {
          throw HttpProblem.badField('query.team_id', `${dataset} do not belong to a team`);
        }
        if (teamId && !(await findTeam(db, caller.orgId, teamId))) {
          throw HttpProblem.badField('query.team_id', 'no such team in this clinic');
        }
        const { from, to } = period.period;
        await auditExport(request, `dataset-export`, [
          {
            type: 'Dataset',
            id: `${dataset} ${from.toISOString()}/${to.toISOString()}${teamId ? ` team ${teamId}` : ''}`,
            patient: null,
          },
        ]);
        const selection = {
          orgId: caller.orgId,
          dataset,
          format,
          from,
          to,
          seesMedical: callerCan(caller, 'medical.read'),
          ...(teamId ? { teamId } : {}),
        };
        return reply
          .type(CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="${exportFileName(selection, timeZone)}"`)
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .send(Readable.from(exportChunks(db, deps.keyring, selection)));
      },
    );
  };
}
