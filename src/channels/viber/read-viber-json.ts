/**
 * Viber's `message_token` is a 64-bit integer (channels.md §4): `JSON.parse` would round it to the
 * nearest double (4912661846655238145 becomes 4912661846655238000). Every integer that does not fit a
 * double exactly is kept as the digits Viber sent, using the reviver's source text (ES2025 "JSON.parse
 * source text access", in Node since 21); everything else parses as usual. Throws on invalid JSON.
 */
export function readViberJson(text: string): unknown {
  return JSON.parse(text, keepUnsafeIntegers);
}

function keepUnsafeIntegers(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value !== 'number' || Number.isSafeInteger(value)) return value;
  const source = context?.source;
  return source !== undefined && /^-?\d+$/.test(source) ? source : value;
}
