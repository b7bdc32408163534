import { JsonEntries, RawJson } from './json-text.ts';

/**
 * The hostile inputs the fuzzer puts in fields, parameters and paths. Each has a label, printed with a
 * failure, so a report says which kind of input broke what.
 */
export interface Hostile<T> {
  label: string;
  value: T;
}

const MEGABYTE = 1024 * 1024;
const UUID = '3f2c1b7e-9a4d-4c2b-8e1f-5a6b7c8d9e0f';

/** Strings for string fields (sent JSON-escaped: a NUL arrives as U+0000, a lone surrogate as itself). */
export const HOSTILE_STRINGS: ReadonlyArray<Hostile<string>> = [
  { label: 'NUL inside', value: 'a\u0000b' },
  { label: 'only NUL', value: '\u0000' },
  { label: 'control characters', value: 'x\u0001\u0002\u0007\b\u000b\f\u001b[31m\u007f\u0085\u009by' },
  { label: 'lone high surrogate', value: 'x\ud800y' },
  { label: 'lone low surrogate', value: '\udfff' },
  { label: 'bidi override', value: '\u202egnp.exe\u202c' },
  { label: 'zero-width and BOM', value: '\u200b\u200d\ufeff\u2060' },
  { label: 'combining marks', value: `e${'\u0301'.repeat(5000)}` },
  { label: 'emoji sequences', value: '👩‍👩‍👧‍👦🏳️‍🌈'.repeat(2000) },
  { label: 'empty', value: '' },
  { label: 'blank', value: ' \t\r\n ' },
  { label: 'SQL', value: "'; drop table messages; --" },
  { label: 'format specifiers', value: `%s%n%x{0}\${process}{{x}}` },
  { label: 'HTML', value: '<script>alert(1)</script><img src=x onerror=alert(1)>' },
  { label: 'path traversal', value: '../../../../etc/passwd' },
  { label: 'words null and NaN', value: 'null' },
  { label: '70,000 characters', value: 'x'.repeat(70_000) },
  { label: '20,000 words', value: 'mot '.repeat(20_000) },
  { label: 'backtracking bait', value: `${'a'.repeat(50_000)}!` },
];

/** 1 MB strings: one per field kind, bounded so a pass stays quick. */
export const HUGE_STRINGS: ReadonlyArray<Hostile<() => string>> = [
  { label: '1 MB ASCII', value: () => 'a'.repeat(MEGABYTE) },
  { label: '1 MB of two-byte characters', value: () => 'é'.repeat(MEGABYTE / 2) },
  { label: '1 MB with NULs', value: () => 'a\u0000'.repeat(MEGABYTE / 2) },
];

/** Numbers a double, an int4 or a bigint column cannot take, or a schema should refuse. */
export const HOSTILE_NUMBERS: ReadonlyArray<Hostile<unknown>> = [
  { label: '-1', value: -1 },
  { label: '0', value: 0 },
  { label: '-0', value: new RawJson('-0') },
  { label: '0.5', value: 0.5 },
  { label: '-0.000001', value: -0.000001 },
  { label: '2^31', value: 2 ** 31 },
  { label: '2^53 + 1', value: new RawJson('9007199254740993') },
  { label: '1e308', value: 1e308 },
  { label: '-1e308', value: -1e308 },
  { label: '1e400 (Infinity once parsed)', value: new RawJson('1e400') },
  { label: '-1e400', value: new RawJson('-1e400') },
  { label: '30 digits', value: new RawJson('123456789012345678901234567890') },
  { label: '1e-400', value: new RawJson('1e-400') },
  { label: '"NaN"', value: 'NaN' },
  { label: '"Infinity"', value: 'Infinity' },
  { label: '"1e309"', value: '1e309' },
  { label: '"0x1F"', value: '0x1F' },
];

/** Values of another JSON type than the field's. */
export const WRONG_TYPES: ReadonlyArray<Hostile<unknown>> = [
  { label: 'null', value: null },
  { label: 'true', value: true },
  { label: 'a number', value: 42 },
  { label: 'a string', value: 'fuzz' },
  { label: 'an empty object', value: {} },
  { label: 'an empty array', value: [] },
  { label: 'an array of mixed values', value: [1, 'a', null, {}, []] },
  { label: 'a nested object', value: { a: { b: { c: [1, { d: null }] } } } },
  { label: 'a __proto__ object', value: new JsonEntries([['__proto__', { admin: true }]]) },
  { label: '10,000 elements', value: Array.from({ length: 10_000 }, (_, i) => i) },
];

