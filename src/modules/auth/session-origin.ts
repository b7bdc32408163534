import { isIPv4, isIPv6 } from 'node:net';

/**
 * What a person needs to recognise one of their sessions, and no more: the browser and system
 * families (from a closed list, never the User-Agent itself) and the network it signed in from,
 * cut to its /24 (IPv4) or /48 (IPv6) so that the list does not pinpoint anyone's machine.
 */
export interface SessionOrigin {
  browser: string | null;
  os: string | null;
  ipPrefix: string | null;
}

export function sessionOriginOf(client: {
  userAgent: string | undefined;
  ip: string | undefined;
}): SessionOrigin {
  const userAgent = (client.userAgent ?? '').slice(0, 1000);
  return {
    browser: firstMatch(BROWSERS, userAgent),
    os: firstMatch(SYSTEMS, userAgent),
    ipPrefix: client.ip ? ipPrefixOf(client.ip) : null,
  };
}

/** Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", iPads also say "Mac OS X". */
const BROWSERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:Edg|EdgA|EdgiOS|Edge)\//, 'Edge'],
  [/\b(?:OPR|OPiOS|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\bChromium\//, 'Chromium'],
  [/\b(?:Chrome|HeadlessChrome|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bWindows\b/, 'Windows'],
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\b(?:Macintosh|Mac OS X)\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

function firstMatch(patterns: ReadonlyArray<readonly [RegExp, string]>, userAgent: string): string | null {
  return patterns.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
}

/** `203.0.113.0/24`, `2001:db8:85a3::/48`; an IPv4 address mapped into IPv6 counts as IPv4; else null. */
export function ipPrefixOf(ip: string): string | null {
  const address = ip.replace(/%.*$/, '');
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1];
  const v4 = mapped ?? address;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(address)) return null;
  const groups = ipv6Groups(address);
  const prefix = groups.slice(0, 3).map((group) => Number.parseInt(group, 16).toString(16));
  while (prefix.length > 0 && prefix.at(-1) === '0') prefix.pop();
  return `${prefix.join(':')}::/48`;
}

/** The eight 16-bit groups of a valid IPv6 address, `::` and a dotted IPv4 tail expanded. */
function ipv6Groups(address: string): string[] {
  const withoutV4Tail = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_all, a, b, c, d) =>
    [((Number(a) << 8) | Number(b)).toString(16), ((Number(c) << 8) | Number(d)).toString(16)].join(':'),
  );
  const [head = '', tail] = withoutV4Tail.split('::');
  const headGroups = head ? head.split(':') : [];
  if (tail === undefined) return headGroups;
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = Array.from({ length: 8 - headGroups.length - tailGroups.length }, () => '0');
  return [...headGroups, ...zeros, ...tailGroups];
}
