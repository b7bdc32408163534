import { z } from 'zod';
import { isAtMostOneGrapheme, MAX_EMOJI_LENGTH } from './emoji.ts';
import {
  httpUrl,
  list,
  OUTBOUND_MAX_ITEMS as MAX_ITEMS,
  OUTBOUND_MAX_LENGTH as MAX_LENGTH,
  nonBlank,
} from './outbound-fields.ts';

/** A message a channel cannot carry as it is, said so that a person can fix it. */
export interface LimitViolation {
  /** Where, in the message's own terms: `buttons[1].title`, `sections[0].rows[2].id`. */
  field: string;
  /** The rule that is broken: `title is at most 20 characters`. */
  limit: string;
  /** What the message has, when a count or a value says it: 21, 'PAUSED'. */
  actual?: number | string;
}

const replyTo = {
  replyToMessageId: nonBlank('replyToMessageId', MAX_LENGTH.id)
    .optional()
    .describe('The message this one quotes (a Careline message id)'),
};

export const mediaRefSchema = z
  .union(
    [
      z.strictObject({
        mediaId: nonBlank('mediaId', MAX_LENGTH.id).describe(
          'Careline media id, or a provider media id of media already uploaded there',
        ),
        providerMediaId: nonBlank('providerMediaId', MAX_LENGTH.id)
          .optional()
          .describe('The provider’s id for this media, when already known'),
      }),
      z.strictObject({
        url: httpUrl().describe('A public URL the provider fetches'),
      }),
    ],
    { error: 'media must be {mediaId} or {url}' },
  )
  .meta({ id: 'OutboundMediaRef' });

const MEDIA_HEADER_TYPES = ['image', 'video', 'document'] as const;

/** Media as a header (interactive or template): the type says what it is, the rest where it is. */
const mediaHeaderVariants = [
  z.strictObject({
    type: z.enum(MEDIA_HEADER_TYPES),
    url: httpUrl(),
  }),
  z.strictObject({
    type: z.enum(MEDIA_HEADER_TYPES),
    mediaId: nonBlank('mediaId', MAX_LENGTH.id),
    providerMediaId: nonBlank('providerMediaId', MAX_LENGTH.id).optional(),
  }),
] as const;

const headerError = 'header must be {type:"text", text} or {type:"image"|"video"|"document", url or mediaId}';

const interactiveHeaderSchema = z
  .union(
    [
      z.strictObject({ type: z.literal('text'), text: nonBlank('text', MAX_LENGTH.headerText) }),
      ...mediaHeaderVariants,
    ],
    {
      error: headerError,
    },
  )
  .meta({ id: 'OutboundInteractiveHeader' });

const interactiveParts = {
  body: nonBlank('body', MAX_LENGTH.body),
  header: interactiveHeaderSchema.optional(),
  footer: nonBlank('footer', MAX_LENGTH.footer).optional(),
};

function textMessage() {
  return z
    .strictObject({
      type: z.literal('text'),
      text: nonBlank('text', MAX_LENGTH.text),
      previewUrl: z.boolean({ error: 'previewUrl must be true or false' }).optional(),
      ...replyTo,
    })
    .meta({ id: 'OutboundTextMessage' });
}

/** Image, video, audio, document or sticker: where the file is, and only the extras that kind carries. */
function mediaMessages() {
  const base = { media: mediaRefSchema, ...replyTo };
  const caption = nonBlank('caption', MAX_LENGTH.caption).optional();
  return [
    z.strictObject({ type: z.literal('image'), ...base, caption }).meta({ id: 'OutboundImageMessage' }),
    z.strictObject({ type: z.literal('video'), ...base, caption }).meta({ id: 'OutboundVideoMessage' }),
    z
      .strictObject({
        type: z.literal('audio'),
        ...base,
        voice: z.boolean({ error: 'voice must be true or false' }).optional().describe('A voice note'),
      })
      .meta({ id: 'OutboundAudioMessage' }),
    z
      .strictObject({
        type: z.literal('document'),
        ...base,
        caption,
        fileName: nonBlank('fileName', MAX_LENGTH.fileName).optional(),
      })
      .meta({ id: 'OutboundDocumentMessage' }),
    z.strictObject({ type: z.literal('sticker'), ...base }).meta({ id: 'OutboundStickerMessage' }),
  ] as const;
}

