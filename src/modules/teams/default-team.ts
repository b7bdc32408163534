import type { DbOrTx } from '../../platform/db/db.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.service.ts';
import { findTeam } from './team.repository.ts';
import type { Team } from './team.schema.ts';

/**
 * The team that new conversations of a channel account go to: `settings.defaultTeamId`, when it names a
 * team of the same clinic. Settings are JSON that may have been edited by hand, so it is checked here
 * at runtime.
 */
export async function defaultTeamFor(
  db: DbOrTx,
  orgId: string,
  channelAccountId: string,
): Promise<Team | undefined> {
  const account = await findChannelAccount(db, orgId, channelAccountId);
  const teamId = account ? defaultTeamIdOf(account.settings) : undefined;
  return teamId ? findTeam(db, orgId, teamId) : undefined;
}

export function defaultTeamIdOf(settings: object): string | undefined {
  if (!('defaultTeamId' in settings)) return undefined;
  const value = settings.defaultTeamId;
  return typeof value === 'string' && UUID.test(value) ? value : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
