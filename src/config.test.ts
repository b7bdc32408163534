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
