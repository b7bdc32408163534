import { describe, expect, it } from 'vitest';
import type { TemplateMessage } from '../outbound-message.ts';
import { checkTemplateSend, type RegisteredTemplate, templatePlaceholders } from './template-check.ts';

/** As `GET /{waba-id}/message_templates` lists it. */
const reminder: RegisteredTemplate = {
  name: 'appointment_reminder',
  language: 'en_US',
  status: 'APPROVED',
  category: 'UTILITY',
  parameterFormat: 'POSITIONAL',
  components: [
    {
      type: 'HEADER',
      format: 'TEXT',
      text: 'Reminder from {{1}}',
      example: { header_text: ['Clinique du Parc'] },
    },
    {
      type: 'BODY',
      text: 'Hello {{1}}, your appointment is on {{2}} at {{3}}.',
      example: { body_text: [['Ada', 'Monday', '9:00']] },
    },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Confirm' },
        { type: 'QUICK_REPLY', text: 'Reschedule' },
        {
          type: 'URL',
          text: 'Details',
          url: 'https://clinic.example/a/{{1}}',
          example: ['https://clinic.example/a/42'],
        },
        { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+33123456789' },
      ],
    },
  ],
};

const resultsReady: RegisteredTemplate = {
  name: 'results_ready',
  language: 'fr',
  status: 'APPROVED',
  category: 'UTILITY',
  parameterFormat: 'NAMED',
  components: [
    { type: 'HEADER', format: 'DOCUMENT', example: { header_handle: ['4::aW...'] } },
    {
      type: 'BODY',
      text: 'Bonjour {{first_name}}, vos résultats de {{clinic}} sont prêts. À bientôt, {{first_name}} !',
      example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ada' }] },
    },
  ],
};

function reminderSend(components: TemplateMessage['components']): TemplateMessage {
  return { type: 'template', name: 'appointment_reminder', language: 'en_US', components };
}

const validReminder = reminderSend({
  header: { type: 'text', text: 'Clinique du Parc' },
  body: ['Ada', 'Monday 3 March', '9:00'],
  buttons: [
    { index: 0, subType: 'quick_reply', payload: 'confirm-42' },
    { index: 2, subType: 'url', text: '42' },
  ],
});

