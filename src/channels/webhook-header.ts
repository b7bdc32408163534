import type { WebhookRequest } from './channel-adapter.ts';

/** Node lowercases header names; a hand-built request may not have, so the name is matched either way. */
export function headerValue(headers: WebhookRequest['headers'], name: string): string | undefined {
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
