import type { OutboundMessage } from '../../channels/channel.ts';
import type { WindowPolicy } from '../../channels/channel-capabilities.ts';
import { CHANNEL_NAMES, CHANNEL_TYPES, type ChannelType } from '../channel-accounts/channel-types.ts';
import { windowVerdict } from '../outbox/window-policy.ts';
import type {
  BroadcastContent,
  BroadcastContentItem,
  BroadcastLanguage,
  BroadcastSkipReason,
} from './broadcast-vocabulary.ts';

/** One channel of one patient, as the choice weighs it. */
export interface BroadcastChannelOption {
  channel: ChannelType;
  /**
   * What the clinic's sender on this channel says of it, when the clinic can write to the patient there
   * (an account, a sender, the patient's id there); null otherwise.
   */
  reach: { window: WindowPolicy; templates: boolean } | null;
  /** When the patient last wrote in the conversation it would go to (their live one there); null: never. */
  windowFrom: Date | null;
  /** When the patient last wrote on this channel, and the latest message there: the recency order. */
  lastWroteAt: Date | null;
  lastMessageAt: Date | null;
}

export type BroadcastChoice =
  | { kind: 'send'; channel: ChannelType; form: 'text' | 'template' }
  | { kind: 'skip'; reason: BroadcastSkipReason };

/**
 * Where a broadcast goes for one patient. Only channels whose latest word on health information is yes
 * count (`words`: per channel, the latest yes or no; none at all: `no_consent`; only no: `opted_out`).
 * Among those the clinic can reach them on (else `no_channel`), the most recent first — where they last
 * wrote, then the latest message, then WhatsApp first — and the first whose rules let an automated
 * message go now takes it: free text where the window is open or there is none (Telegram, SMS); on
 * WhatsApp outside its 24-hour window only the approved template (none in the broadcast:
 * `template_unavailable`); on Messenger and Instagram nothing outside their window (`window_closed`).
 */
export function chooseBroadcastChannel(
  words: ReadonlyMap<ChannelType, boolean> | undefined,
  options: readonly BroadcastChannelOption[],
  item: BroadcastContentItem,
  now: Date,
): BroadcastChoice {
  if (!words || words.size === 0) return { kind: 'skip', reason: 'no_consent' };
  const agreed = [...words].filter(([, yes]) => yes).map(([channel]) => channel);
  if (agreed.length === 0) return { kind: 'skip', reason: 'opted_out' };
  const reachable = options.filter((o) => agreed.includes(o.channel) && o.reach !== null).sort(byRecency);
  if (reachable.length === 0) return { kind: 'skip', reason: 'no_channel' };
  let firstRefusal: BroadcastSkipReason | undefined;
  for (const option of reachable) {
    const form = formOn(option, item, now);
    if (typeof form === 'string' && (form === 'text' || form === 'template'))
      return { kind: 'send', channel: option.channel, form };
    firstRefusal ??= form.refused;
  }
  return { kind: 'skip', reason: firstRefusal ?? 'window_closed' };
}

function formOn(
  option: BroadcastChannelOption,
  item: BroadcastContentItem,
  now: Date,
): 'text' | 'template' | { refused: BroadcastSkipReason } {
  const { reach } = option;
  if (!reach) return { refused: 'no_channel' };
  const verdict = (template: boolean) =>
    windowVerdict(
      reach.window,
      option.windowFrom,
      { template, byPerson: false },
      now,
      CHANNEL_NAMES[option.channel],
    ).send;
  if (item.text !== undefined && verdict(false)) return 'text';
  if (item.template !== undefined && reach.templates && verdict(true)) return 'template';
  const templatesAfter = reach.window.kind === 'session' && reach.window.after === 'templates';
  return { refused: templatesAfter && reach.templates ? 'template_unavailable' : 'window_closed' };
}

function byRecency(a: BroadcastChannelOption, b: BroadcastChannelOption): number {
  return (
    later(a.lastWroteAt, b.lastWroteAt) ||
    later(a.lastMessageAt, b.lastMessageAt) ||
    CHANNEL_TYPES.indexOf(a.channel) - CHANNEL_TYPES.indexOf(b.channel)
  );
}

function later(a: Date | null, b: Date | null): number {
  return (b?.getTime() ?? -Infinity) - (a?.getTime() ?? -Infinity) || 0;
}

/** The language a patient gets: theirs when the broadcast has it, else the broadcast's default. */
export function broadcastLanguageFor(
  content: BroadcastContent,
  patientLanguage: BroadcastLanguage,
  defaultLanguage: BroadcastLanguage,
): BroadcastLanguage {
  return content[patientLanguage] ? patientLanguage : defaultLanguage;
}

/** What the placeholders of a broadcast stand for, for one patient. */
export interface BroadcastPersonalFields {
  displayName: string | null;
  clinicName: string;
}

/**
 * {{first_name}}, {{last_name}}, {{name}} and {{clinic_name}} (any spacing, any case) replaced with the
 * patient's and the clinic's; an unknown name leaves nothing (« Bonjour , » becomes « Bonjour, »).
 */
export function personalise(text: string, fields: BroadcastPersonalFields): string {
  const words = (fields.displayName ?? '').trim().split(/\s+/).filter(Boolean);
  const values: Record<string, string> = {
    first_name: words[0] ?? '',
    last_name: words.slice(1).join(' '),
    name: words.join(' '),
    clinic_name: fields.clinicName,
  };
  return text
    .replace(/\{\{\s*([a-z_]+)\s*\}\}/gi, (whole, key: string) => values[key.toLowerCase()] ?? whole)
    .replace(/ +([,.])/g, (_m, p: string) => p)
    .replace(/ {2,}/g, ' ');
}

/** The message one patient gets, in the form chosen. */
export function broadcastMessage(
  item: BroadcastContentItem,
  form: 'text' | 'template',
  fields: BroadcastPersonalFields,
): OutboundMessage | null {
  if (form === 'text')
    return item.text === undefined ? null : { type: 'text', text: personalise(item.text, fields) };
  const { template } = item;
  if (!template) return null;
  return {
    type: 'template',
    name: template.name,
    language: template.language,
    components: {
      // Meta refuses an empty value: an unknown name reads as a dash.
      body: template.parameters.map((p) => personalise(p, fields).trim() || '-'),
    },
  };
}
