import { describe, expect, test } from 'vitest';
import { formatValue, type RenderScope, renderJson, renderTemplate, resolvePath } from './render-template.ts';

const scope: RenderScope = {
  contact: { firstName: 'Camille', language: 'fr', fields: { allergies: 'pénicilline' }, tags: ['vip'] },
  answers: {
    age: 42,
    temperature: 38.5,
    fasting: true,
    photo: { text: 'mon bras', media: { type: 'image' } },
  },
  vars: { http: { status: 200, body: { slots: [{ time: '10h30' }], tags: ['a', 'b'] } } },
  org: { name: 'Cabinet Dupont' },
};

describe('renderTemplate', () => {
  test('fills contact, fields, answers, vars and org, spaces inside braces allowed', () => {
    const text =
      '{{contact.firstName}}, {{ contact.fields.allergies }}, {{answers.age}} ans, {{vars.http.body.slots.0.time}}, {{org.name}}';
    expect(renderTemplate(text, scope, 'fr')).toBe('Camille, pénicilline, 42 ans, 10h30, Cabinet Dupont');
  });

  test('the app the conversation is on, as patients call it; nothing where the host did not say', () => {
    const text = 'Des rappels par {{channel.name}}\u202F?';
    expect(renderTemplate(text, { ...scope, channelName: 'Telegram' }, 'fr')).toBe(
      'Des rappels par Telegram\u202F?',
    );
    expect(renderTemplate(text, scope, 'fr')).toBe('Des rappels par \u202F?');
  });

  test('numbers, booleans and lists read in the session’s language', () => {
    const text = '{{answers.temperature}} / {{answers.fasting}} / {{vars.http.body.tags}}';
    expect(renderTemplate(text, scope, 'fr')).toBe('38,5 / oui / a, b');
    expect(renderTemplate(text, scope, 'en')).toBe('38.5 / yes / a, b');
  });

  test('anything that leads nowhere renders as nothing, never a crash', () => {
    for (const path of [
      'contact.lastName',
      'contact.fields.missing',
      'answers.none.deeper',
      'vars.http.body.slots.5.time',
      'org.secret',
      'nowhere',
      'answers.age.toFixed',
      'contact.fields.constructor',
      'vars.__proto__',
    ]) {
      expect(renderTemplate(`[{{${path}}}]`, scope, 'fr'), path).toBe('[]');
    }
  });

  test('an answer with media reads as its text', () => {
    expect(renderTemplate('{{answers.photo}}', scope, 'fr')).toBe('mon bras');
  });

  test('values can be escaped, as in URLs', () => {
    const url = renderTemplate(
      'https://x.example/?q={{contact.fields.allergies}}',
      scope,
      'fr',
      encodeURIComponent,
    );
    expect(url).toBe('https://x.example/?q=p%C3%A9nicilline');
  });

  test('text without placeholders, or with broken ones, stays as it is', () => {
    expect(renderTemplate('Bonjour {{ }} {contact.firstName} {{contact firstName}}', scope, 'fr')).toBe(
      'Bonjour {{ }} {contact.firstName} {{contact firstName}}',
    );
  });
});

describe('renderJson', () => {
  test('renders every text, keeping the type of a lone placeholder', () => {
    const body = {
      age: '{{answers.age}}',
      who: 'Patient {{contact.firstName}}',
      list: ['{{answers.fasting}}', 3],
      none: '{{answers.x}}',
    };
    expect(renderJson(body, scope, 'fr')).toEqual({
      age: 42,
      who: 'Patient Camille',
      list: [true, 3],
      none: null,
    });
  });
});

describe('resolvePath and formatValue', () => {
  test('resolve the raw value', () => {
    expect(resolvePath(scope, 'vars.http.status')).toBe(200);
    expect(resolvePath(scope, 'contact.tags')).toEqual(['vip']);
    expect(resolvePath(scope, 'answers.unknown')).toBeUndefined();
  });

  test('objects without text read as JSON', () => {
    expect(formatValue({ a: 1 }, 'en')).toBe('{"a":1}');
    expect(formatValue(null, 'en')).toBe('');
  });
});