function locationMessage() {
  return z
    .strictObject({
      type: z.literal('location'),
      latitude: z
        .number({ error: 'latitude must be a number' })
        .min(-90, 'latitude must be between -90 and 90')
        .max(90, 'latitude must be between -90 and 90'),
      longitude: z
        .number({ error: 'longitude must be a number' })
        .min(-180, 'longitude must be between -180 and 180')
        .max(180, 'longitude must be between -180 and 180'),
      name: nonBlank('name', MAX_LENGTH.place).optional(),
      address: nonBlank('address', MAX_LENGTH.place).optional(),
      ...replyTo,
    })
    .meta({ id: 'OutboundLocationMessage' });
}

function contactsMessage() {
  const card = z
    .object({
      name: z.object({
        formattedName: nonBlank('formattedName', MAX_LENGTH.personName),
        firstName: nonBlank('firstName', MAX_LENGTH.personName).optional(),
        lastName: nonBlank('lastName', MAX_LENGTH.personName).optional(),
      }),
      phones: list(
        z.object({
          phone: nonBlank('phone', MAX_LENGTH.phone),
          type: nonBlank('type', MAX_LENGTH.kind).optional().describe('CELL, MAIN, HOME, WORK...'),
          waId: nonBlank('waId', MAX_LENGTH.id).optional(),
        }),
        'phones',
        MAX_ITEMS.contactEntries,
      ).optional(),
      emails: list(
        z.object({
          email: z
            .string({ error: 'email must be an email address' })
            .max(MAX_LENGTH.email, {
              error: `email must be at most ${MAX_LENGTH.email} characters`,
              abort: true,
            })
            .pipe(z.email({ error: 'email must be an email address' })),
          type: nonBlank('type', MAX_LENGTH.kind).optional().describe('HOME, WORK...'),
        }),
        'emails',
        MAX_ITEMS.contactEntries,
      ).optional(),
    })
    .meta({ id: 'OutboundContactCard' });
  return z
    .strictObject({
      type: z.literal('contacts'),
      contacts: list(card, 'contacts', MAX_ITEMS.contacts).min(1, 'contacts must hold at least one contact'),
      ...replyTo,
    })
    .meta({ id: 'OutboundContactsMessage' });
}

function reactionMessage() {
  return z
    .strictObject({
      type: z.literal('reaction'),
      targetMessageId: nonBlank('targetMessageId', MAX_LENGTH.id).describe(
        'The message reacted to: a Careline message id or the provider’s id',
      ),
      targetExternalId: nonBlank('targetExternalId', MAX_LENGTH.id)
        .optional()
        .describe('The provider’s id of that message, when already known'),
      emoji: z
        .string({
          error: (issue) => (issue.input === undefined ? 'emoji is required' : 'emoji must be a string'),
        })
        .max(MAX_EMOJI_LENGTH, { error: 'emoji must be one emoji', abort: true })
        .refine(isAtMostOneGrapheme, 'emoji must be one emoji, or empty to remove the reaction')
        .describe('One emoji; an empty string removes the reaction'),
      ...replyTo,
    })
    .meta({ id: 'OutboundReactionMessage' });
}

function buttonsMessage() {
  const button = z.object({
    id: nonBlank('id', MAX_LENGTH.buttonId),
    title: nonBlank('title', MAX_LENGTH.buttonTitle),
  });
  return z
    .strictObject({
      type: z.literal('buttons'),
      ...interactiveParts,
      buttons: list(button, 'buttons', MAX_ITEMS.buttons).min(1, 'buttons must hold at least one button'),
      ...replyTo,
    })
    .meta({ id: 'OutboundButtonsMessage' });
}

function listMessage() {
  const row = z.object({
    id: nonBlank('id', MAX_LENGTH.rowId),
    title: nonBlank('title', MAX_LENGTH.rowTitle),
    description: nonBlank('description', MAX_LENGTH.rowDescription).optional(),
  });
  const section = z.object({
    title: nonBlank('title', MAX_LENGTH.sectionTitle).optional(),
    rows: list(row, 'rows', MAX_ITEMS.rows).min(1, 'rows must hold at least one row'),
  });
  return z
    .strictObject({
      type: z.literal('list'),
      ...interactiveParts,
      buttonLabel: nonBlank('buttonLabel', MAX_LENGTH.label).describe('The button that opens the list'),
      sections: list(section, 'sections', MAX_ITEMS.sections).min(
        1,
        'sections must hold at least one section',
      ),
      ...replyTo,
    })
    .meta({ id: 'OutboundListMessage' });
}

