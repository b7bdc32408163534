import type { ChannelCapabilities, WindowPolicy } from '../../channels/channel-capabilities.ts';
import { CHANNEL_TYPES, type ChannelType } from '../channel-accounts/channel-types.ts';
import { isWindowOpen } from '../outbox/window-policy.ts';

/**
 * How a reminder is written on the channel chosen: `buttons` — Confirm / Cancel / Reschedule under the
 * text (free-form, so only where the channel lets the clinic write now); `template` — the approved
 * template with the same quick replies (WhatsApp outside its 24-hour window); `text` — the words with
 * "reply yes / cancel / move" where the channel cannot show the three buttons.
 */
export type ReminderForm = 'buttons' | 'template' | 'text';

/**
 * Why no channel could carry it: `no_consent` — the patient agreed to reminders on no channel;
 * `no_channel` — they did, but not on a channel the clinic can write to them on (no account, no sender,
 * no id of theirs there); `channel_window_closed` — every such channel allows nothing automated now
 * (Messenger, Instagram: only inside the 24 hours after the patient's last message).
 */
export type ReminderSkipReason = 'no_consent' | 'no_channel' | 'channel_window_closed' | ReminderBlockReason;

/**
 * Why a channel the patient agreed on cannot carry the reminder although the clinic can reach them
 * there: `template_unavailable` — WhatsApp outside its window and the template paused, rejected or
 * missing; `not_on_whatsapp` — Meta answered 131026 to an earlier try; `line_quota_reached` — the LINE
 * account's monthly push quota would be exceeded; `send_failed` — the provider failed an earlier try.
 */
export type ReminderBlockReason =
  | 'template_unavailable'
  | 'not_on_whatsapp'
  | 'line_quota_reached'
  | 'send_failed';

/** Why the first channel could not carry it, when the next one did. */
export type ReminderFallbackReason = ReminderSkipReason;

/** What the clinic's rules add to the choice. */
export interface ReminderChannelRules {
  /** The clinic's order, first choice first; empty: the patient's most recent channel first. */
  order?: readonly ChannelType[];
  /** Channels that cannot carry it now, and why. */
  blocked?: ReadonlyMap<ChannelType, ReminderBlockReason>;
  /** It fell back once already: the first channel able carries it, no second fallback is recorded. */
  fellBack?: boolean;
}

/** One channel as the choice sees it, for one patient. */
export interface ReminderChannelOption {
  channel: ChannelType;
  /** The patient's latest word on appointment reminders on this channel is yes. */
  consented: boolean;
  /**
   * What the clinic's sender on this channel says of it, when the clinic can write to the patient there
   * (an account of this type, a sender for it, and the patient's id on the channel); null otherwise.
   */
  reach: { window: WindowPolicy; capabilities: ChannelCapabilities } | null;
  /** When the patient last wrote to the clinic on this channel; null: never. */
  lastWroteAt: Date | null;
  /** The last message (either way) of the patient's latest conversation on this channel; null: none. */
  lastMessageAt: Date | null;
  /**
   * When the patient last wrote in the conversation the reminder would go to on this channel (their
   * live one); null when they never wrote in it or a new conversation would be opened. The window runs
   * from there, as the outbox judges it.
   */
  windowFrom: Date | null;
}

export type ReminderChannelChoice =
  | {
      kind: 'send';
      channel: ChannelType;
      form: ReminderForm;
      /** The first channel could not carry it: which, and why (at most once per reminder). */
      fallback?: { from: ChannelType; reason: ReminderFallbackReason };
    }
  | { kind: 'skip'; reason: ReminderSkipReason };

/** The reminder's reply buttons, as they would be sent. */
export interface ReminderButtons {
  buttons: ReadonlyArray<{ id: string; title: string }>;
}

/**
 * Where a reminder goes, among the channels the patient agreed to reminders on and the clinic can reach
 * them on. The channel of the patient's most recent conversation is preferred: the one where they last
 * wrote to the clinic (the clinic's own messages do not count — a reminder opens or touches a
 * conversation, and the first reminder's channel would otherwise keep every later one), then the one
 * whose conversation last had any message, then the order of `CHANNEL_TYPES` (WhatsApp first). The first
 * of them whose rules let an automated message go now takes it: Telegram always (no window); WhatsApp
 * with buttons inside its window, the approved template outside; Messenger and Instagram only inside
 * their 24-hour window (after it, only a person may reply, with the HUMAN_AGENT tag) — outside it the
 * next channel is tried. The buttons go where the channel's capabilities hold all three (count, title
 * and id lengths), else the words alone with what to reply.
 *
 * With the clinic's order (`rules.order`), its channels come first in that order, then the others the
 * patient agreed on by recency. Either way, when the first channel cannot carry the reminder (no
 * consent or no id of the patient there, its window closed, or `rules.blocked`: template unusable,
 * LINE quota reached, an earlier failure), the next that can takes over and the choice says so
 * (`fallback`) — unless the reminder fell back already (`rules.fellBack`).
 */
