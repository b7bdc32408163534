import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChannelAdapter } from '../../channels/channel-adapter.ts';
import { problemSchema } from '../../platform/http/problem.ts';
import { CHANNEL_TYPES, type ChannelType } from '../channel-accounts/channel-types.ts';

const length = z.int().describe('At most this many characters (code points, as the provider counts them)');

export const channelLimitsJson = z
  .object({
    channel: z.enum(CHANNEL_TYPES),
    text_length: length,
    caption_length: length.describe('A photo’s, video’s or document’s caption'),
    interactive: z.object({ body_length: length, footer_length: length, header_text_length: length }),
    buttons: z.object({ min: z.int(), max: z.int(), title_length: length, id_length: length }),
    list: z.object({
      button_label_length: length,
      sections: z.int(),
      rows: z.int().describe('Rows in all sections together'),
      section_title_length: length,
      row_id_length: length,
      row_title_length: length,
      row_description_length: length,
    }),
    cta_display_text_length: length,
    media: z
      .array(
        z.object({
          kind: z.enum(['image', 'sticker', 'audio', 'video', 'document']),
          mime_types: z.array(z.string()),
          max_bytes: z.int(),
        }),
      )
      .describe('The files the channel carries, by kind, and how large'),
  })
  .meta({ id: 'ChannelLimits' });

type MediaKind = 'image' | 'sticker' | 'audio' | 'video' | 'document';

/**
 * A channel's limits finer than its adapter's capabilities say (an interactive message's footer, a list's
 * button label): WhatsApp's table (whatsapp-capabilities.ts), handed over by app.ts.
 */
export interface DetailedLimits {
  textLength: number;
  captionLength: number;
  interactive: { bodyLength: number; footerLength: number; headerTextLength: number };
  buttons: { min: number; max: number; titleLength: number; idLength: number };
  list: {
    buttonLabelLength: number;
    sections: number;
    rows: number;
    sectionTitleLength: number;
    rowIdLength: number;
    rowTitleLength: number;
    rowDescriptionLength: number;
  };
  ctaDisplayTextLength: number;
  media: Readonly<Record<MediaKind, { mimeTypes: readonly string[]; maxBytes: number }>>;
}

/**
 * What each channel's messages may hold: the composer shapes its fields by them, the outbox checks them.
 * A channel's detailed table where it has one (WhatsApp's), else its adapter's capabilities; in the
 * order of the adapters given.
 */
export function channelLimitsRoutes(
  adapters: readonly ChannelAdapter[],
  detailed: Partial<Record<ChannelType, DetailedLimits>> = {},
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/limits',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags: ['channels'],
          summary: 'What a message may hold on each channel Careline sends through (lengths, buttons, files)',
          response: { 200: z.object({ data: z.array(channelLimitsJson) }), 401: problemSchema },
        },
      },
      async () => ({
        data: adapters.map((adapter) => {
          const channel = adapter.channel as ChannelType;
          const table = detailed[channel];
          return table ? detailedLimitsJson(channel, table) : adapterLimitsJson(adapter);
        }),
      }),
    );
  };
}

function detailedLimitsJson(channel: ChannelType, limits: DetailedLimits): z.infer<typeof channelLimitsJson> {
  const { interactive, buttons, list, media } = limits;
  return {
    channel,
    text_length: limits.textLength,
    caption_length: limits.captionLength,
    interactive: {
      body_length: interactive.bodyLength,
      footer_length: interactive.footerLength,
      header_text_length: interactive.headerTextLength,
    },
    buttons: {
      min: buttons.min,
      max: buttons.max,
      title_length: buttons.titleLength,
      id_length: buttons.idLength,
    },
    list: {
      button_label_length: list.buttonLabelLength,
      sections: list.sections,
      rows: list.rows,
      section_title_length: list.sectionTitleLength,
      row_id_length: list.rowIdLength,
      row_title_length: list.rowTitleLength,
      row_description_length: list.rowDescriptionLength,
    },
    cta_display_text_length: limits.ctaDisplayTextLength,
    media: MEDIA_KINDS.map((kind) => ({
      kind,
      mime_types: [...media[kind].mimeTypes],
      max_bytes: media[kind].maxBytes,
    })),
  };
}

const MEDIA_KINDS: readonly MediaKind[] = ['image', 'sticker', 'audio', 'video', 'document'];

/**
 * An adapter's capabilities in the limits' shape. A channel without an interactive body of its own (a
 * Telegram keyboard sits under an ordinary message) takes its text length; what it has no such thing of is 0;
 * a kind of file it takes in any type is listed as that kind's wildcard (any type at all for documents).
 */
function adapterLimitsJson(adapter: ChannelAdapter): z.infer<typeof channelLimitsJson> {
  const { capabilities } = adapter;
  const buttons = capabilities.buttons ?? capabilities.quickReplies;
  return {
    channel: adapter.channel as ChannelType,
    text_length: capabilities.textLength,
    caption_length: capabilities.captionLength,
    interactive: { body_length: capabilities.textLength, footer_length: 0, header_text_length: 0 },
    buttons: {
      min: buttons ? 1 : 0,
      max: buttons?.max ?? 0,
      title_length: buttons?.titleLength ?? 0,
      id_length: buttons?.idLength ?? 0,
    },
    list: {
      button_label_length: 0,
      sections: capabilities.list?.sections ?? 0,
      rows: capabilities.list?.rows ?? 0,
      section_title_length: 0,
      row_id_length: capabilities.buttons?.idLength ?? 0,
      row_title_length: capabilities.list?.rowTitleLength ?? 0,
      row_description_length: capabilities.list?.rowDescriptionLength ?? 0,
    },
    cta_display_text_length: 0,
    media: MEDIA_KINDS.flatMap((kind) => {
      const carried = capabilities.media[kind];
      if (!carried) return [];
      const anyType = kind === 'document' || kind === 'sticker' ? '*/*' : `${kind}/*`;
      return [
        {
          kind,
          mime_types: carried.mimeTypes ? [...carried.mimeTypes] : [anyType],
          max_bytes: carried.maxBytes,
        },
      ];
    }),
  };
}
