import type { z } from 'zod';
import type { ChannelAccount, ChannelSettings } from './channel-account.schema.ts';
import type { ChannelType } from './channel-types.ts';

/** What came of telling the provider where to deliver: Telegram's setWebhook answer. */
export type WebhookRegistration = { ok: true } | { ok: false; title: string };

/**
 * How an account of one channel type is set up, as its adapter states it (src/channels/…): injected by
 * app.ts and the CLI, so this module never imports a channel adapter.
 */
export interface ChannelAccountSetup {
  /** The adapter's zod schemas; settings are checked as given (a patch), secrets whole. */
  settingsSchema: z.ZodType<ChannelSettings>;
  secretsSchema: z.ZodType<Record<string, unknown>>;
  /**
   * The provider's id of the account, which its webhooks name: read from the secrets (Telegram's bot
   * id is the token's digits before `:`), given by the person adding it (a Page id), then checked, or
   * asked of the provider (LINE's bot user id).
   */
  externalId:
    | { from: 'secrets'; of(secrets: Record<string, unknown>): string }
    | { from: 'input'; pattern: RegExp; hint: string }
    | {
        /**
         * Asked of the provider with the secrets (LINE's `GET /v2/bot/info` answers the bot's user id):
         * a refusal names the secret it was asked with, which is then known not to work.
         */
        from: 'provider';
        secret: string;
        lookUp(
          settings: ChannelSettings,
          secrets: Record<string, unknown>,
        ): Promise<{ ok: true; externalId: string } | { ok: false; title: string }>;
      };
  /** Secrets Careline makes when none are given (Telegram's secret token), before the schema runs. */
  completeSecrets?(given: Record<string, unknown>): Record<string, unknown>;
  /** Tells the provider the account's webhook URL (Telegram); channels configured in a console have none. */
  registerWebhook?(
    account: { id: string; externalId: string; settings: ChannelSettings; secrets: Record<string, unknown> },
    webhookUrl: string,
  ): Promise<WebhookRegistration>;
  /**
   * The provider calls the webhook URL while it is being set, and sets it only if that call is answered
   * (Viber's set_webhook sends a signed `webhook` check): the account is stored before the webhook is
   * set, and removed again when the provider refuses.
   */
  webhookCheckedAtOnce?: boolean;
  /** The label used when the person adding the account gives none. */
  defaultName(externalId: string): string;
}

/** The channel types Careline can connect, each with its setup. */
export type ChannelAccountSetups = Partial<Record<ChannelType, ChannelAccountSetup>>;

/**
 * Where an account's new conversations go: the teams module owns it (teams/channel-routing.service.ts)
 * and app.ts hands it to this module's routes, which list and patch channels in one place.
 */
export interface ChannelRouting {
  /** Each account's default team (a deleted or foreign team counts as none). */
  defaultTeams(orgId: string, accounts: readonly ChannelAccount[]): Promise<Map<string, TeamRef>>;
  setDefaultTeam(
    orgId: string,
    channelId: string,
    teamId: string | null,
  ): Promise<{ ok: true; team: TeamRef | null } | { ok: false; error: 'channel_not_found' | 'unknown_team' }>;
}

export interface TeamRef {
  id: string;
  name: string;
}
