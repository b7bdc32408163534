// What other modules may read or change of channel-accounts: they call this service, never the repository.
export {
  type BusinessAccountHolder,
  businessAccountIdOf,
  missingBusinessAccountReason,
} from './business-account.ts';
export {
  findChannelAccount,
  findChannelAccountForWebhook,
  findChannelAccountsByExternalIds,
  findChannelAccountsBySetting,
  listChannelAccountsOfOrg,
  listChannelAccountsOfType,
  setChannelDefaultTeam,
} from './channel-account.repository.ts';
