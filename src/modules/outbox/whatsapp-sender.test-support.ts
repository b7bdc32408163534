import {
  createWhatsAppAdapter,
  type WhatsAppSecrets,
  type WhatsAppSettings,
} from '../../channels/whatsapp/whatsapp-adapter.ts';
import { plainSecretsOf, type SecretsOf } from '../channel-accounts/channel-secrets.ts';
import { AdapterSender, type AdapterSenderDeps } from './adapter-sender.ts';

/**
 * The outbox's WhatsApp sender as app.ts builds it (the adapter behind {@link AdapterSender}), for tests
 * and benches: Graph at `graphUrl` for accounts that name none; secrets read as plain JSON unless a
 * vault's `secretsOf` is given.
 */
export function whatsappSender(
  options: { graphUrl: string; apiVersion?: string; timeoutMs?: number; secretsOf?: SecretsOf } & Omit<
    AdapterSenderDeps,
    'secretsOf'
  >,
): AdapterSender<WhatsAppSettings, WhatsAppSecrets> {
  const { graphUrl, apiVersion, timeoutMs, secretsOf, ...media } = options;
  const adapter = createWhatsAppAdapter({
    graphUrl,
    apiVersion: apiVersion ?? 'v25.0',
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  return new AdapterSender(adapter, { secretsOf: secretsOf ?? plainSecretsOf, ...media });
}
