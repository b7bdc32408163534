import { z } from 'zod';
import { CHANNEL_TYPES } from './channel-types.ts';

const limit = (fields: Record<string, z.ZodNumber>) => z.object(fields).nullable();

/** What a channel can show, as its sender states it (src/channels/channel-capabilities.ts). */
export const capabilitiesJson = z
  .object({
    textLength: z.number().int(),
    captionLength: z.number().int(),
    buttons: limit({ max: z.number(), titleLength: z.number(), idLength: z.number() }),
    list: limit({
      sections: z.number(),
      rows: z.number(),
      rowTitleLength: z.number(),
      rowDescriptionLength: z.number(),
    }),
    quickReplies: limit({ max: z.number(), titleLength: z.number(), idLength: z.number() }),
    carousel: z.boolean(),
    media: z.record(
      z.string(),
      z.object({ maxBytes: z.number(), mimeTypes: z.array(z.string()).readonly().nullable() }),
    ),
    reactions: z.boolean(),
    readReceipts: z.boolean(),
    edits: z.boolean(),
    templates: z.boolean(),
    outboundTypes: z.array(z.string()).readonly(),
  })
  .meta({ id: 'ChannelCapabilities' });

/** When the clinic may write on the channel (src/channels/channel-capabilities.ts WindowPolicy). */
export const windowJson = z
  .union([
    z.object({ kind: z.literal('none') }),
    z.object({
      kind: z.literal('session'),
      hours: z.number(),
      after: z.enum(['templates', 'nothing']),
    }),
    z.object({
      kind: z.literal('session'),
      hours: z.number(),
      after: z.literal('human_agent_tag'),
      tagHours: z.number(),
    }),
  ])
  .meta({ id: 'ChannelWindow' });

export const channelJson = z
  .object({
    id: z.uuid(),
    type: z.enum(CHANNEL_TYPES),
    name: z.string(),
    external_id: z
      .string()
      .describe(
        'The provider’s id: WhatsApp phone number id, Telegram bot id, Page id, Instagram account id',
      ),
    state: z
      .enum(['active', 'cannot_send'])
      .describe('cannot_send: Careline has no sender for this channel yet; messages cannot go out on it'),
    webhook_url: z
      .string()
      .nullable()
      .describe('Where the provider must deliver this account’s events (null: no webhook route yet)'),
    capabilities: capabilitiesJson.nullable(),
    window: windowJson.nullable(),
    display_phone_number: z.string().nullable().describe('The number patients write to, when known'),
    default_team: z
      .object({ id: z.uuid(), name: z.string() })
      .nullable()
      .describe('New conversations of this number go to this team, which assigns them as its mode says'),
  })
  .meta({ id: 'Channel' });

export type ChannelJson = z.infer<typeof channelJson>;

/** What the clinic's sender of a channel type states (structurally a ChannelSender's two fields). */
export interface SenderFacts {
  capabilities: z.input<typeof capabilitiesJson>;
  window: z.input<typeof windowJson>;
}

const secret = z.string().min(1, 'must not be empty').max(1000);
const name = z.string().trim().min(1, 'must not be empty').max(200, 'is at most 200 characters');
const url = z.string().max(2000);
const metaIds = z.string().max(64);
/** A setting's or a secret's name, as the channel type names them (apiUrl, botToken…). */
const settingKey = z.string().max(64);

/** A new channel account, one shape per type (each checked again by its adapter's schema). */
export const newChannelBody = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('telegram'),
      name: name.optional(),
      settings: z.strictObject({ apiUrl: url.optional() }).optional(),
      secrets: z.strictObject({
        botToken: secret.describe(
          'BotFather’s token; the bot id (its digits before “:”) becomes the external id',
        ),
        secretToken: secret
          .optional()
          .describe('Sent back by Telegram in every delivery; made by Careline when left out'),
      }),
    }),
    z.object({
      type: z.literal('line'),
      name: name.optional(),
      settings: z.strictObject({ apiUrl: url.optional(), dataApiUrl: url.optional() }).optional(),
      secrets: z.strictObject({
        channelSecret: secret.describe('The channel secret (LINE Developers console): signs every webhook'),
        channelAccessToken: secret.describe(
          'A channel access token; the bot’s user id (GET /v2/bot/info) becomes the external id',
        ),
      }),
    }),
    z.object({
      type: z.literal('sms'),
      name: name.optional(),
      settings: z.strictObject({
        from: z.string().max(32).describe('The number texts go from, E.164 (+33757123456): the external id'),
        accountSid: z.string().max(64).describe('The account SID (Twilio: AC…)'),
        apiUrl: url.optional().describe('A Twilio-compatible API server; Twilio’s own when left out'),
      }),
      secrets: z.strictObject({
        authToken: secret.describe('The auth token: signs every webhook, authenticates every call'),
      }),
    }),
    z.object({
      type: z.literal('viber'),
      name: name.optional(),
      settings: z
        .strictObject({
          apiUrl: url.optional(),
          botInitiated: z
            .boolean()
            .optional()
            .describe(
              'Messages outside the 24-hour session (billable), as enabled for the bot; off by default',
            ),
          senderName: z.string().max(28).optional().describe('The sender name shown on every message'),
          welcomeMessage: z
            .string()
            .max(7000)
            .optional()
            .describe('Answered once to a patient who opens the chat; none when left out'),
        })
        .optional(),
      secrets: z.strictObject({
        authToken: secret.describe(
          'The bot’s auth token: signs every callback; the account id (get_account_info) becomes the external id',
        ),
      }),
    }),
    z.object({
      type: z.enum(['messenger', 'instagram']),
      name: name.optional(),
      external_id: metaIds.describe(
        'The Facebook Page id (messenger) or the Instagram account id (instagram)',
      ),
      settings: z
        .strictObject({ graphUrl: url.optional(), apiVersion: z.string().max(16).optional() })
        .optional(),
      secrets: z.strictObject({ pageAccessToken: secret, appSecret: secret, verifyToken: secret }),
    }),
    z.object({
      type: z.literal('whatsapp'),
      name: name.optional(),
      external_id: metaIds.describe('Meta’s phone number id'),
      settings: z
        .strictObject({
          graphUrl: url.optional(),
          apiVersion: z.string().max(16).optional(),
          wabaId: z.string().max(64).optional(),
          displayPhoneNumber: z.string().max(32).optional(),
        })
        .optional(),
      secrets: z.strictObject({ accessToken: secret, appSecret: secret, verifyToken: secret }),
    }),
  ])
  .meta({ id: 'NewChannel' });

export const channelPatchBody = z
  .object({
    name: name.optional(),
    settings: z
      .record(settingKey, z.union([url, z.number(), z.boolean()]))
      .optional()
      .describe('Settings to change (the others are kept), as the channel type names them'),
    secrets: z
      .record(settingKey, secret)
      .optional()
      .describe('The whole set of secrets of the channel type, replacing the stored one'),
    default_team_id: z
      .uuid('must be a team id (UUID) or null')
      .nullable()
      .optional()
      .describe('null: new conversations go to no team'),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'give name, settings, secrets or default_team_id',
  })
  .meta({ id: 'ChannelPatch' });
