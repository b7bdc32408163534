import type { InboundRecord, SendRecord, SimTemplate } from './simulator-api.ts';

/** What the patient's phone shows of one message the clinic sent. */
export type ClinicContent =
  | { kind: 'text'; text: string }
  | { kind: 'image' | 'video' | 'sticker' | 'audio'; caption: string | null }
  | { kind: 'document'; fileName: string | null; caption: string | null }
  | { kind: 'buttons'; body: string; buttons: Array<{ id: string; title: string }> }
  | {
      kind: 'list';
      body: string;
      button: string;
      rows: Array<{ id: string; title: string; description: string | null }>;
    }
  | { kind: 'link'; body: string; label: string; url: string }
  | { kind: 'template'; text: string; quickReplies: Array<{ payload: string; text: string }> }
  | { kind: 'location'; name: string | null; address: string | null }
  | { kind: 'contacts'; names: string[] };

export type ChatItem =
  | {
      side: 'clinic';
      key: string;
      wamid: string;
      at: string;
      content: ClinicContent;
      replyTo: string | null;
    }
  | { side: 'me'; key: string; wamid: string; at: string; record: InboundRecord; reaction: string | null };

/** Statuses after which the patient's phone has the message. */
const ON_THE_PHONE = new Set(['delivered', 'read', 'played']);

/** The conversation as the patient's phone shows it: their messages and the clinic's, oldest first. */
export function chatOf(
  waId: string,
  sends: SendRecord[],
  received: InboundRecord[],
  templates: SimTemplate[],
): ChatItem[] {
  const reactions = new Map<string, string>();
  const clinic: ChatItem[] = [];
  for (const send of sends) {
    if (send.response.httpStatus !== 200 || !send.wamid || !ON_THE_PHONE.has(send.status ?? '')) continue;
    const request = record(send.request);
    if (!request || digits(text(request.to)) !== waId) continue;
    if (request.type === 'reaction') {
      const reaction = record(request.reaction);
      const target = text(reaction?.message_id);
      if (target) reactions.set(target, text(reaction?.emoji));
      continue;
    }
    const content = contentOf(request, templates);
    if (!content) continue;
    clinic.push({
      side: 'clinic',
      key: send.wamid,
      wamid: send.wamid,
      at: send.receivedAt,
      content,
      replyTo: text(record(request.context)?.message_id) || null,
    });
  }
  const mine: ChatItem[] = received
    .filter((message) => message.waId === waId && message.type !== 'reaction')
    .map((message) => ({
      side: 'me',
      key: message.wamid,
      wamid: message.wamid,
      at: message.sentAt,
      record: message,
      reaction: reactions.get(message.wamid) || null,
    }));
  return [...clinic, ...mine].sort((a, b) => a.at.localeCompare(b.at));
}

function contentOf(request: Record<string, unknown>, templates: SimTemplate[]): ClinicContent | null {
  const type = text(request.type);
  const payload = record(request[type]);
  switch (type) {
    case 'text':
      return { kind: 'text', text: text(payload?.body) };
    case 'image':
    case 'video':
    case 'sticker':
    case 'audio':
      return { kind: type, caption: text(payload?.caption) || null };
    case 'document':
      return {
        kind: 'document',
        fileName: text(payload?.filename) || null,
        caption: text(payload?.caption) || null,
      };
    case 'location':
      return { kind: 'location', name: text(payload?.name) || null, address: text(payload?.address) || null };
    case 'contacts': {
      const cards = Array.isArray(request.contacts) ? request.contacts : [];
      return {
        kind: 'contacts',
        names: cards.map((card) => text(record(record(card)?.name)?.formatted_name)),
      };
    }
    case 'interactive':
      return interactiveOf(payload);
    case 'template':
      return templateOf(payload, templates);
    default:
      return null;
  }
}

function interactiveOf(payload: Record<string, unknown> | null): ClinicContent | null {
  const body = text(record(payload?.body)?.text);
  const action = record(payload?.action);
  switch (text(payload?.type)) {
    case 'button': {
      const buttons = (Array.isArray(action?.buttons) ? action.buttons : []).map((button) => {
        const reply = record(record(button)?.reply);
        return { id: text(reply?.id), title: text(reply?.title) };
      });
      return { kind: 'buttons', body, buttons };
    }
    case 'list': {
      const sections = Array.isArray(action?.sections) ? action.sections : [];
      const rows = sections.flatMap((section) => {
        const list = record(section)?.rows;
        return (Array.isArray(list) ? list : []).map((row) => {
          const r = record(row);
          return { id: text(r?.id), title: text(r?.title), description: text(r?.description) || null };
        });
      });
      return { kind: 'list', body, button: text(action?.button), rows };
    }
    case 'cta_url': {
      const parameters = record(action?.parameters);
      return { kind: 'link', body, label: text(parameters?.display_text), url: text(parameters?.url) };
    }
    default:
      return body ? { kind: 'text', text: body } : null;
  }
}

/** A template as the patient reads it: the approved body with the clinic's values in its blanks. */
function templateOf(payload: Record<string, unknown> | null, templates: SimTemplate[]): ClinicContent {
  const name = text(payload?.name);
  const language = text(record(payload?.language)?.code);
  const components = Array.isArray(payload?.components) ? payload.components.map(record) : [];
  const values = components
    .filter((component) => text(component?.type) === 'body')
    .flatMap((component) => (Array.isArray(component?.parameters) ? component.parameters : []))
    .map((parameter) => text(record(parameter)?.text));
  const payloads = components
    .filter((component) => text(component?.type) === 'button')
    .map((component) => {
      const parameters = Array.isArray(component?.parameters) ? component.parameters : [];
      return text(record(parameters[0])?.payload);
    });
  const template = templates.find((candidate) => candidate.name === name && candidate.language === language);
  const body = template?.components.find((component) => component.type === 'BODY')?.text ?? name;
  const filled = body.replace(/\{\{\s*(\d+)\s*\}\}/g, (_whole, n: string) => values[Number(n) - 1] ?? '…');
  const quickReplies = (template?.components.find((component) => component.type === 'BUTTONS')?.buttons ?? [])
    .filter((button) => button.type === 'QUICK_REPLY' && button.text)
    .map((button, index) => ({ payload: payloads[index] || (button.text ?? ''), text: button.text ?? '' }));
  return { kind: 'template', text: filled, quickReplies };
}

export function digits(value: string): string {
  return value.replace(/\D/g, '');
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
