import type { FlowContact } from './flow-context.ts';
import type { JsonValue } from './flow-session.ts';
import type { FlowLanguage } from './localised.ts';

/**
 * What `{{...}}` placeholders can name: the patient, the answers so far, the flow's variables, the clinic,
 * and the app the conversation is on (`{{channel.name}}`: "Telegram", as patients call it).
 */
export interface RenderScope {
  contact: FlowContact;
  answers: Record<string, JsonValue>;
  vars: Record<string, JsonValue>;
  org: { name: string };
  channelName?: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}$/;

/**
 * "Bonjour {{contact.firstName}}" → "Bonjour Camille". A name that leads nowhere renders as nothing: a
 * typo in a flow must not stop a patient's conversation. `encode` escapes each value (URLs).
 */
export function renderTemplate(
  template: string,
  scope: RenderScope,
  language: FlowLanguage,
  encode: (value: string) => string = (value) => value,
): string {
  return template.replace(PLACEHOLDER, (_, path: string) =>
    encode(formatValue(resolvePath(scope, path), language)),
  );
}

/**
 * Renders every text inside a JSON body. A text that is one placeholder and nothing else takes the value
 * itself, so `"age": "{{answers.age}}"` sends the number 42, not the text "42".
 */
export function renderJson(value: JsonValue, scope: RenderScope, language: FlowLanguage): JsonValue {
  if (typeof value === 'string') {
    const whole = WHOLE_PLACEHOLDER.exec(value);
    if (whole?.[1] !== undefined) return resolvePath(scope, whole[1]) ?? null;
    return renderTemplate(value, scope, language);
  }
  if (Array.isArray(value)) return value.map((item) => renderJson(item, scope, language));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, renderJson(item, scope, language)]),
    );
  }
  return value;
}

/** `answers.age`, `contact.fields.allergies`, `vars.http.body.slots.0.time`; undefined when absent. */
export function resolvePath(scope: RenderScope, path: string): JsonValue | undefined {
  const [root, ...rest] = path.split('.');
  let current: unknown = rootValue(scope, root);
  for (const key of rest) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    const next: unknown = Reflect.get(current, key);
    current = next;
  }
  return isJson(current) ? current : undefined;
}

function rootValue(scope: RenderScope, root: string | undefined): unknown {
  switch (root) {
    case 'contact':
      return scope.contact;
    case 'answers':
      return scope.answers;
    case 'vars':
      return scope.vars;
    case 'org':
      return scope.org;
    case 'channel':
      return { name: scope.channelName ?? '' };
    default:
      return undefined;
  }
}

/** How a value reads in a message: 37.5 is "37,5" in French, true is "oui". */
export function formatValue(value: JsonValue | undefined, language: FlowLanguage): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return language === 'fr' ? String(value).replace('.', ',') : String(value);
  if (typeof value === 'boolean') return language === 'fr' ? (value ? 'oui' : 'non') : value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map((item) => formatValue(item, language)).join(', ');
  // A free-text answer that came with a photo is kept as {text, media}: what it says is its text.
  if (typeof value.text === 'string') return value.text;
  return JSON.stringify(value);
}

function isJson(value: unknown): value is JsonValue {
  return (
    value !== undefined &&
    typeof value !== 'function' &&
    typeof value !== 'symbol' &&
    typeof value !== 'bigint'
  );
}
