import { isIPv4, isIPv6 } from 'node:net';

/**
 * What an address is when it is not a public internet address — `loopback`, `private`,
 * `link-local (cloud metadata)`… — or undefined for a public one. A server-side request to a URL a user
 * gave must not reach these: they are the machine itself, the clinic's or the cloud's network. An
 * IPv6 form that carries an IPv4 address (mapped, NAT64, 6to4) is judged by the IPv4 address it carries.
 * Anything that is not an IP address counts as internal: the caller resolves names first.
 */
export function internalRange(address: string): string | undefined {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  if (isIPv4(bare)) return rangeOf(ipv4Bytes(bare), IPV4_RANGES);
  if (!isIPv6(bare)) return 'not an IP address';
  const bytes = ipv6Bytes(bare);
  if (bytes.subarray(0, 15).every((b) => b === 0) && (bytes[15] ?? 0) <= 1) {
    return bytes[15] === 1 ? 'loopback' : 'unspecified';
  }
  for (const carrier of IPV4_CARRIERS) {
    if (inPrefix(bytes, carrier.prefix, carrier.bits)) {
      const carried = bytes.subarray(carrier.at, carrier.at + 4);
      return rangeOf(carried, IPV4_RANGES) ?? (carrier.trusted ? undefined : carrier.name);
    }
  }
  const named = rangeOf(bytes, IPV6_RANGES);
  if (named) return named;
  // Only 2000::/3 is handed out as global unicast; the rest is reserved.
  return (bytes[0] ?? 0) >> 5 === 0b001 ? undefined : 'reserved';
}

interface Range {
  prefix: Uint8Array;
  bits: number;
  name: string;
}

const v4 = (cidr: string, name: string): Range => {
  const [address = '', bits = '32'] = cidr.split('/');
  return { prefix: ipv4Bytes(address), bits: Number(bits), name };
};
const v6 = (cidr: string, name: string): Range => {
  const [address = '', bits = '128'] = cidr.split('/');
  return { prefix: ipv6Bytes(address), bits: Number(bits), name };
};

const IPV4_RANGES: readonly Range[] = [
  v4('0.0.0.0/8', 'unspecified'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'shared (carrier-grade NAT)'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local (cloud metadata)'),
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'protocol assignments'),
  v4('192.0.2.0/24', 'documentation'),
  v4('192.88.99.0/24', 'reserved'),
  v4('192.168.0.0/16', 'private'),
  v4('198.18.0.0/15', 'benchmarking'),
  v4('198.51.100.0/24', 'documentation'),
  v4('203.0.113.0/24', 'documentation'),
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved'),
];

/**
 * IPv6 prefixes that carry an IPv4 address at byte `at`: the connection ends at that IPv4 address (or
 * at a gateway that forwards to it). `trusted` false: even with a public IPv4 inside, not for us.
 */
const IPV4_CARRIERS: readonly (Range & { at: number; trusted: boolean })[] = [
  { ...v6('::ffff:0:0/96', 'IPv4-mapped'), at: 12, trusted: true },
  { ...v6('64:ff9b::/96', 'NAT64'), at: 12, trusted: true },
  { ...v6('2002::/16', '6to4'), at: 2, trusted: true },
  // Deprecated IPv4-compatible addresses: nothing public lives there.
  { ...v6('::/96', 'IPv4-compatible'), at: 12, trusted: false },
];

const IPV6_RANGES: readonly Range[] = [
  v6('64:ff9b:1::/48', 'private (local NAT64)'),
  v6('100::/64', 'discard'),
  v6('2001::/32', 'Teredo'),
  v6('2001:db8::/32', 'documentation'),
  v6('fc00::/7', 'unique-local'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'site-local'),
  v6('ff00::/8', 'multicast'),
];

function rangeOf(bytes: Uint8Array, ranges: readonly Range[]): string | undefined {
  return ranges.find((range) => inPrefix(bytes, range.prefix, range.bits))?.name;
}

function inPrefix(bytes: Uint8Array, prefix: Uint8Array, bits: number): boolean {
  if (bytes.length !== prefix.length) return false;
  for (let bit = 0; bit < bits; bit += 8) {
    const mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
    const index = bit / 8;
    if (((bytes[index] ?? 0) & mask) !== ((prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}

function ipv4Bytes(address: string): Uint8Array {
  return Uint8Array.from(address.split('.').map(Number));
}

/** The 16 bytes of a textual IPv6 address (already checked by isIPv6; a zone id is ignored). */
function ipv6Bytes(address: string): Uint8Array {
  const [text = ''] = address.split('%');
  const [head = '', tail] = text.split('::');
  const groups = (part: string): number[] => {
    if (part === '') return [];
    return part.split(':').flatMap((group) => {
      if (!group.includes('.')) return [Number.parseInt(group, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = ipv4Bytes(group);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all = [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  const bytes = new Uint8Array(16);
  all.forEach((group, i) => {
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  return bytes;
}
