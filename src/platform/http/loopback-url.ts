import type { AddressInfo } from 'node:net';

/** Where this process can reach its own server, whatever interface it listens on. */
export function loopbackUrl(address: string | AddressInfo | null): string {
  if (address === null || typeof address === 'string') throw new Error('server is not listening on TCP');
  const wildcard = address.address === '::' || address.address === '0.0.0.0';
  const host = wildcard ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
