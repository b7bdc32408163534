import { z } from 'zod';
import { httpUrl, limitedText } from './text-limit.ts';

const mediaReference = z.object({ id: z.string().min(1).optional(), link: httpUrl.optional() });

const textHeader = z.object({ type: z.literal('text'), text: limitedText(60) });
const header = z.discriminatedUnion('type', [
  textHeader,
  z.object({ type: z.literal('image'), image: mediaReference }),
  z.object({ type: z.literal('video'), video: mediaReference }),
  z.object({ type: z.literal('document'), document: mediaReference }),
]);
const body = z.object({ text: limitedText(1024) });
const footer = z.object({ text: limitedText(60) });

const replyButtons = z
  .array(
    z.object({
      type: z.literal('reply'),
      reply: z.object({ id: limitedText(256), title: limitedText(20) }),
    }),
  )
  .min(1, 'must have at least 1 button')
  .max(3, 'must have at most 3 buttons')
  .superRefine((buttons, context) => {
    const seen = new Set<string>();
    buttons.forEach((button, index) => {
      if (seen.has(button.reply.title)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'reply', 'title'],
          message: `must be unique among the buttons ('${button.reply.title}' is used twice)`,
        });
      }
      seen.add(button.reply.title);
    });
  });

export const LIST_MAX_ROWS = 10;

const listSections = z
  .array(
    z.object({
      title: limitedText(24).optional(),
      rows: z
        .array(
          z.object({ id: limitedText(200), title: limitedText(24), description: limitedText(72).optional() }),
        )
        .min(1, 'must have at least 1 row'),
    }),
  )
  .min(1, 'must have at least 1 section')
  .max(10, 'must have at most 10 sections')
  .superRefine((sections, context) => {
    const rows = sections.reduce((total, section) => total + section.rows.length, 0);
    if (rows > LIST_MAX_ROWS) {
      context.addIssue({
        code: 'custom',
        path: [],
        message: `must have at most ${LIST_MAX_ROWS} rows in total across sections (found ${rows})`,
      });
    }
    if (sections.length > 1) {
      sections.forEach((section, index) => {
        if (section.title === undefined) {
          context.addIssue({
            code: 'custom',
            path: [index, 'title'],
            message: 'is required when the list has more than one section',
          });
        }
      });
    }
    const ids = new Set<string>();
    sections.forEach((section, sectionIndex) => {
      section.rows.forEach((row, rowIndex) => {
        if (ids.has(row.id)) {
          context.addIssue({
            code: 'custom',
            path: [sectionIndex, 'rows', rowIndex, 'id'],
            message: `must be unique across rows ('${row.id}' is used twice)`,
          });
        }
        ids.add(row.id);
      });
    });
  });

/** `interactive` objects of the kinds the simulator knows (§1.7 of channels.md), with Meta's limits. */
export const interactiveSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('button'),
    header: header.optional(),
    body,
    footer: footer.optional(),
    action: z.object({ buttons: replyButtons }),
  }),
  z.object({
    type: z.literal('list'),
    // A list message takes a text header only.
    header: textHeader.optional(),
    body,
    footer: footer.optional(),
    action: z.object({ button: limitedText(20), sections: listSections }),
  }),
  z.object({
    type: z.literal('cta_url'),
    header: header.optional(),
    body,
    footer: footer.optional(),
    action: z.object({
      name: z.literal('cta_url'),
      parameters: z.object({ display_text: limitedText(20), url: httpUrl }),
    }),
  }),
]);

export const INTERACTIVE_TYPES = ['button', 'list', 'cta_url'] as const;

export type InteractiveMessage = z.infer<typeof interactiveSchema>;
