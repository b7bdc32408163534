import { expect } from 'vitest';
import { type OutboundMessage, outboundMessageSchema } from '../../../channels/outbound-message.ts';
import { checkWhatsAppLimits } from '../../../channels/whatsapp/whatsapp-limits.ts';
import type { OrgEmergencyNumbers } from '../../orgs/org.schema.ts';
import {
  advance,
  type FlowContext,
  type FlowDefinition,
  type FlowEffect,
  type FlowInput,
  type FlowSession,
  type ScreenAnswer,
} from '../engine/index.ts';
import { emergencyVariables } from '../flow-host-context.ts';
import { screenForRedFlags } from '../red-flags/screen-for-red-flags.ts';

/** The host's `screen`: the real red-flag screening, its most urgent finding. */
export const realScreen: ScreenAnswer = (text, language) => {
  const first = screenForRedFlags(text, { language }).findings[0];
  return first === undefined
    ? { flagged: false }
    : { flagged: true, category: first.category, matched: first.matched };
};

export const WHATSAPP: FlowContext['channel'] = {
  kind: 'whatsapp',
  capabilities: { buttons: 3, listRows: 10, buttonTitleMax: 20, rowTitleMax: 24 },
};

/** A channel that shows no buttons and no lists: every menu becomes a numbered text. */
export const TEXT_ONLY: FlowContext['channel'] = {
  kind: 'telegram',
  capabilities: { buttons: 0, listRows: 0, buttonTitleMax: 20, rowTitleMax: 24 },
};

export function hostContext(
  options: {
    language?: 'fr' | 'en';
    channel?: FlowContext['channel'];
    emergencyNumbers?: OrgEmergencyNumbers;
    fields?: Record<string, string>;
  } = {},
): FlowContext {
  return {
    now: '2027-03-02T09:30:00.000Z',
    org: {
      name: 'Cabinet Dupont',
      timeZone: 'Europe/Paris',
      defaultLanguage: 'fr',
      businessHours: { weekly: { tue: [{ from: '08:00', to: '19:00' }] } },
      ...emergencyVariables(
        options.emergencyNumbers ?? { emergency: '15', european: '112', suicide: '3114' },
      ),
    },
    contact: {
      firstName: 'Camille',
      language: options.language ?? 'fr',
      fields: options.fields ?? {},
      tags: [],
    },
    channel: options.channel ?? WHATSAPP,
    screen: realScreen,
  };
}

type AssignEffect = Extract<FlowEffect, { type: 'assign' }>;

/**
 * A patient writing to a flow through a stand-in for the host: each reply goes to `advance`, an
 * `assign` is answered at once as the host does (the team is found), and every message the patient
 * would receive is checked as the outbox and WhatsApp would check it.
 */
export class FlowChat {
  session: FlowSession | null = null;

  private readonly flow: FlowDefinition;
  private readonly context: FlowContext;

  constructor(flow: FlowDefinition, context: FlowContext = hostContext()) {
    this.flow = flow;
    this.context = context;
  }

  start(): FlowEffect[] {
    return this.feed({ kind: 'start', sessionId: 'session-1' });
  }

  say(text: string): FlowEffect[] {
    return this.feed({ kind: 'message', text });
  }

  tap(replyId: string, text?: string): FlowEffect[] {
    return this.feed({ kind: 'message', replyId, ...(text === undefined ? {} : { text }) });
  }

  /** The timer the flow waits on goes off (the host's job ran). */
  timerFires(): FlowEffect[] {
    const timer = this.session?.pendingTimer;
    if (timer === undefined) throw new Error('the flow waits on no timer');
    return this.feed({ kind: 'timer', timerId: timer.id });
  }

  get status(): FlowSession['status'] | undefined {
    return this.session?.status;
  }

  private feed(input: FlowInput): FlowEffect[] {
    const effects: FlowEffect[] = [];
    let next: FlowInput | undefined = input;
    while (next !== undefined) {
      const result = advance(this.flow, this.session, next, this.context);
      this.session = result.session;
      effects.push(...result.effects);
      const assign = result.effects.find((effect): effect is AssignEffect => effect.type === 'assign');
      next =
        assign === undefined
          ? undefined
          : { kind: 'assign_result', requestId: assign.requestId, assigned: true };
    }
    for (const message of sent(effects)) expectSendable(message, this.context);
    return effects;
  }
}

export function expectSendable(message: OutboundMessage, context: FlowContext): void {
  expect(outboundMessageSchema.safeParse(message).error).toBeUndefined();
  if (context.channel.kind === 'whatsapp') expect(checkWhatsAppLimits(message)).toEqual([]);
}

export function sent(effects: readonly FlowEffect[]): OutboundMessage[] {
  return effects.flatMap((effect) => (effect.type === 'send' ? [effect.message] : []));
}

/**
 * What the patient reads of a message: its text or body, then the titles offered (empty for a text).
 * No-break spaces read as spaces here: the French spacing has tests of its own (built-in-flows.test).
 */
export function shown(message: OutboundMessage | undefined): { text: string; options: string[] } {
  switch (message?.type) {
    case 'text':
      return { text: plainSpaces(message.text), options: [] };
    case 'buttons':
      return {
        text: plainSpaces(message.body),
        options: message.buttons.map((button) => plainSpaces(button.title)),
      };
    case 'list':
      return {
        text: plainSpaces(message.body),
        options: message.sections.flatMap((section) => section.rows.map((row) => plainSpaces(row.title))),
      };
    default:
      throw new Error(`expected a text, buttons or a list, got ${message?.type ?? 'nothing'}`);
  }
}

/** The patient's view of a reply: every message's text and options, as one text to search. */
export function transcript(effects: readonly FlowEffect[]): string {
  return sent(effects)
    .map((message) => {
      const { text, options } = shown(message);
      return [text, ...options].join('\n');
    })
    .join('\n---\n');
}

export function effectOf<T extends FlowEffect['type']>(
  effects: readonly FlowEffect[],
  type: T,
): Extract<FlowEffect, { type: T }> | undefined {
  return effects.find((effect): effect is Extract<FlowEffect, { type: T }> => effect.type === type);
}

export function notes(effects: readonly FlowEffect[]): string[] {
  return effects.flatMap((effect) => (effect.type === 'add_note' ? [plainSpaces(effect.text)] : []));
}

/** No-break spaces (U+00A0, U+202F) as plain ones. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00A0\u202F]/g, ' ');
}