function ctaUrlMessage() {
  return z
    .strictObject({
      type: z.literal('ctaUrl'),
      ...interactiveParts,
      displayText: nonBlank('displayText', MAX_LENGTH.label).describe('The label of the link button'),
      url: httpUrl(),
      ...replyTo,
    })
    .meta({ id: 'OutboundCtaUrlMessage' });
}

function templateMessage() {
  const header = z
    .union(
      [
        z.strictObject({
          type: z.literal('text'),
          text: nonBlank('text', MAX_LENGTH.headerText).describe('The value of the header’s one parameter'),
          parameterName: nonBlank('parameterName', MAX_LENGTH.parameterName)
            .optional()
            .describe('Its name, for templates with named parameters'),
        }),
        ...mediaHeaderVariants,
      ],
      { error: headerError },
    )
    .meta({ id: 'OutboundTemplateHeader' });
  const button = z
    .discriminatedUnion(
      'subType',
      [
        z.object({
          index: buttonIndex(),
          subType: z.literal('quick_reply'),
          payload: nonBlank('payload', MAX_LENGTH.payload).describe(
            'Comes back when the patient taps the button',
          ),
        }),
        z.object({
          index: buttonIndex(),
          subType: z.literal('url'),
          text: nonBlank('text', MAX_LENGTH.url).describe('The value of the URL’s parameter'),
        }),
      ],
      { error: 'subType must be quick_reply or url' },
    )
    .meta({ id: 'OutboundTemplateButton' });
  const body = z.union(
    [
      list(nonBlank('body parameter', MAX_LENGTH.parameter), 'body', MAX_ITEMS.parameters).describe(
        'Positional values: {{1}}, {{2}}...',
      ),
      z
        .record(
          z
            .string()
            .max(
              MAX_LENGTH.parameterName,
              `parameter names are at most ${MAX_LENGTH.parameterName} characters`,
            ),
          nonBlank('body parameter', MAX_LENGTH.parameter),
        )
        .refine(
          (values) => Object.keys(values).length <= MAX_ITEMS.parameters,
          `body must hold at most ${MAX_ITEMS.parameters} values`,
        )
        .describe('Named values: {{first_name}}...'),
    ],
    { error: 'body must be a list of values or an object of named values' },
  );
  return z
    .strictObject({
      type: z.literal('template'),
      name: nonBlank('name', MAX_LENGTH.templateName),
      language: nonBlank('language', MAX_LENGTH.language).describe('As approved, e.g. en_US'),
      components: z
        .object({
          header: header.optional(),
          body: body.optional(),
          buttons: list(button, 'buttons', MAX_ITEMS.templateButtons).optional(),
        })
        .optional(),
      ...replyTo,
    })
    .meta({ id: 'OutboundTemplateMessage' });
}

function buttonIndex() {
  return z
    .int({ error: 'index must be a whole number' })
    .min(0, 'index must not be negative')
    .describe('Position of the button in the template, from 0');
}

/**
 * A message Careline sends, in channel-neutral terms: the body of
 * `POST /api/v1/conversations/{id}/messages` and what the outbox hands to a channel.
 *
 * Only what holds on every channel is checked here (present, the right type, not blank); each channel
 * checks its own limits on top (WhatsApp: `checkWhatsAppLimits`), so a channel with larger limits is not
 * held back by WhatsApp's. Ids the provider may not know yet (our media ids, our message ids) stay opaque:
 * the outbox resolves them and hands the provider's ids to the channel as send options.
 */
export const outboundMessageSchema = z
  .discriminatedUnion(
    'type',
    [
      textMessage(),
      ...mediaMessages(),
      locationMessage(),
      contactsMessage(),
      reactionMessage(),
      buttonsMessage(),
      listMessage(),
      ctaUrlMessage(),
      templateMessage(),
    ],
    {
      error:
        'type must be one of text, image, video, audio, document, sticker, location, contacts, reaction, ' +
        'buttons, list, ctaUrl, template',
    },
  )
  .meta({ id: 'OutboundMessage' });

export type OutboundMessage = z.infer<typeof outboundMessageSchema>;
export type OutboundMessageType = OutboundMessage['type'];
export type TemplateMessage = Extract<OutboundMessage, { type: 'template' }>;
export type MediaRef = z.infer<typeof mediaRefSchema>;
