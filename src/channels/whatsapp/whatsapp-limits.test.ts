import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../outbound-message.ts';
import { checkWhatsAppLimits } from './whatsapp-limits.ts';

type Buttons = Extract<OutboundMessage, { type: 'buttons' }>;
type List = Extract<OutboundMessage, { type: 'list' }>;
type Row = List['sections'][number]['rows'][number];

const chars = (n: number, c = 'a') => c.repeat(n);

function buttons(overrides: Partial<Buttons> = {}): Buttons {
  return { type: 'buttons', body: 'Can you come?', buttons: [{ id: 'yes', title: 'Yes' }], ...overrides };
}

function list(overrides: Partial<List> = {}): List {
  return {
    type: 'list',
    body: 'Choose a slot',
    buttonLabel: 'Slots',
    sections: [{ rows: [{ id: 'mon-9', title: 'Monday 9:00' }] }],
    ...overrides,
  };
}

function rows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));
}

describe('checkWhatsAppLimits', () => {
  it('lets a message within every limit through', () => {
    expect(checkWhatsAppLimits({ type: 'text', text: 'Hello' })).toEqual([]);
    expect(checkWhatsAppLimits(buttons())).toEqual([]);
    expect(checkWhatsAppLimits(list())).toEqual([]);
  });

  it('text: 4096 characters, counted as code points', () => {
    expect(checkWhatsAppLimits({ type: 'text', text: chars(4096) })).toEqual([]);
    expect(checkWhatsAppLimits({ type: 'text', text: chars(4096, '😀') })).toEqual([]);
    expect(checkWhatsAppLimits({ type: 'text', text: chars(4097) })).toEqual([
      { field: 'text', limit: 'text is at most 4096 characters', actual: 4097 },
    ]);
  });

  it('caption: 1024 characters', () => {
    const image = (caption: string): OutboundMessage => ({ type: 'image', media: { mediaId: 'm' }, caption });
    expect(checkWhatsAppLimits(image(chars(1024)))).toEqual([]);
    expect(checkWhatsAppLimits(image(chars(1025)))).toEqual([
      { field: 'caption', limit: 'caption is at most 1024 characters', actual: 1025 },
    ]);
  });

  it('media links are HTTPS', () => {
    expect(checkWhatsAppLimits({ type: 'video', media: { url: 'https://clinic.example/v.mp4' } })).toEqual(
      [],
    );
    expect(checkWhatsAppLimits({ type: 'video', media: { url: 'http://clinic.example/v.mp4' } })).toEqual([
      { field: 'media.url', limit: 'media links are public HTTPS URLs' },
    ]);
  });

  describe('reply buttons', () => {
    it('1 to 3 buttons', () => {
      const three = [1, 2, 3].map((i) => ({ id: `b${i}`, title: `B${i}` }));
      expect(checkWhatsAppLimits(buttons({ buttons: three }))).toEqual([]);
      expect(checkWhatsAppLimits(buttons({ buttons: [...three, { id: 'b4', title: 'B4' }] }))).toEqual([
        { field: 'buttons', limit: 'a message has 1 to 3 buttons', actual: 4 },
      ]);
    });

    it('title: 20 characters, naming the button', () => {
      const ok = buttons({
        buttons: [
          { id: 'a', title: 'A' },
          { id: 'b', title: chars(20) },
        ],
      });
      const long = buttons({
        buttons: [
          { id: 'a', title: 'A' },
          { id: 'b', title: chars(21) },
        ],
      });
      expect(checkWhatsAppLimits(ok)).toEqual([]);
      expect(checkWhatsAppLimits(long)).toEqual([
        { field: 'buttons[1].title', limit: 'title is at most 20 characters', actual: 21 },
      ]);
    });

    it('titles are unique', () => {
      const twice = buttons({
        buttons: [
          { id: 'a', title: 'Yes' },
          { id: 'b', title: 'Yes' },
        ],
      });
      expect(checkWhatsAppLimits(twice)).toEqual([
        { field: 'buttons[1].title', limit: 'button titles are unique', actual: 'Yes' },
      ]);
    });

    it('id: 256 characters', () => {
      expect(checkWhatsAppLimits(buttons({ buttons: [{ id: chars(256), title: 'A' }] }))).toEqual([]);
      expect(checkWhatsAppLimits(buttons({ buttons: [{ id: chars(257), title: 'A' }] }))).toEqual([
        { field: 'buttons[0].id', limit: 'id is at most 256 characters', actual: 257 },
      ]);
    });

    it('header text 60, footer 60, body 1024', () => {
      expect(
        checkWhatsAppLimits(
          buttons({ header: { type: 'text', text: chars(60) }, footer: chars(60), body: chars(1024) }),
        ),
      ).toEqual([]);
      expect(
        checkWhatsAppLimits(
          buttons({ header: { type: 'text', text: chars(61) }, footer: chars(61), body: chars(1025) }),
        ),
      ).toEqual([
        { field: 'body', limit: 'body is at most 1024 characters', actual: 1025 },
        { field: 'footer', limit: 'footer is at most 60 characters', actual: 61 },
        { field: 'header.text', limit: 'header text is at most 60 characters', actual: 61 },
      ]);
    });

    it('takes a media header', () => {
      expect(checkWhatsAppLimits(buttons({ header: { type: 'image', mediaId: 'm' } }))).toEqual([]);
    });
  });

  describe('lists', () => {
    it('button label: 20 characters', () => {
      expect(checkWhatsAppLimits(list({ buttonLabel: chars(20) }))).toEqual([]);
      expect(checkWhatsAppLimits(list({ buttonLabel: chars(21) }))).toEqual([
        { field: 'buttonLabel', limit: 'button label is at most 20 characters', actual: 21 },
      ]);
    });

    it('at most 10 rows in all sections together', () => {
      const split = (n: number) => [
        { title: 'Morning', rows: rows(n).slice(0, 5) },
        { title: 'Afternoon', rows: rows(n).slice(5) },
      ];
      expect(checkWhatsAppLimits(list({ sections: split(10) }))).toEqual([]);
      expect(checkWhatsAppLimits(list({ sections: split(11) }))).toEqual([
        { field: 'sections', limit: 'a list has at most 10 rows in all', actual: 11 },
      ]);
    });

    it('at most 10 sections', () => {
      const sections = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ title: `S${i}`, rows: [{ id: `r${i}`, title: 'Row' }] }));
      expect(checkWhatsAppLimits(list({ sections: sections(10) }))).toEqual([]);
      expect(checkWhatsAppLimits(list({ sections: sections(11) }))).toEqual([
        { field: 'sections', limit: 'a list has at most 10 sections', actual: 11 },
        { field: 'sections', limit: 'a list has at most 10 rows in all', actual: 11 },
      ]);
    });

    it('row title 24, description 72, id 200', () => {
      const row = (id: number, title: number, description: number) => ({
        id: chars(id),
        title: chars(title),
        description: chars(description),
      });
      expect(checkWhatsAppLimits(list({ sections: [{ rows: [row(200, 24, 72)] }] }))).toEqual([]);
      expect(
        checkWhatsAppLimits(list({ sections: [{ rows: [{ id: 'a', title: 'A' }, row(201, 25, 73)] }] })),
      ).toEqual([
        { field: 'sections[0].rows[1].id', limit: 'row id is at most 200 characters', actual: 201 },
        { field: 'sections[0].rows[1].title', limit: 'row title is at most 24 characters', actual: 25 },
        {
          field: 'sections[0].rows[1].description',
          limit: 'description is at most 72 characters',
          actual: 73,
        },
      ]);
    });

    it('section title: 24 characters, required once there are two sections', () => {
      expect(checkWhatsAppLimits(list({ sections: [{ title: chars(24), rows: rows(1) }] }))).toEqual([]);
      expect(checkWhatsAppLimits(list({ sections: [{ title: chars(25), rows: rows(1) }] }))).toEqual([
        { field: 'sections[0].title', limit: 'section title is at most 24 characters', actual: 25 },
      ]);
      const second = { rows: [{ id: 'other', title: 'Other' }] };
      expect(checkWhatsAppLimits(list({ sections: [{ title: 'Morning', rows: rows(1) }, second] }))).toEqual([
        {
          field: 'sections[1].title',
          limit: 'section title is required when a list has more than one section',
        },
      ]);
    });

    it('row ids are unique, since a reply carries only the id', () => {
      const sections = [
        {
          rows: [
            { id: 'a', title: 'One' },
            { id: 'a', title: 'Two' },
          ],
        },
      ];
      expect(checkWhatsAppLimits(list({ sections }))).toEqual([
        { field: 'sections[0].rows[1].id', limit: 'row ids are unique', actual: 'a' },
      ]);
    });

    it('no media header', () => {
      expect(checkWhatsAppLimits(list({ header: { type: 'text', text: 'Slots' } }))).toEqual([]);
      expect(
        checkWhatsAppLimits(list({ header: { type: 'image', url: 'https://clinic.example/a.png' } })),
      ).toEqual([{ field: 'header', limit: 'a list header is text only', actual: 'image' }]);
    });
  });

  it('CTA URL label: 20 characters', () => {
    const cta = (displayText: string): OutboundMessage => ({
      type: 'ctaUrl',
      body: 'Book online',
      displayText,
      url: 'https://clinic.example/book',
    });
    expect(checkWhatsAppLimits(cta(chars(20)))).toEqual([]);
    expect(checkWhatsAppLimits(cta(chars(21)))).toEqual([
      { field: 'displayText', limit: 'display text is at most 20 characters', actual: 21 },
    ]);
  });

  it('reaction: one emoji, or empty to remove it', () => {
    const react = (emoji: string): OutboundMessage => ({ type: 'reaction', targetMessageId: 'm', emoji });
    for (const emoji of ['', '👍', '❤️', '👩🏽‍⚕️', '🇫🇷', '1️⃣']) {
      expect(checkWhatsAppLimits(react(emoji)), emoji).toEqual([]);
    }
    for (const emoji of ['ok', '👍👍', 'a']) {
      expect(checkWhatsAppLimits(react(emoji)), emoji).toEqual([
        { field: 'emoji', limit: 'emoji is one emoji, or empty to remove the reaction' },
      ]);
    }
  });

  it('template: button index 0 to 9, HTTPS header link', () => {
    const template = (index: number, url: string): OutboundMessage => ({
      type: 'template',
      name: 'reminder',
      language: 'en_US',
      components: {
        header: { type: 'document', url },
        buttons: [{ index, subType: 'quick_reply', payload: 'ok' }],
      },
    });
    expect(checkWhatsAppLimits(template(9, 'https://clinic.example/r.pdf'))).toEqual([]);
    expect(checkWhatsAppLimits(template(10, 'http://clinic.example/r.pdf'))).toEqual([
      { field: 'components.header.url', limit: 'media links are public HTTPS URLs' },
      { field: 'components.buttons[0].index', limit: 'button index is 0 to 9', actual: 10 },
    ]);
  });
});
