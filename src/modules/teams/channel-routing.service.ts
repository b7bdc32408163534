import type { DbOrTx } from '../../platform/db/db.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import {
  listChannelAccountsOfOrg,
  setChannelDefaultTeam,
} from '../channel-accounts/channel-account.service.ts';
import type { ChannelRouting, TeamRef } from '../channel-accounts/channel-account-setup.ts';
import { defaultTeamIdOf } from './default-team.ts';
import { findTeam, findTeamsByIds } from './team.repository.ts';
import type { Team } from './team.schema.ts';

/** A number of the clinic and the team its new conversations go to (none: nobody's until assigned). */
export interface RoutedChannel {
  account: ChannelAccount;
  defaultTeam: Team | null;
}

export class ChannelNotFoundError extends Error {
  constructor() {
    super('channel not found');
    this.name = 'ChannelNotFoundError';
  }
}

export class UnknownTeamError extends Error {
  constructor() {
    super('not a team of this clinic');
    this.name = 'UnknownTeamError';
  }
}

/** The clinic's numbers by name, each with its default team (a deleted or foreign team counts as none). */
export async function listRoutedChannels(db: DbOrTx, orgId: string): Promise<RoutedChannel[]> {
  const accounts = await listChannelAccountsOfOrg(db, orgId);
  const teamIds = accounts.flatMap((a) => defaultTeamIdOf(a.settings) ?? []);
  const teams = new Map((await findTeamsByIds(db, orgId, teamIds)).map((t) => [t.id, t]));
  return accounts
    .map((account) => {
      const teamId = defaultTeamIdOf(account.settings);
      return { account, defaultTeam: (teamId && teams.get(teamId)) || null };
    })
    .sort((a, b) => a.account.name.localeCompare(b.account.name) || a.account.id.localeCompare(b.account.id));
}

/** Sends the number's new conversations to a team of the clinic, or to nobody in particular (null). */
export async function setDefaultTeam(
  db: DbOrTx,
  orgId: string,
  channelId: string,
  teamId: string | null,
): Promise<RoutedChannel> {
  const team = teamId === null ? null : await findTeam(db, orgId, teamId);
  if (team === undefined) throw new UnknownTeamError();
  const account = await setChannelDefaultTeam(db, orgId, channelId, team?.id ?? null);
  if (!account) throw new ChannelNotFoundError();
  return { account, defaultTeam: team };
}

/** The routing half of `/api/v1/channels`, for the channel-accounts routes (wired in app.ts). */
export function channelRoutingOf(db: DbOrTx): ChannelRouting {
  return {
    async defaultTeams(orgId, accounts) {
      const teamIds = accounts.flatMap((a) => defaultTeamIdOf(a.settings) ?? []);
      const teams = new Map((await findTeamsByIds(db, orgId, teamIds)).map((t) => [t.id, t]));
      const routed = new Map<string, TeamRef>();
      for (const account of accounts) {
        const team = teams.get(defaultTeamIdOf(account.settings) ?? '');
        if (team) routed.set(account.id, { id: team.id, name: team.name });
      }
      return routed;
    },
    async setDefaultTeam(orgId, channelId, teamId) {
      try {
        const { defaultTeam } = await setDefaultTeam(db, orgId, channelId, teamId);
        return { ok: true, team: defaultTeam ? { id: defaultTeam.id, name: defaultTeam.name } : null };
      } catch (error) {
        if (error instanceof ChannelNotFoundError) return { ok: false, error: 'channel_not_found' };
        if (error instanceof UnknownTeamError) return { ok: false, error: 'unknown_team' };
        throw error;
      }
    },
  };
}
