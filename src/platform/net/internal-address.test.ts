import { describe, expect, test } from 'vitest';
import { internalRange } from './internal-address.ts';
import { canonicalHost, parseAllowedHosts } from './outbound-allow-list.ts';

describe('internalRange', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'shared (carrier-grade NAT)'],
    ['100.127.255.255', 'shared (carrier-grade NAT)'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local (cloud metadata)'],
    ['::ffff:10.0.0.5', 'private'],
    ['64:ff9b::169.254.169.254', 'link-local (cloud metadata)'],
    ['2002:7f00:1::', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['::8.8.8.8', 'IPv4-compatible'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['fd00:ec2::254', 'unique-local'],
    ['2001:db8::1', 'documentation'],
    ['localhost', 'not an IP address'],
  ])('%s is %s', (address, range) => {
    expect(internalRange(address)).toBe(range);
  });

  test.each([
    '8.8.8.8',
    '93.184.215.14',
    '100.128.0.1',
    '172.32.0.1',
    '169.255.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('%s is public', (address) => {
    expect(internalRange(address)).toBeUndefined();
  });
});

describe('OUTBOUND_ALLOWED_HOSTS entries', () => {
  test('names and addresses are written the way URLs write them', () => {
    expect(canonicalHost('EHR.Clinic.Local.')).toBe('ehr.clinic.local');
    expect(canonicalHost('0x0a.0.0.5')).toBe('10.0.0.5');
    expect(canonicalHost('fd00::0001')).toBe('fd00::1');
    expect(canonicalHost('[fd00::1]')).toBe('fd00::1');
  });

  test('a scheme, port or path is refused with the entry named', () => {
    expect(parseAllowedHosts(' ehr.clinic.local , 10.0.0.5,,')).toEqual(['ehr.clinic.local', '10.0.0.5']);
    for (const entry of [
      'http://ehr.local',
      'ehr.local:8443',
      'ehr.local/api',
      'user@ehr.local',
      '[::1]:80',
    ]) {
      expect(() => parseAllowedHosts(`10.0.0.5,${entry}`)).toThrow(entry);
    }
  });
});
