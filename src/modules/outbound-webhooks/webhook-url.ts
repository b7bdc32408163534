import { isIP } from 'node:net';
import { internalRange } from '../../platform/net/internal-address.ts';
import { OutboundAllowList } from '../../platform/net/outbound-allow-list.ts';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/**
 * Why a receiver's URL is refused, or null when Careline may send to it: https, or http to a host the
 * operator allowed (OUTBOUND_ALLOWED_HOSTS); no credentials in it; no internal address written in it
 * unless allowed. A name that resolves inside is caught by the guarded client at each delivery.
 */
export function webhookUrlProblem(url: string, allowedHosts: readonly string[]): string | null {
  if (url.length > MAX_WEBHOOK_URL_LENGTH) return `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute https URL';
  }
  const allowList = new OutboundAllowList(allowedHosts);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const allowed = allowList.allowsName(host) || allowList.allowsAddress(host);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && allowed)) {
    return 'must be an https URL';
  }
  if (parsed.username !== '' || parsed.password !== '') return 'must not hold a user name or password';
  const internal =
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    (isIP(host) !== 0 && internalRange(host) !== undefined);
  if (internal && !allowed) return 'must not point to an internal address';
  return null;
}
