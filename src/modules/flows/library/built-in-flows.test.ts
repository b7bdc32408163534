import { describe, expect, test } from 'vitest';
import { chooseTriggeredFlow } from '../choose-triggered-flow.ts';
import { advance, type FlowContext, formatFlowIssue, type Step, validateFlow } from '../engine/index.ts';
import { expectSendable, hostContext, sent, TEXT_ONLY, WHATSAPP } from './flow-chat.test-support.ts';
import { BUILT_IN_FLOWS, BUILT_IN_TEAMS, type BuiltInFlow, builtInFlowSchema } from './index.ts';

const byKey = (key: string): BuiltInFlow => {
  const flow = BUILT_IN_FLOWS.find((candidate) => candidate.key === key);
  if (flow === undefined) throw new Error(`no built-in flow ${key}`);
  return flow;
};

describe.each(BUILT_IN_FLOWS.map((flow) => [flow.key, flow] as const))('built-in flow %s', (_key, flow) => {
  test('passes validateFlow, and its wrapper passes builtInFlowSchema', () => {
    const validation = validateFlow(flow.definition);
    expect(validation.ok ? [] : validation.issues.map(formatFlowIssue)).toEqual([]);
    expect(builtInFlowSchema.safeParse(flow).error).toBeUndefined();
  });

  test('every text, for patients and for the team, is written in French and in English', () => {
    const missing = untranslated(flow.definition, 'definition');
    expect(missing).toEqual([]);
  });

  test('French texts are spaced the French way: no-break spaces inside « » and before : ; ! ?', () => {
    const badlySpaced = frenchTexts(flow.definition).filter((text) =>
      /« | »| [:;!?]|«[^\u00A0]|[^\u00A0]»|[^\u202F\u00A0][;!?](?:\s|$)/.test(text),
    );
    expect(badlySpaced).toEqual([]);
  });

  test('no text sends the patient to “the emergency services” without the number to call', () => {
    const vague = [...frenchTexts(flow.definition), ...englishTexts(flow.definition)].filter((text) =>
      /les secours|emergency services/i.test(text),
    );
    expect(vague).toEqual([]);
  });

  test('assigns only to the teams the clinics are given', () => {
    const teams = Object.values(flow.definition.steps).flatMap((step) =>
      step.type === 'assign' && 'team' in step.target ? [step.target.team] : [],
    );
    for (const team of teams) expect(Object.values(BUILT_IN_TEAMS)).toContain(team);
  });

  test.each([
    ['fr', 'WhatsApp', WHATSAPP],
    ['en', 'WhatsApp', WHATSAPP],
    ['fr', 'a text-only channel', TEXT_ONLY],
    ['en', 'a text-only channel', TEXT_ONLY],
  ] as const)('every step, entered in %s on %s, sends what the channel accepts', (language, _, channel) => {
    const context = hostContext({ language, channel });
    for (const [stepId, step] of Object.entries(flow.definition.steps)) {
      const messages = sent(enterStep(flow, stepId, context));
      for (const message of messages) expectSendable(message, context);
      if (!offersChoices(step)) continue;
      // A title too long for WhatsApp would silently turn the menu into a numbered text.
      const expected = channel === WHATSAPP ? ['buttons', 'list'] : ['text'];
      expect(expected, `${stepId} is shown as ${messages.at(-1)?.type}`).toContain(messages.at(-1)?.type);
    }
  });
});

test('start_flow steps name built-in flows', () => {
  const targets = BUILT_IN_FLOWS.flatMap((flow) =>
    Object.values(flow.definition.steps).flatMap((step) =>
      step.type === 'start_flow' ? [step.flowKey] : [],
    ),
  );
  expect(targets.sort()).toEqual(['booking', 'booking', 'non_urgent_question']);
  for (const key of targets) expect(byKey(key).triggers).toContainEqual({ kind: 'flow' });
});

test('keys are unique, and the list runs from the most to the least specific trigger', () => {
  expect(new Set(BUILT_IN_FLOWS.map((flow) => flow.key)).size).toBe(BUILT_IN_FLOWS.length);
  const priorities = BUILT_IN_FLOWS.map((flow) => flow.priority);
  expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
});

describe('the host picks the right built-in flow', () => {
  const candidates = BUILT_IN_FLOWS.map((flow) => ({ ...flow, id: flow.key }));
  const onMessage = (text: string, newConversation: boolean) =>
    chooseTriggeredFlow(candidates, {
      kind: 'message',
      text,
      newConversation,
      now: '2027-03-02T09:30:00.000Z',
      timeZone: 'Europe/Paris',
      businessHours: { weekly: {} },
    })?.flow.key;

  test('a new conversation opens the menu, unless it names symptoms', () => {
    expect(onMessage('Bonjour', true)).toBe('faq_menu');
    expect(onMessage('Bonjour, je suis malade depuis hier', true)).toBe('symptom_intake');
    expect(onMessage('I have some symptoms', true)).toBe('symptom_intake');
  });

  test('in a conversation under way, only the menu’s exact words open it', () => {
    expect(onMessage('Menu', false)).toBe('faq_menu');
    expect(onMessage('AIDE', false)).toBe('faq_menu');
    expect(onMessage('Bonjour', false)).toBeUndefined();
    expect(onMessage('j’ai besoin d’aide pour mon fils', false)).toBeUndefined();
    expect(onMessage('J’ai une question médicale', false)).toBe('non_urgent_question');
  });

  test('a closed conversation starts the survey', () => {
    expect(chooseTriggeredFlow(candidates, { kind: 'conversation_closed' })?.flow.key).toBe('csat');
  });
});

function frenchTexts(value: unknown): string[] {
  return textsIn(value, 'fr');
}

function englishTexts(value: unknown): string[] {
  return textsIn(value, 'en');
}

function textsIn(value: unknown, language: 'fr' | 'en'): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => textsIn(item, language));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === language && typeof child === 'string' ? [child] : textsIn(child, language),
  );
}

/** Enters one step as if the flow started there: what the patient would receive on reaching it. */
function enterStep(flow: BuiltInFlow, stepId: string, context: FlowContext) {
  return advance({ ...flow.definition, start: stepId }, null, { kind: 'start' }, context).effects;
}

/** A step that shows choices by itself; a menu of the host's options (slots…) needs the host's answer. */
function offersChoices(step: Step): boolean {
  if (step.type === 'menu') return step.optionsFrom === undefined;
  return step.type === 'csat' || (step.type === 'ask' && step.kind === 'choice');
}

const LOCALISED_KEYS = new Set([
  'name',
  'description',
  'prompt',
  'retryPrompt',
  'title',
  'buttonLabel',
  'commentPrompt',
  'text',
  'note',
  'caption',
]);

/** Paths of texts that are not {fr, en} with both filled in. */
function untranslated(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => untranslated(item, `${path}.${index}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const at = `${path}.${key}`;
    if (!LOCALISED_KEYS.has(key)) return untranslated(child, at);
    return isBilingual(child) ? [] : [at];
  });
}

function isBilingual(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const fr: unknown = Reflect.get(value, 'fr');
  const en: unknown = Reflect.get(value, 'en');
  return typeof fr === 'string' && /\S/.test(fr) && typeof en === 'string' && /\S/.test(en);
}
