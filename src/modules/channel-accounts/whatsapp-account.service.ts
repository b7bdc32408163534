import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { insertChannelAccount } from './channel-account.repository.ts';
import type { ChannelAccount } from './channel-account.schema.ts';
import { sealChannelSecrets } from './channel-secrets.ts';

export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';
export const DEFAULT_GRAPH_API_VERSION = 'v25.0';

export const newWhatsAppAccountInput = z.object({
  orgId: z.uuid(),
  name: z.string().trim().min(1).max(200).optional(),
  phoneNumberId: z.string().regex(/^\d{5,32}$/, 'phone-number-id must be the numeric id Meta shows'),
  accessToken: z.string().min(8, 'access-token looks too short'),
  appSecret: z.string().min(8, 'app-secret looks too short'),
  verifyToken: z.string().min(8, 'verify-token must be at least 8 characters'),
  graphUrl: z
    .url({ protocol: /^https?$/, message: 'graph-url must be an http(s) URL' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, 'api-version looks like v25.0')
    .optional(),
  wabaId: z.string().optional(),
  displayPhoneNumber: z.string().optional(),
  simulated: z.boolean().optional(),
  messagesPerSecond: z.coerce
    .number()
    .int()
    .min(1, 'messages-per-second is at least 1')
    .max(1000, 'messages-per-second is at most 1000 (Meta’s highest tier)')
    .optional(),
  markAsRead: z.boolean().optional(),
});

/** Connects one WhatsApp business phone number (Cloud API) to a clinic; its secrets sealed with the clinic key. */
export async function addWhatsAppAccount(
  db: DbOrTx,
  keyring: Keyring,
  input: z.input<typeof newWhatsAppAccountInput>,
  defaults: { graphUrl: string; apiVersion: string } = {
    graphUrl: DEFAULT_GRAPH_URL,
    apiVersion: DEFAULT_GRAPH_API_VERSION,
  },
): Promise<ChannelAccount> {
  const v = newWhatsAppAccountInput.parse(input);
  return insertChannelAccount(db, {
    orgId: v.orgId,
    type: 'whatsapp',
    name: v.name ?? `WhatsApp ${v.displayPhoneNumber ?? v.phoneNumberId}`,
    externalId: v.phoneNumberId,
    settings: {
      graphUrl: v.graphUrl ?? defaults.graphUrl,
      apiVersion: v.apiVersion ?? defaults.apiVersion,
      ...(v.wabaId ? { wabaId: v.wabaId } : {}),
      ...(v.displayPhoneNumber ? { displayPhoneNumber: v.displayPhoneNumber } : {}),
      ...(v.simulated ? { simulated: true } : {}),
      ...(v.messagesPerSecond ? { messagesPerSecond: v.messagesPerSecond } : {}),
      ...(v.markAsRead === false ? { markAsRead: false } : {}),
    },
    secrets: await sealChannelSecrets(db, keyring, v.orgId, {
      accessToken: v.accessToken,
      appSecret: v.appSecret,
      verifyToken: v.verifyToken,
    }),
  });
}