/** Identifiers that are not UUIDs, or UUIDs of nothing (sent where a UUID is expected). */
export const HOSTILE_IDS: ReadonlyArray<Hostile<string>> = [
  { label: 'not a UUID', value: 'not-a-uuid' },
  { label: 'empty id', value: '' },
  { label: 'a number', value: '123' },
  { label: 'negative number', value: '-1' },
  { label: 'UUID with a g', value: '00000000-0000-4000-8000-00000000000g' },
  { label: 'UUID without dashes', value: UUID.replaceAll('-', '') },
  { label: 'UUID in braces', value: `{${UUID}}` },
  { label: 'UUID with a suffix', value: `${UUID}x` },
  { label: 'UUID with a NUL', value: `${UUID}\u0000` },
  { label: 'UUID with a space', value: `${UUID} ` },
  { label: 'upper-case UUID of nothing', value: UUID.toUpperCase() },
  { label: 'nil UUID', value: '00000000-0000-0000-0000-000000000000' },
  { label: 'max UUID', value: 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
  { label: 'URN', value: `urn:uuid:${UUID}` },
  { label: '5,000 characters', value: 'a'.repeat(5000) },
];

/**
 * Raw, already percent-encoded text for a query value or a path segment: NULs, broken escapes, an
 * encoded lone surrogate (invalid UTF-8), numbers and dates out of every range.
 */
export const HOSTILE_URL_TEXT: ReadonlyArray<Hostile<string>> = [
  { label: 'encoded NUL', value: 'a%00b' },
  { label: 'lone percent', value: '%' },
  { label: 'bad escape', value: '%zz' },
  { label: 'truncated UTF-8', value: '%E0%A4%A' },
  { label: 'encoded lone surrogate', value: '%ED%A0%80' },
  { label: 'overlong UTF-8', value: '%C0%AF' },
  { label: 'encoded slashes', value: '..%2F..%2Fetc' },
  { label: 'encoded control characters', value: '%01%1B%7F' },
  { label: 'empty', value: '' },
  { label: 'blank', value: '%20%20' },
  { label: '8,000 characters', value: 'a'.repeat(8000) },
  { label: '"1e309"', value: '1e309' },
  { label: '-1', value: '-1' },
  { label: '-0', value: '-0' },
  { label: '0.5', value: '0.5' },
  { label: 'NaN', value: 'NaN' },
  { label: 'Infinity', value: 'Infinity' },
  { label: '25 digits', value: '9999999999999999999999999' },
  { label: 'hexadecimal', value: '0x10' },
  { label: 'year 99999', value: '99999-12-31' },
  { label: 'year 0', value: '0000-01-01' },
  { label: 'February 30', value: '2024-02-30' },
  { label: 'month 13', value: '2024-13-01' },
  { label: 'hour 25', value: '2024-01-01T25:00:00Z' },
  { label: 'last date JS knows, plus 1 ms', value: '%2B275760-09-13T00:00:00.001Z' },
  { label: 'first date JS knows', value: '-271821-04-20T00:00:00Z' },
  { label: 'offset +99:99', value: '1970-01-01T00:00:00%2B99:99' },
  { label: 'not a UUID', value: 'not-a-uuid' },
  { label: 'UUID with an encoded NUL', value: `${UUID}%00` },
];

/** Bodies that are not JSON, sent as application/json. */
export const INVALID_JSON_TEXTS: ReadonlyArray<Hostile<string>> = [
  { label: 'truncated object', value: '{"a": ' },
  { label: 'trailing comma', value: '{"a": 1,}' },
  { label: 'single quotes', value: "{'a': 1}" },
  { label: 'bare word', value: 'undefined' },
  { label: 'NaN literal', value: '{"a": NaN}' },
  { label: 'comment', value: '{"a": 1 /* x */}' },
  { label: 'two documents', value: '{}{}' },
  { label: 'byte order mark', value: '\ufeff{}' },
  { label: 'unterminated string', value: '{"a": "b' },
  { label: 'bad escape', value: '{"a": "\\x00"}' },
  { label: 'raw control character', value: '{"a": "b\u0001c"}' },
  { label: 'raw NUL', value: '{"a": "b\u0000c"}' },
  { label: 'only whitespace', value: '   \n ' },
];

/** Content types other than the operation's (with a body that matches the type they claim, or not). */
export const WRONG_CONTENT_TYPES: ReadonlyArray<Hostile<string | undefined>> = [
  { label: 'text/plain', value: 'text/plain' },
  { label: 'form', value: 'application/x-www-form-urlencoded' },
  { label: 'multipart without boundary', value: 'multipart/form-data' },
  { label: 'multipart with boundary', value: 'multipart/form-data; boundary=fuzz' },
  { label: 'XML', value: 'application/xml' },
  { label: 'octet-stream', value: 'application/octet-stream' },
  { label: 'JSON in UTF-16', value: 'application/json; charset=utf-16le' },
  { label: 'JSON in an unknown charset', value: 'application/json; charset=fuzz' },
  { label: 'JSON with junk parameters', value: 'application/json;;;;=;a=' },
  { label: 'text/calendar', value: 'text/calendar' },
  { label: 'a garbage type', value: '%%%/%%%' },
  { label: 'no content type', value: undefined },
];
