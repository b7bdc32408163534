import type { AdapterAccount, ChannelAdapter } from './channel-adapter.ts';

export type OpenedAccount<Settings, Secrets> =
  | { ok: true; account: AdapterAccount<Settings, Secrets> }
  | { ok: false; invalid: 'settings' | 'secrets' };

/**
 * A clinic's stored account as its channel's adapter takes it: settings and opened secrets, each checked
 * against the adapter's own schema (what the adapter does not know of, Careline's own settings, is left
 * out). `openSecrets` opens what the account stores sealed (the channel-accounts module's vault).
 */
export async function openAdapterAccount<
  Settings,
  Secrets,
  Stored extends { id: string; externalId: string; settings: unknown },
>(
  adapter: Pick<ChannelAdapter<Settings, Secrets>, 'accountSchemas'>,
  account: Stored,
  openSecrets: (account: Stored) => Promise<unknown>,
): Promise<OpenedAccount<Settings, Secrets>> {
  const settings = adapter.accountSchemas.settings.safeParse(account.settings);
  if (!settings.success) return { ok: false, invalid: 'settings' };
  const secrets = adapter.accountSchemas.secrets.safeParse(await openSecrets(account));
  if (!secrets.success) return { ok: false, invalid: 'secrets' };
  return {
    ok: true,
    account: {
      id: account.id,
      externalId: account.externalId,
      settings: settings.data,
      secrets: secrets.data,
    },
  };
}
