import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  test('OUTBOUND_ALLOWED_HOSTS lists internal hosts; a URL or a port in it stops the start, named', () => {
    expect(loadConfig({}).outbound).toEqual({ allowedHosts: [] });
    expect(loadConfig({ OUTBOUND_ALLOWED_HOSTS: 'ehr.clinic.local, 10.0.0.5' }).outbound).toEqual({
      allowedHosts: ['ehr.clinic.local', '10.0.0.5'],
    });
    expect(() => loadConfig({ OUTBOUND_ALLOWED_HOSTS: 'https://ehr.clinic.local:8443' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ OUTBOUND_ALLOWED_HOSTS: 'ehr.clinic.local:8443' })).toThrow(
      /OUTBOUND_ALLOWED_HOSTS: "ehr.clinic.local:8443"/,
    );
  });

  test('the simulator waits for the demo unless told; its token is not a short word', () => {
    expect(loadConfig({}).simulator).toBe('demo');
    expect(loadConfig({ SIMULATOR: 'on' }).simulator).toBe('on');
    expect(loadConfig({ SIMULATOR: 'false' }).simulator).toBe('off');
    expect(() => loadConfig({ SIMULATOR_TOKEN: 'secret' })).toThrow(/SIMULATOR_TOKEN/);
    expect(loadConfig({ SIMULATOR_TOKEN: 'a'.repeat(24) }).simulatorToken).toBe('a'.repeat(24));
  });
});

describe('security settings', () => {
  test('by default no proxy is trusted, limits are on and sessions last 4 idle hours, 12 at most', () => {
    const config = loadConfig({});
    expect(config.trustProxy).toBe(false);
    expect(config.rateLimits).toEqual({
      perIp: { max: 3000, windowMs: 60_000 },
      perApiKey: { max: 1200, windowMs: 60_000 },
      perSession: { max: 600, windowMs: 60_000 },
      signIn: { max: 100, windowMs: 15 * 60_000 },
    });
    expect(config.sessions).toEqual({ idleMs: 4 * 3_600_000, maxAgeMs: 12 * 3_600_000 });
  });

  test('TRUST_PROXY takes only the proxies an operator names', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,loopback,::1' }).trustProxy).toBe(
      '10.0.0.1, 10.1.0.0/16,loopback,::1',
    );
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    for (const everyone of ['true', 'on', '*', '0.0.0.0/33', 'proxy.example', '2'])
      expect(() => loadConfig({ TRUST_PROXY: everyone }), everyone).toThrow(ConfigError);
  });

  test('rate limits read as requests per window, and can be turned off', () => {
    const config = loadConfig({ RATE_LIMIT_PER_API_KEY: '50/s', RATE_LIMIT_SIGN_IN: '20/10m' });
    expect(config.rateLimits?.perApiKey).toEqual({ max: 50, windowMs: 1000 });
    expect(config.rateLimits?.signIn).toEqual({ max: 20, windowMs: 600_000 });
    expect(loadConfig({ RATE_LIMITS: 'off' }).rateLimits).toBeUndefined();
    expect(() => loadConfig({ RATE_LIMIT_PER_IP: 'lots' })).toThrow(/RATE_LIMIT_PER_IP/);
    expect(() => loadConfig({ RATE_LIMIT_PER_IP: '0/1m' })).toThrow(/RATE_LIMIT_PER_IP/);
  });
});

describe('webhook journal retention', () => {
  test("a failed delivery's body is kept 30 days by default, WEBHOOK_FAILED_RETENTION_DAYS otherwise", () => {
    expect(loadConfig({}).webhookFailedRetentionMs).toBe(30 * 86_400_000);
    expect(loadConfig({ WEBHOOK_FAILED_RETENTION_DAYS: '7' }).webhookFailedRetentionMs).toBe(7 * 86_400_000);
    for (const wrong of ['0', '-1', 'forever', '1.5'])
      expect(() => loadConfig({ WEBHOOK_FAILED_RETENTION_DAYS: wrong }), wrong).toThrow(
        /WEBHOOK_FAILED_RETENTION_DAYS/,
      );
  });
});
