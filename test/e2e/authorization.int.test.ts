import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_EXTENSION } from '../../src/modules/auth/access-guard.ts';
import { isAccessRule, ruleAdmits } from '../../src/modules/auth/access-rules.ts';
import type { CallerRole } from '../../src/modules/users/caller.ts';
import { USER_ROLES } from '../../src/modules/users/user.schema.ts';
import { isRecord } from '../fuzz/openapi-operations.ts';
import { startTestCareline, type TestCareline } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff } from './inbox-support.ts';
import { signIn } from './settings-support.ts';

/**
 * Every operation of the OpenAPI document, called by every role and by an API key with placeholder ids
 * and bodies: 403 exactly where the operation's rule denies the caller, something else where it admits
 * it (400 and 404 are fine: the placeholders name nothing). An operation without a rule fails here, and
 * a route without one stops Careline from starting.
 */
interface Operation {
  method: string;
  path: string;
  rule: unknown;
}

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
/** Patient data: the auditor reads none of it, whatever the table says. */
const PATIENT_DATA =
  /^\/api\/v1\/(conversations|contacts|appointments|media|search|events|red-flags$|slots|exports)/;

describe.each(TEST_ENGINES)('authorisation of every API operation for every role (%s)', (engine) => {
  let env: TestCareline;
  let operations: Operation[];
  const callers = new Map<CallerRole, Record<string, string>>();

  beforeAll(async () => {
    env = await startTestCareline(engine);
    const clinic = await env.addClinic('Maison de santé des Tilleuls');
    for (const role of USER_ROLES) {
      const member = await addStaff(env, clinic, { name: `Membre ${role}`, role });
      const browser = await signIn(env, member.email);
      callers.set(role, { cookie: browser.cookie, 'x-csrf-token': browser.csrf });
    }
    callers.set('api', { authorization: `Bearer ${clinic.apiKey}` });
    const document: unknown = await (await fetch(`${env.url}/api/v1/openapi.json`)).json();
    operations = operationsWithRules(document);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('every operation of the document declares its rule', () => {
    expect(operations.length).toBeGreaterThan(80);
    const without = operations.filter((o) => !isAccessRule(o.rule)).map((o) => `${o.method} ${o.path}`);
    expect(without).toEqual([]);
  });

  it('an auditor gets 403 on every operation that touches patients, an agent on settings and staff', async () => {
    const auditor = callers.get('auditor') ?? {};
    const agent = callers.get('agent') ?? {};
    const patientOperations = operations.filter((o) => PATIENT_DATA.test(o.path));
    expect(patientOperations.length).toBeGreaterThan(25);
    for (const operation of patientOperations) {
      expect(
        await callWithPlaceholders(env.url, operation, auditor),
        `${operation.method} ${operation.path}`,
      ).toBe(403);
    }
    const adminOnly = [
      { method: 'POST', path: '/api/v1/users', rule: 'staff.manage' },
      { method: 'PUT', path: '/api/v1/safety-settings', rule: 'settings.manage' },
      { method: 'PATCH', path: '/api/v1/access-settings', rule: 'settings.manage' },
      { method: 'POST', path: '/api/v1/flows', rule: 'settings.manage' },
      { method: 'POST', path: '/api/v1/webhook-subscriptions', rule: 'settings.manage' },
      { method: 'GET', path: '/api/v1/webhook-subscriptions', rule: 'settings.manage' },
    ];
    for (const operation of adminOnly)
      expect(await callWithPlaceholders(env.url, operation, agent)).toBe(403);
  });

  it('each role and an API key get 403 exactly where the rule denies them', async () => {
    const wrong: string[] = [];
    // Signing out ends the caller's session: it goes last.
    const ordered = [...operations].sort((a, b) => Number(isSignOut(a)) - Number(isSignOut(b)));
    for (const operation of ordered) {
      for (const [role, headers] of callers) {
        const status = await callWithPlaceholders(env.url, operation, headers);
        const rule = operation.rule;
        const admitted = isAccessRule(rule) && ruleAdmits(rule, role);
        if ((status === 403) === admitted || status >= 500) {
          wrong.push(`${role} ${operation.method} ${operation.path} (${String(rule)}): ${status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

function operationsWithRules(document: unknown): Operation[] {
  const paths = isRecord(document) && isRecord(document.paths) ? document.paths : {};
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of ['get', 'put', 'post', 'patch', 'delete']) {
      const operation = item[method];
      if (isRecord(operation))
        operations.push({ method: method.toUpperCase(), path, rule: operation[ACCESS_EXTENSION] });
    }
  }
  return operations;
}

function isSignOut(operation: Operation): boolean {
  return operation.path === '/api/v1/auth/logout';
}

/** The operation with every path parameter a placeholder and an empty JSON body; only the status is read. */
async function callWithPlaceholders(
  url: string,
  operation: Pick<Operation, 'method' | 'path'>,
  headers: Record<string, string>,
): Promise<number> {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    name === 'key' ? 'placeholder' : PLACEHOLDER_ID,
  );
  const hasBody = !['GET', 'DELETE'].includes(operation.method);
  // The live feed stays open when admitted: its status is all that is wanted.
  const abort = new AbortController();
  const response = await fetch(`${url}${path}`, {
    method: operation.method,
    headers: { ...headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    ...(hasBody ? { body: '{}' } : {}),
    signal: abort.signal,
  });
  abort.abort();
  return response.status;
}
