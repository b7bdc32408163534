import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import {
  type ChannelJson,
  channelJson,
  channelPatchBody,
  newChannelBody,
  type SenderFacts,
} from './channel-account.json.ts';
import { findChannelAccount, listChannelAccountsOfOrg } from './channel-account.repository.ts';
import type { ChannelAccount } from './channel-account.schema.ts';
import {
  addChannelAccount,
  type ChannelAdminDeps,
  removeChannelAccount,
  updateChannelAccountOfClinic,
} from './channel-account-admin.service.ts';
import { ChannelAccountError } from './channel-account-error.ts';
import type { ChannelRouting, TeamRef } from './channel-account-setup.ts';
import type { ChangeActor } from './channel-change-audit.ts';
import type { ChannelType } from './channel-types.ts';
import { webhookUrlOf } from './channel-webhook-url.ts';

export interface ChannelAccountRouteDeps extends Omit<ChannelAdminDeps, 'publicUrl'> {
  /** PUBLIC_URL, read per request: a test server learns its port after the routes are registered. */
  publicUrl: () => string;
  /** The clinic's senders by channel type: what each can show and its window (none: cannot send). */
  senders: Partial<Record<ChannelType, SenderFacts>>;
  routing: ChannelRouting;
  /** The caller's clinic and who they are, for the audit (audit-trail.ts changeCallerOf). */
  callerOf: (request: FastifyRequest) => { orgId: string; actor: ChangeActor };
}

const idParams = z.object({ id: z.uuid('must be a channel id (UUID)') });
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/**
 * The clinic's channel accounts: listed for the staff (never a secret), added, changed and removed by
 * administrators. The team a channel's new conversations go to is the teams module's (`routing`).
 */
export function channelAccountRoutes(deps: ChannelAccountRouteDeps): FastifyPluginAsyncZod {
  const admin = (): ChannelAdminDeps => ({ ...deps, publicUrl: deps.publicUrl() });
  const toJson = (account: ChannelAccount, team: TeamRef | null): ChannelJson => {
    const sender = deps.senders[account.type];
    return {
      id: account.id,
      type: account.type,
      name: account.name,
      external_id: account.externalId,
      state: sender ? 'active' : 'cannot_send',
      webhook_url: webhookUrlOf(deps.publicUrl(), account),
      capabilities: sender?.capabilities ?? null,
      window: sender?.window ?? null,
      display_phone_number: account.settings.displayPhoneNumber ?? null,
      default_team: team,
    };
  };
  const withTeam = async (orgId: string, account: ChannelAccount) =>
    toJson(account, (await deps.routing.defaultTeams(orgId, [account])).get(account.id) ?? null);

  return async (app) => {
    app.get(
      '/channels',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags: ['channels'],
          summary: 'The clinic’s channels: type, name, webhook URL, what each can carry, default team',
          response: { 200: z.object({ data: z.array(channelJson) }), 401: problemSchema, 403: problemSchema },
        },
      },
      async (request) => {
        const { orgId } = deps.callerOf(request);
        const accounts = (await listChannelAccountsOfOrg(deps.db, orgId)).sort(
          (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
        );
        const teams = await deps.routing.defaultTeams(orgId, accounts);
        return { data: accounts.map((account) => toJson(account, teams.get(account.id) ?? null)) };
      },
    );

    app.post(
      '/channels',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['channels'],
          summary: 'Connect a channel account (administrators); a Telegram bot gets its webhook at once',
          body: newChannelBody,
          response: {
            201: channelJson,
            ...problems,
            409: problemSchema,
            422: problemSchema,
            428: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { orgId, actor } = deps.callerOf(request);
        const body = request.body;
        const account = await addChannelAccount(admin(), orgId, actor, {
          type: body.type,
          name: body.name,
          externalId: 'external_id' in body ? body.external_id : undefined,
          settings: body.settings,
          secrets: body.secrets,
        }).catch(toProblem);
        return reply.code(201).send(await withTeam(orgId, account));
      },
    );

    app.patch(
      '/channels/:id',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['channels'],
          summary: 'Rename a channel, change its settings, replace its secrets, or choose its default team',
          params: idParams,
          body: channelPatchBody,
          response: {
            200: channelJson,
            ...problems,
            409: problemSchema,
            422: problemSchema,
            428: problemSchema,
          },
        },
      },
      async (request) => {
        const { orgId, actor } = deps.callerOf(request);
        const { default_team_id: teamId, ...change } = request.body;
        if (change.name !== undefined || change.settings !== undefined || change.secrets !== undefined) {
          await updateChannelAccountOfClinic(admin(), orgId, actor, request.params.id, change).catch(
            toProblem,
          );
        }
        if (teamId !== undefined) {
          const routed = await deps.routing.setDefaultTeam(orgId, request.params.id, teamId);
          if (!routed.ok && routed.error === 'channel_not_found') throw HttpProblem.notFound('Channel');
          if (!routed.ok) throw HttpProblem.badField('body.default_team_id', 'is not a team of this clinic');
        }
        const account = await findChannelAccount(deps.db, orgId, request.params.id);
        if (!account) throw HttpProblem.notFound('Channel');
        return withTeam(orgId, account);
      },
    );

    app.delete(
      '/channels/:id',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['channels'],
          summary: 'Remove a channel nobody has written through (one with conversations is refused: 409)',
          params: idParams,
          response: { 204: z.null(), ...problems, 409: problemSchema, 428: problemSchema },
        },
      },
      async (request, reply) => {
        const { orgId, actor } = deps.callerOf(request);
        await removeChannelAccount(admin(), orgId, actor, request.params.id).catch(toProblem);
        return reply.code(204).send(null);
      },
    );
  };
}

const STATUS: Record<ChannelAccountError['kind'], number> = {
  invalid: 400,
  not_found: 404,
  duplicate: 409,
  in_use: 409,
  webhook_refused: 422,
  reason_required: 428,
};

/** The service's refusals as problems naming the body's fields (`externalId` is `body.external_id`). */
function toProblem(error: unknown): never {
  if (!(error instanceof ChannelAccountError)) throw error;
  const fields = error.fields.map(({ field, message }) => ({
    field: `body.${field === 'externalId' ? 'external_id' : field}`,
    message,
  }));
  const first = fields[0];
  const detail = error.kind === 'invalid' && first ? `${first.field}: ${first.message}` : error.message;
  throw new HttpProblem(STATUS[error.kind], detail, fields);
}
