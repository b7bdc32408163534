import { isIP } from 'node:net';

/**
 * Internal hosts an operator lets Careline call although they are on a private network (an EHR on
 * the clinic's network): a name allows whatever it resolves to, an IP address allows that address
 * whatever name led to it. Every port of an allowed host is allowed.
 */
export class OutboundAllowList {
  readonly #names = new Set<string>();
  readonly #addresses = new Set<string>();

  constructor(hosts: readonly string[]) {
    for (const host of hosts) {
      const canonical = canonicalHost(host);
      if (canonical === undefined) throw new Error(`not a host name or IP address: ${host}`);
      (isIP(canonical) ? this.#addresses : this.#names).add(canonical);
    }
  }

  allowsName(hostname: string): boolean {
    const canonical = canonicalHost(hostname);
    return canonical !== undefined && this.#names.has(canonical);
  }

  allowsAddress(address: string): boolean {
    const canonical = canonicalHost(address);
    return canonical !== undefined && this.#addresses.has(canonical);
  }
}

/**
 * Reads `OUTBOUND_ALLOWED_HOSTS` (comma-separated names or IP addresses, no scheme, port or path).
 * Throws with the entry at fault.
 */
export function parseAllowedHosts(setting: string): string[] {
  const entries = setting
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    if (canonicalHost(entry) === undefined) {
      throw new Error(`"${entry}" is not a host name or IP address (write it without scheme, port or path)`);
    }
  }
  return entries;
}

/**
 * A host as the WHATWG URL parser writes it (lower case, punycode, IPv4 in dotted decimal whatever
 * form it was given in, IPv6 compressed), without IPv6 brackets or a trailing dot; undefined when it
 * is not a bare host.
 */
export function canonicalHost(host: string): string | undefined {
  const text = isIP(host) === 6 ? `[${host}]` : host;
  if (text === '' || /[/?#@\s\\]/.test(text) || /:(?![^[]*\])/.test(text)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(`http://${text}`);
  } catch {
    return undefined;
  }
  if (parsed.port !== '' || parsed.hostname === '') return undefined;
  return parsed.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}
