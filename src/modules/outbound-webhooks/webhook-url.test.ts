import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from './webhook-url.ts';

describe('webhookUrlProblem', () => {
  it('takes a public https URL', () => {
    expect(webhookUrlProblem('https://hooks.example.org/careline?x=1', [])).toBeNull();
  });

  it.each([
    ['http://hooks.example.org/', 'must be an https URL'],
    ['ftp://hooks.example.org/', 'must be an https URL'],
    ['not a url', 'must be an absolute https URL'],
    ['https://169.254.169.254/latest/meta-data', 'must not point to an internal address'],
    ['https://127.0.0.1:8443/', 'must not point to an internal address'],
    ['https://[::1]/', 'must not point to an internal address'],
    ['https://10.1.2.3/', 'must not point to an internal address'],
    ['https://0x7f000001/', 'must not point to an internal address'],
    ['https://localhost/', 'must not point to an internal address'],
    ['https://user:pass@hooks.example.org/', 'must not hold a user name or password'],
    [`https://hooks.example.org/${'a'.repeat(100_000)}`, 'must be at most 2048 characters'],
  ])('refuses %s', (url, problem) => {
    expect(webhookUrlProblem(url, [])).toBe(problem);
  });

  it('lets http and an internal address through when the operator allowed the host', () => {
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', ['127.0.0.1'])).toBeNull();
    expect(webhookUrlProblem('http://ehr.clinic.lan/hook', ['ehr.clinic.lan'])).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', ['10.0.0.1'])).toBe('must be an https URL');
  });
});
