import { createHash } from 'node:crypto';

/**
 * Meta's wamids start with `wamid.`; ours never do, so a stand-in can never be taken for one of theirs,
 * nor a real one for ours.
 */
const PREFIX = 'careline.stand-in.';

/**
 * An id of Careline's for a patient's message whose own id is missing or unusable (too long, control
 * characters), so that the patient's words are still stored. It is a hash of the whole item as received:
 * the same item processed again (a retried job, a redelivery) gets the same id and is stored once, and
 * it quotes nothing of the message.
 */
export function standInMessageId(rawItem: unknown): string {
  return `${PREFIX}${createHash('sha256').update(serialised(rawItem)).digest('hex')}`;
}

/**
 * The item as JSON; one nested deeper than JSON.stringify can recurse (a hostile id 100,000 levels
 * deep) is cut at MAX_DEPTH, which still tells the same item from itself on every redelivery.
 */
function serialised(rawItem: unknown): string {
  try {
    return JSON.stringify(rawItem) ?? '';
  } catch {
    return JSON.stringify(cut(rawItem, MAX_DEPTH)) ?? '';
  }
}

const MAX_DEPTH = 64;

function cut(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth === 0) return '…';
  if (Array.isArray(value)) return value.map((item) => cut(item, depth - 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cut(item, depth - 1)]));
}

/** WhatsApp never issued this id: it cannot be quoted, reacted to or marked read there. */
export function isStandInMessageId(id: string | null | undefined): boolean {
  return id?.startsWith(PREFIX) === true;
}
