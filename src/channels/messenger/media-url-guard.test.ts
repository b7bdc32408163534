import { describe, expect, it } from 'vitest';
import { checkMediaUrl, isInternalAddress, isLocalGraph } from './media-url-guard.ts';

const publicDns = async () => ['157.240.1.1'];

describe('checkMediaUrl', () => {
  it("accepts Meta's CDN over https", async () => {
    const verdict = await checkMediaUrl(
      'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1',
      false,
      publicDns,
    );
    expect(verdict.ok).toBe(true);
  });

  it.each([
    ['plain http', 'http://cdn.example/a.jpg'],
    ['a file URL', 'file:///etc/passwd'],
    ['loopback', 'https://127.0.0.1/a.jpg'],
    ['loopback written in hex', 'https://0x7f.1/a.jpg'],
    ['localhost', 'https://localhost/a.jpg'],
    ['a private network', 'https://10.1.2.3/a.jpg'],
    ['the cloud metadata address', 'https://169.254.169.254/latest/meta-data'],
    ['IPv6 loopback', 'https://[::1]/a.jpg'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/a.jpg'],
    ['credentials in the URL', 'https://user:pw@cdn.example/a.jpg'],
    ['not a URL', 'not a url'],
  ])('refuses %s', async (_label, url) => {
    expect((await checkMediaUrl(url, false, publicDns)).ok).toBe(false);
  });

  it('refuses a name that resolves inside the network', async () => {
    expect(
      (await checkMediaUrl('https://cdn.example/a.jpg', false, async () => ['157.240.1.1', '192.168.1.5']))
        .ok,
    ).toBe(false);
  });

  it('refuses a name that does not resolve', async () => {
    const failing = async () => Promise.reject(new Error('ENOTFOUND'));
    expect(await checkMediaUrl('https://nowhere.example/a.jpg', false, failing)).toMatchObject({ ok: false });
  });

  it("allows internal addresses and http when the account's Graph is itself local", async () => {
    expect((await checkMediaUrl('http://127.0.0.1:4000/media/1', true, publicDns)).ok).toBe(true);
  });
});

describe('isLocalGraph', () => {
  it.each([
    ['http://127.0.0.1:43117', true],
    ['http://localhost:8080', true],
    ['http://[::1]:8080', true],
    ['https://graph.facebook.com', false],
    ['not a url', false],
  ])('%s → %s', (url, local) => {
    expect(isLocalGraph(url)).toBe(local);
  });
});

describe('isInternalAddress', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.0.1',
    '100.64.0.1',
    '::1',
    'fd00::1',
    'fe80::1',
    '0.0.0.0',
    'x',
  ])('%s is internal', (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each(['157.240.1.1', '2a03:2880:f10c::1'])('%s is not', (address) => {
    expect(isInternalAddress(address)).toBe(false);
  });
});