export function chooseReminderChannel(
  options: readonly ReminderChannelOption[],
  reminder: ReminderButtons,
  now: Date,
  rules: ReminderChannelRules = {},
): ReminderChannelChoice {
  const consented = options.filter((o) => o.consented);
  if (consented.length === 0) return { kind: 'skip', reason: 'no_consent' };
  const reachable = consented.filter((o) => o.reach !== null);
  if (reachable.length === 0) return { kind: 'skip', reason: 'no_channel' };
  const order = rules.order ?? [];
  const recent = (of: readonly ReminderChannelOption[]) => [...of].sort(byRecency).map((o) => o.channel);
  // With the clinic's order: its channels first, then the others the patient agreed on, latest first.
  const candidates =
    order.length === 0
      ? recent(reachable)
      : [...order, ...recent(consented).filter((c) => !order.includes(c))];
  const byChannel = new Map(options.map((o) => [o.channel, o]));
  const verdicts = candidates.map((channel) => ({
    channel,
    verdict: verdictOn(byChannel.get(channel), rules.blocked?.get(channel), reminder, now),
  }));
  const [first] = verdicts;
  for (const { channel, verdict } of verdicts) {
    if (verdict.kind === 'refused') continue;
    const fellBackNow =
      first && first.channel !== channel && first.verdict.kind === 'refused' && !rules.fellBack;
    return {
      kind: 'send',
      channel,
      form: verdict.form,
      ...(fellBackNow && first.verdict.kind === 'refused'
        ? { fallback: { from: first.channel, reason: first.verdict.reason } }
        : {}),
    };
  }
  // None can: why the first channel the clinic can reach the patient on cannot.
  const reason = verdicts
    .map((v) => (v.verdict.kind === 'refused' ? v.verdict.reason : undefined))
    .find((r) => r !== undefined && r !== 'no_consent' && r !== 'no_channel');
  return { kind: 'skip', reason: reason ?? 'channel_window_closed' };
}

type Verdict = { kind: 'form'; form: ReminderForm } | { kind: 'refused'; reason: ReminderSkipReason };

function verdictOn(
  option: ReminderChannelOption | undefined,
  blocked: ReminderBlockReason | undefined,
  reminder: ReminderButtons,
  now: Date,
): Verdict {
  if (!option?.consented) return { kind: 'refused', reason: 'no_consent' };
  if (!option.reach) return { kind: 'refused', reason: 'no_channel' };
  if (blocked) return { kind: 'refused', reason: blocked };
  const form = formOn(option, reminder, now);
  return form ? { kind: 'form', form } : { kind: 'refused', reason: 'channel_window_closed' };
}

/** How the reminder may go on this channel now, or null when the channel allows nothing automated. */
export function formOn(
  option: Pick<ReminderChannelOption, 'reach' | 'windowFrom'>,
  reminder: ReminderButtons,
  now: Date,
): ReminderForm | null {
  const { reach } = option;
  if (!reach) return null;
  const freeForm: ReminderForm = buttonsFit(reach.capabilities, reminder) ? 'buttons' : 'text';
  const { window } = reach;
  if (window.kind === 'none') return freeForm;
  if (isWindowOpen(option.windowFrom, window.hours, now)) return freeForm;
  return window.after === 'templates' && reach.capabilities.templates ? 'template' : null;
}

/** Whether the channel shows every one of the reminder's buttons, titles and ids whole. */
export function buttonsFit(capabilities: ChannelCapabilities, reminder: ReminderButtons): boolean {
  const shown = capabilities.buttons;
  if (!shown || !capabilities.outboundTypes.includes('buttons')) return false;
  return (
    reminder.buttons.length <= shown.max &&
    reminder.buttons.every(
      // Titles in characters; ids in UTF-8 bytes, never fewer than characters (Telegram counts bytes).
      (b) => [...b.title].length <= shown.titleLength && Buffer.byteLength(b.id) <= shown.idLength,
    )
  );
}

function byRecency(a: ReminderChannelOption, b: ReminderChannelOption): number {
  return (
    later(a.lastWroteAt, b.lastWroteAt) ||
    later(a.lastMessageAt, b.lastMessageAt) ||
    CHANNEL_TYPES.indexOf(a.channel) - CHANNEL_TYPES.indexOf(b.channel)
  );
}

/** Negative when `a` is the more recent (a date beats none). */
function later(a: Date | null, b: Date | null): number {
  return (b?.getTime() ?? -Infinity) - (a?.getTime() ?? -Infinity) || 0;
}
