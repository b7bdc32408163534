import { z } from 'zod';

/** Meta's Graph API, for accounts that name none (the app's default, WHATSAPP_GRAPH_URL, comes first). */
export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';
export const DEFAULT_GRAPH_API_VERSION = 'v25.0';

// Not strict: an account's settings also hold Careline's own (its default team, read receipts, whether
// the simulator plays it). Loose too: these are what accounts hold, written by every version since the
// first; what a new account must look like is checked when it is added (whatsappNewAccountSchemas).
export const whatsappSettingsSchema = z.object({
  /** Graph's base URL, the simulator's in tests and demos; the adapter's default when absent. */
  graphUrl: z.string().min(1).optional(),
  apiVersion: z.string().min(1).optional(),
  /** The WhatsApp Business Account the number belongs to: its templates are the number's. */
  wabaId: z.string().optional(),
  displayPhoneNumber: z.string().optional(),
  /** Meta's throughput for this number: 80 by default, up to 1,000 once upgraded (the outbox paces). */
  messagesPerSecond: z.number().optional(),
});
export type WhatsAppSettings = z.infer<typeof whatsappSettingsSchema>;

const secret = z.string().min(1).max(1000);
export const whatsappSecretsSchema = z.object({
  /** A System User's token: it calls Graph for this number. */
  accessToken: secret,
  /** Checks the signature of Meta's deliveries. */
  appSecret: secret,
  /** Answers Meta's subscription handshake. */
  verifyToken: secret,
});
export type WhatsAppSecrets = z.infer<typeof whatsappSecretsSchema>;

const newSecret = (name: string) => z.string().min(8, `${name} looks too short`).max(1000);

/** A WhatsApp number as a clinic adds it (Settings › Channels): stricter than what older accounts hold. */
export const whatsappNewAccountSchemas = {
  secrets: z.strictObject({
    accessToken: newSecret('access token'),
    appSecret: newSecret('app secret'),
    verifyToken: newSecret('verify token'),
  }),
  settings: z.strictObject({
    graphUrl: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
    apiVersion: z
      .string()
      .regex(/^v\d+\.\d+$/, 'looks like v25.0')
      .optional(),
    wabaId: z
      .string()
      .regex(/^\d{1,32}$/, 'is digits')
      .optional(),
    displayPhoneNumber: z.string().max(32).optional(),
    messagesPerSecond: z.number().int().min(1).max(1000).optional(),
    markAsRead: z.boolean().optional(),
  }),
};
