import { describe, expect, test } from 'vitest';
import { ipPrefixOf, sessionOriginOf } from './session-origin.ts';

/** Real User-Agent strings of current browsers. */
const USER_AGENTS: Array<[string, string, string]> = [
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'Chrome',
    'Windows',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
    'Edge',
    'Windows',
  ],
  ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox', 'Linux'],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    'Safari',
    'macOS',
  ],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    'Safari',
    'iOS',
  ],
  [
    'Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
    'Chrome',
    'iOS',
  ],
  [
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
    'Samsung Internet',
    'Android',
  ],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0',
    'Opera',
    'macOS',
  ],
  [
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'Chrome',
    'ChromeOS',
  ],
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    'Chrome',
    'Linux',
  ],
];

describe('what a session shows of where it came from', () => {
  test.each(USER_AGENTS)('%s is %s on %s', (userAgent, browser, os) => {
    expect(sessionOriginOf({ userAgent, ip: undefined })).toEqual({ browser, os, ipPrefix: null });
  });

  test('an unknown or missing User-Agent is kept as unknown, never stored as given', () => {
    for (const userAgent of [undefined, '', 'curl/8.5.0', 'x'.repeat(100_000), '<script>alert(1)</script>']) {
      expect(sessionOriginOf({ userAgent, ip: undefined })).toEqual({
        browser: null,
        os: null,
        ipPrefix: null,
      });
    }
  });

  test('the address is cut to its /24 or /48 network', () => {
    expect(ipPrefixOf('203.0.113.57')).toBe('203.0.113.0/24');
    expect(ipPrefixOf('::ffff:198.51.100.7')).toBe('198.51.100.0/24');
    expect(ipPrefixOf('2001:0db8:85a3:0000:0000:8a2e:0370:7334')).toBe('2001:db8:85a3::/48');
    expect(ipPrefixOf('2001:db8::1')).toBe('2001:db8::/48');
    expect(ipPrefixOf('2a01:e0a:1f:2b40::1%eth0')).toBe('2a01:e0a:1f::/48');
    expect(ipPrefixOf('::1')).toBe('::/48');
    expect(ipPrefixOf('64:ff9b::192.0.2.33')).toBe('64:ff9b::/48');
  });

  test('anything that is not an address gives no network', () => {
    for (const ip of ['', 'localhost', '999.1.1.1', '1.2.3', 'fe80:::1', '203.0.113.57/24']) {
      expect(ipPrefixOf(ip)).toBeNull();
    }
  });
});
