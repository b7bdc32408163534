/**
 * A form-encoded body (`application/x-www-form-urlencoded`, how Twilio posts every webhook) as its
 * fields. Twilio never repeats a field; when a body does, the first value is kept. Keys are own
 * properties of an object without prototype, so `__proto__` is a field like any other.
 */
export function decodeFormFields(raw: Buffer | string): Record<string, string> {
  const fields: Record<string, string> = Object.create(null);
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  for (const [name, value] of new URLSearchParams(text)) {
    if (!Object.hasOwn(fields, name)) fields[name] = value;
  }
  return fields;
}

/** Fields as Twilio posts them (what the simulator sends and the tests sign). */
export function encodeFormFields(fields: Readonly<Record<string, string>>): string {
  return new URLSearchParams(Object.entries(fields)).toString();
}
