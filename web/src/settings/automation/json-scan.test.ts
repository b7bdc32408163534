import { describe, expect, test } from 'vitest';
import { readJson, spanOf } from './json-scan.ts';

const FLOW = `{
  "start": "menu",
  "steps": {
    "menu": {
      "type": "menu",
      "maxAttempts": 0,
      "options": [{ "id": "a", "next": "gone" }]
    }
  }
}`;

function at(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

describe('readJson', () => {
  test('reads valid JSON and knows where each value is written', () => {
    const reading = readJson(FLOW);
    if (!reading.ok) throw new Error('expected valid JSON');
    expect(reading.value).toEqual(JSON.parse(FLOW));
    const span = spanOf(reading.spans, 'steps.menu.maxAttempts');
    expect(span && FLOW.slice(span.start, span.end)).toBe('"maxAttempts": 0');
    const option = spanOf(reading.spans, 'steps.menu.options.0.next');
    expect(option && FLOW.slice(option.start, option.end)).toBe('"next": "gone"');
  });

  test('a path the text does not hold falls back to its closest parent', () => {
    const reading = readJson(FLOW);
    if (!reading.ok) throw new Error('expected valid JSON');
    const span = spanOf(reading.spans, 'steps.menu.options.7.next');
    expect(span && FLOW.slice(span.start, span.end)).toBe('"options": [{ "id": "a", "next": "gone" }]');
  });

  test('a trailing comma is found at the brace after it, with its line and column', () => {
    const text = '{\n  "start": "menu",\n  "steps": {},\n}';
    expect(readJson(text)).toEqual({
      ok: false,
      offset: text.lastIndexOf('}'),
      line: 4,
      column: 1,
      problem: 'key',
    });
  });

  test('a missing comma between two members points at the second one', () => {
    const text = '{\n  "start": "menu"\n  "steps": {}\n}';
    expect(readJson(text)).toMatchObject({ ok: false, ...at(text, '"steps"'), problem: 'commaObject' });
  });

  test('a text that stops early, a bad word, an unescaped line break and text after the end', () => {
    const unclosed = '{"steps": {"a": [1, 2';
    expect(readJson(unclosed)).toMatchObject({ ok: false, offset: unclosed.length, problem: 'end' });
    expect(readJson('{"on": tru}')).toMatchObject({ ok: false, line: 1, column: 8, problem: 'value' });
    expect(readJson('{"text": "a\nb"}')).toMatchObject({
      ok: false,
      line: 1,
      column: 12,
      problem: 'control',
    });
    expect(readJson('{"a": "\\q"}')).toMatchObject({ ok: false, problem: 'escape' });
    expect(readJson('{} {}')).toMatchObject({ ok: false, column: 4, problem: 'after' });
    expect(readJson('[1,]')).toMatchObject({ ok: false, column: 4, problem: 'value' });
  });

  test('agrees with JSON.parse on what is JSON', () => {
    const samples = [
      '0',
      '-1.5e3',
      '"é\\u00e9\\n"',
      '[]',
      '{}',
      '[true, false, null]',
      '01',
      '1.',
      '.5',
      '{"a":1,}',
      "{'a':1}",
      ' ',
    ];
    for (const sample of samples) {
      let valid = true;
      try {
        JSON.parse(sample);
      } catch {
        valid = false;
      }
      expect([sample, readJson(sample).ok]).toEqual([sample, valid]);
    }
  });
});
