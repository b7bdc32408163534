// What other modules may read or change of channel-accounts: they call this service, never the repository.
export {
  findChannelAccount,
  listChannelAccountsOfOrg,
  setChannelDefaultTeam,
} from './channel-account.repository.ts';
