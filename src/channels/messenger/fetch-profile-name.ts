import { toStorableText } from '../../platform/text/storable-text.ts';
import type { Fetch } from './graph-http.ts';
import { type GraphAccess, graphCall, redact } from './messenger-graph-access.ts';
import type { MetaMessagingChannel } from './meta-messaging-channel.ts';

export type ProfileNameLookup =
  | { ok: true; name: string | null }
  | { ok: false; disposition: 'retry' | 'fail'; title: string };

/**
 * The name a person shows on Messenger or Instagram, fetched once when they first write (webhooks carry
 * only their scoped id). Messenger's User Profile API gives `first_name` and `last_name`; Instagram's
 * gives `name` (often empty) and `username`. A person may refuse the profile permission: `name: null`
 * then, not an error.
 */
export async function fetchProfileName(
  access: GraphAccess,
  userId: string,
  options: { channel: MetaMessagingChannel; fetch?: Fetch; timeoutMs?: number },
): Promise<ProfileNameLookup> {
  const fields = options.channel === 'instagram' ? 'name,username' : 'first_name,last_name';
  const path = `/${encodeURIComponent(userId)}?fields=${fields}`;
  const exchange = await graphCall(
    options.fetch ?? fetch,
    access,
    'GET',
    path,
    undefined,
    options.timeoutMs ?? 15_000,
  );
  if (exchange.kind !== 'answered') {
    return {
      ok: false,
      disposition: 'retry',
      title: redact(`Could not fetch the profile: ${exchange.reason}`, access.token),
    };
  }
  const body = exchange.body;
  if (exchange.status < 200 || exchange.status >= 300 || !isRecord(body)) {
    const passing = exchange.status >= 500 || exchange.status === 429;
    return {
      ok: false,
      disposition: passing ? 'retry' : 'fail',
      title: `The profile could not be read (HTTP ${exchange.status})`,
    };
  }
  const field = (key: string) => {
    const value = body[key];
    const text = typeof value === 'string' ? toStorableText(value.trim().slice(0, 256)) : '';
    return text === '' ? null : text;
  };
  const parts =
    options.channel === 'instagram'
      ? [field('name') ?? field('username')]
      : [field('first_name'), field('last_name')];
  const name = parts.filter((part) => part !== null).join(' ');
  return { ok: true, name: name === '' ? null : name };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
