/**
 * A provider's name for a kind of item (`message/image`, `interactive/list_reply`, a webhook field) as
 * events carry it in `rawType`: logged and shown to operators, so it is a name or `unrecognised`, never
 * free text taken from a body (control characters, a patient's words, a megabyte where a name goes).
 */
export function providerName(raw: string): string {
  return NAME.test(raw) ? raw : 'unrecognised';
}

const NAME = /^[A-Za-z0-9_.:/-]{1,128}$/;