describe('checkTemplateSend', () => {
  it('accepts values that match the approved template', () => {
    expect(checkTemplateSend(reminder, validReminder)).toEqual([]);
    expect(
      checkTemplateSend(resultsReady, {
        type: 'template',
        name: 'results_ready',
        language: 'fr',
        components: {
          header: { type: 'document', mediaId: 'med-1' },
          body: { first_name: 'Ada', clinic: 'Clinique du Parc' },
        },
      }),
    ).toEqual([]);
  });

  it('refuses a template that is not approved, saying its status', () => {
    expect(checkTemplateSend({ ...reminder, status: 'PAUSED' }, validReminder)).toEqual([
      {
        field: 'name',
        limit: 'template appointment_reminder is PAUSED; only APPROVED templates can be sent',
        actual: 'PAUSED',
      },
    ]);
  });

  it('refuses a language the template is not approved in', () => {
    expect(checkTemplateSend(reminder, { ...validReminder, language: 'fr' })).toEqual([
      { field: 'language', limit: 'template appointment_reminder is approved in en_US', actual: 'fr' },
    ]);
  });

  it('positional: as many values as the highest {{n}} of the body', () => {
    const twoValues = reminderSend({ ...validReminder.components, body: ['Ada', 'Monday'] });
    expect(checkTemplateSend(reminder, twoValues)).toEqual([
      { field: 'components.body', limit: 'the template body takes 3 values', actual: 2 },
    ]);

    const gap: RegisteredTemplate = {
      ...reminder,
      components: [{ type: 'BODY', text: 'Dear {{1}}, see you on {{3}}.' }],
    };
    expect(checkTemplateSend(gap, reminderSend({ body: ['Ada', 'x', 'Monday'] }))).toEqual([]);
    expect(checkTemplateSend(gap, reminderSend({ body: ['Ada', 'Monday'] }))).toEqual([
      { field: 'components.body', limit: 'the template body takes 3 values', actual: 2 },
    ]);
  });

  it('positional: refuses named values', () => {
    const named = reminderSend({ ...validReminder.components, body: { name: 'Ada' } });
    expect(checkTemplateSend(reminder, named)).toEqual([
      { field: 'components.body', limit: 'the template takes positional values: send body as a list' },
    ]);
  });

  it('named: exactly the names of the body', () => {
    const send: TemplateMessage = {
      type: 'template',
      name: 'results_ready',
      language: 'fr',
      components: {
        header: { type: 'document', mediaId: 'med-1' },
        body: { first_name: 'Ada', doctor: 'Dr Martin' },
      },
    };
    expect(checkTemplateSend(resultsReady, send)).toEqual([
      { field: 'components.body.clinic', limit: 'the template body needs a value for {{clinic}}' },
      { field: 'components.body.doctor', limit: 'the template body has no {{doctor}}' },
    ]);
  });

  it('named: refuses a list of values', () => {
    const send: TemplateMessage = {
      type: 'template',
      name: 'results_ready',
      language: 'fr',
      components: { header: { type: 'document', mediaId: 'med-1' }, body: ['Ada', 'Clinique'] },
    };
    expect(checkTemplateSend(resultsReady, send)).toEqual([
      { field: 'components.body', limit: 'the template takes named values: send body as an object' },
    ]);
  });

  it('header: the value matches the header format', () => {
    const imageForText = reminderSend({
      ...validReminder.components,
      header: { type: 'image', mediaId: 'm' },
    });
    expect(checkTemplateSend(reminder, imageForText)).toEqual([
      { field: 'components.header', limit: 'the template header takes a text value', actual: 'image' },
    ]);

    const noDocument: TemplateMessage = {
      type: 'template',
      name: 'results_ready',
      language: 'fr',
      components: { body: { first_name: 'Ada', clinic: 'Clinique du Parc' } },
    };
    expect(checkTemplateSend(resultsReady, noDocument)).toEqual([
      { field: 'components.header', limit: 'the template header takes a document' },
    ]);
  });

  it('header: a named text header value carries its name', () => {
    const template: RegisteredTemplate = {
      ...resultsReady,
      components: [{ type: 'HEADER', format: 'TEXT', text: 'News from {{clinic}}' }],
    };
    const send = (parameterName?: string): TemplateMessage => ({
      type: 'template',
      name: 'results_ready',
      language: 'fr',
      components: {
        header: { type: 'text', text: 'Clinique du Parc', ...(parameterName ? { parameterName } : {}) },
      },
    });
    expect(checkTemplateSend(template, send('clinic'))).toEqual([]);
    expect(checkTemplateSend(template, send())).toEqual([
      { field: 'components.header.parameterName', limit: "the template header's value is named clinic" },
    ]);
  });

  it('header: refuses a value for a header that takes none', () => {
    const template: RegisteredTemplate = { ...reminder, components: [{ type: 'BODY', text: 'Hello' }] };
    expect(checkTemplateSend(template, reminderSend({ header: { type: 'text', text: 'x' } }))).toEqual([
      { field: 'components.header', limit: 'the template header takes no value', actual: 'text' },
    ]);
  });

  it('buttons: a URL with {{1}} needs its value', () => {
    const withoutUrl = reminderSend({ ...validReminder.components, buttons: [] });
    expect(checkTemplateSend(reminder, withoutUrl)).toEqual([
      { field: 'components.buttons', limit: 'template button 2 needs a url value for its link' },
    ]);
  });

  it('buttons: quick-reply payloads only at quick-reply indexes', () => {
    const misplaced = reminderSend({
      ...validReminder.components,
      buttons: [
        { index: 2, subType: 'url', text: '42' },
        { index: 3, subType: 'quick_reply', payload: 'call' },
        { index: 1, subType: 'url', text: 'x' },
        { index: 7, subType: 'quick_reply', payload: 'x' },
      ],
    });
    expect(checkTemplateSend(reminder, misplaced)).toEqual([
      {
        field: 'components.buttons[1].subType',
        limit: 'template button 3 is not a quick reply',
        actual: 'PHONE_NUMBER',
      },
      {
        field: 'components.buttons[2].subType',
        limit: 'template button 1 has no URL value to fill in',
        actual: 'QUICK_REPLY',
      },
      { field: 'components.buttons[3].index', limit: 'the template has no button there', actual: 7 },
    ]);
  });

  it('body: at most 1024 characters once filled in', () => {
    const template: RegisteredTemplate = {
      ...reminder,
      components: [{ type: 'BODY', text: 'Note: {{1}}' }],
    };
    const fill = (n: number) => reminderSend({ body: ['é'.repeat(n)] });
    expect(checkTemplateSend(template, fill(1018))).toEqual([]);
    expect(checkTemplateSend(template, fill(1019))).toEqual([
      {
        field: 'components.body',
        limit: 'the body with its values filled in is at most 1024 characters',
        actual: 1025,
      },
    ]);
  });

  it('refuses templates Careline cannot fill: location headers, copy-code buttons', () => {
    const template: RegisteredTemplate = {
      ...reminder,
      components: [
        { type: 'HEADER', format: 'LOCATION' },
        { type: 'BODY', text: 'Your code' },
        { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'SAVE10' }] },
      ],
    };
    expect(checkTemplateSend(template, reminderSend(undefined))).toEqual([
      { field: 'components.header', limit: 'templates with a location header cannot be sent yet' },
      {
        field: 'components.buttons',
        limit: 'template button 0 is a copy-code button, which cannot be sent yet',
      },
    ]);
  });
});

describe('templatePlaceholders', () => {
  it('reads where a template takes values', () => {
    expect(templatePlaceholders(reminder.components)).toEqual({
      headerFormat: 'TEXT',
      header: ['1'],
      bodyText: 'Hello {{1}}, your appointment is on {{2}} at {{3}}.',
      body: ['1', '2', '3'],
      buttons: [
        { index: 0, type: 'QUICK_REPLY', placeholders: [] },
        { index: 1, type: 'QUICK_REPLY', placeholders: [] },
        { index: 2, type: 'URL', placeholders: ['1'] },
        { index: 3, type: 'PHONE_NUMBER', placeholders: [] },
      ],
    });
  });

  it('lists a repeated name once and skips what it does not recognise', () => {
    expect(templatePlaceholders([...resultsReady.components, 'junk', { text: 'no type' }])).toMatchObject({
      headerFormat: 'DOCUMENT',
      header: [],
      body: ['first_name', 'clinic'],
      buttons: [],
    });
  });
});
