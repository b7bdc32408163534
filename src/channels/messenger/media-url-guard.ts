import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where an inbound attachment may be fetched from. The URL comes from a webhook body, so a forged or
 * odd one must not turn Careline into a way into its own network: it must be https, and its host must
 * not be (or resolve to) a loopback, private, link-local or otherwise internal address.
 *
 * The one exception is a local Graph: when the account's `graphUrl` itself points at such an address
 * (the simulator on 127.0.0.1 in tests and demos), its attachments live there too, so internal
 * addresses and plain http are allowed for that account. Nothing else opens the door.
 *
 * The check resolves the name once and fetch() resolves it again; a DNS answer that changes in between
 * is not caught. The webhook is signed by Meta, so such a URL would have to come from Meta itself.
 */
export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address is internal (IPv4-mapped IPv6 addresses are judged by their IPv4 part). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return INTERNAL.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether a Graph base URL is a local one (the simulator): its host is an internal address or localhost. */
export function isLocalGraph(graphUrl: string): boolean {
  if (!URL.canParse(graphUrl)) return false;
  const host = hostOf(new URL(graphUrl));
  return host === 'localhost' || (isIP(host) !== 0 && isInternalAddress(host));
}

export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/** Whether `raw` may be fetched, given whether the account's Graph is local. Never throws. */
export async function checkMediaUrl(
  raw: string,
  localGraph: boolean,
  resolve: Resolver = systemResolver,
): Promise<UrlVerdict> {
  if (!URL.canParse(raw)) return { ok: false, reason: 'the attachment URL is not valid' };
  const url = new URL(raw);
  const allowedProtocols = localGraph ? ['https:', 'http:'] : ['https:'];
  if (!allowedProtocols.includes(url.protocol)) {
    return { ok: false, reason: `attachments are fetched over ${allowedProtocols.join(' or ')} only` };
  }
  if (url.username !== '' || url.password !== '')
    return { ok: false, reason: 'the attachment URL holds credentials' };
  if (localGraph) return { ok: true, url };
  const host = hostOf(url);
  if (host === 'localhost' || host.endsWith('.localhost')) return internal();
  if (isIP(host) !== 0) return isInternalAddress(host) ? internal() : { ok: true, url };
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return { ok: false, reason: 'the attachment host does not resolve' };
  }
  if (addresses.length === 0 || addresses.some(isInternalAddress)) return internal();
  return { ok: true, url };
}

function internal(): UrlVerdict {
  return { ok: false, reason: 'the attachment URL points at an internal address' };
}

/** The hostname without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}
