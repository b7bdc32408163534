import { z } from 'zod';

/**
 * A message's channel-neutral details as the API shows them. Loose at every level: content stored by an
 * older Careline, or parts a channel adds later, pass through untouched; the parts the inbox reads are
 * typed (and optional, since each message kind carries only its own).
 */
const location = z.looseObject({
  latitude: z.number(),
  longitude: z.number(),
  name: z.string().nullish(),
  address: z.string().nullish(),
});

const contactCard = z.looseObject({
  name: z.string().nullable(),
  phones: z
    .array(
      z.looseObject({ phone: z.string().nullish(), waId: z.string().nullish(), type: z.string().nullish() }),
    )
    .optional(),
});

const replyChoice = z.looseObject({
  id: z.string(),
  title: z.string().nullable(),
  description: z.string().nullish(),
});

const choice = z.looseObject({ id: z.string(), title: z.string() });

/** What the clinic posted, kept on outbound messages (camelCase, as it was sent). */
const outbound = z.looseObject({
  type: z.string().optional(),
  body: z.string().optional(),
  buttons: z.array(choice).optional(),
  buttonLabel: z.string().optional(),
  sections: z
    .array(
      z.looseObject({
        title: z.string().optional(),
        rows: z.array(choice.extend({ description: z.string().optional() })),
      }),
    )
    .optional(),
  displayText: z.string().optional(),
  url: z.string().optional(),
  name: z.string().optional(),
  language: z.string().optional(),
  components: z
    .looseObject({
      body: z.union([z.array(z.string()), z.record(z.string(), z.string())]).optional(),
    })
    .optional(),
  caption: z.string().optional(),
  fileName: z.string().optional(),
});

export const messageContentJson = z
  .looseObject({
    omitted: z
      .array(z.string())
      .optional()
      .describe(
        'The parts of a patient’s message the database refused and Careline left out (profile_name, username, media, reply_to, details), and message_id when the channel’s id for it was unusable and one of Careline’s stands in for it',
      ),
    location: location.optional(),
    contacts: z.array(contactCard).optional(),
    reply: replyChoice.optional(),
    outbound: outbound.optional(),
  })
  .meta({ id: 'MessageContent' });
