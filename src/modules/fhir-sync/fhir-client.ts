import { randomUUID } from 'node:crypto';
import { importJWK, type JWK, SignJWT } from 'jose';
import { z } from 'zod';
import type { GuardedFetch } from '../../platform/net/guarded-fetch.ts';
import { OutboundRequestError } from '../../platform/net/outbound-request-error.ts';
import type { Clock } from '../../platform/time/clock.ts';

/** How Careline signs in to a clinic's FHIR server, with its secrets opened. */
export type FhirCredentials =
  | { kind: 'bearer'; token: string }
  | { kind: 'smart'; clientId: string; scope: string; privateJwk: JWK };

/** A resource as the server gave it: its type, id and version, the rest read by the mappers. */
export interface FhirResource {
  resourceType: string;
  id?: string;
  meta?: { versionId?: string; lastUpdated?: string };
  [field: string]: unknown;
}

/**
 * A FHIR server's refusal or failure, told without the server's words (they may quote patient data):
 * the HTTP status (0 when the server was not reached) and what Careline was doing.
 */
export class FhirRequestError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'FhirRequestError';
    this.status = status;
  }

  /** A server error, a throttle or no answer: the same request may work later. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

const resourceShape = z.looseObject({
  resourceType: z.string(),
  id: z.string().optional(),
  meta: z.looseObject({ versionId: z.string().optional(), lastUpdated: z.string().optional() }).optional(),
});
const bundleShape = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z.array(z.looseObject({ resource: resourceShape.optional() })).optional(),
  link: z.array(z.looseObject({ relation: z.string(), url: z.string() })).optional(),
});
const smartConfiguration = z.looseObject({ token_endpoint: z.string() });
const tokenAnswer = z.looseObject({ access_token: z.string(), expires_in: z.number().optional() });

const TIMEOUT_MS = 15_000;
const MAX_BYTES = 5_000_000;
/** A search follows at most this many `next` pages in one run: the next run goes on. */
const MAX_PAGES = 20;

/**
 * A small FHIR R4 REST client over the guarded HTTP client: search (following `next` links on the same
 * server), read, create, update. SMART Backend Services tokens are fetched with a `private_key_jwt`
 * assertion signed by the clinic's key and kept until shortly before they expire.
 */
export class FhirClient {
  readonly #fetch: GuardedFetch;
  readonly #base: string;
  readonly #credentials: FhirCredentials;
  readonly #clock: Clock;
  #token: { value: string; until: number } | undefined;

  constructor(fetch: GuardedFetch, baseUrl: string, credentials: FhirCredentials, clock: Clock) {
    this.#fetch = fetch;
    this.#base = baseUrl.replace(/\/+$/, '');
    this.#credentials = credentials;
    this.#clock = clock;
  }

  async search(resourceType: string, query: Record<string, string> = {}): Promise<FhirResource[]> {
    const found: FhirResource[] = [];
    let url: string | undefined =
      `${this.#base}/${resourceType}?${new URLSearchParams({ _count: '100', ...query })}`;
    for (let page = 0; url !== undefined && page < MAX_PAGES; page += 1) {
      const bundle = bundleShape.safeParse(await this.#json('GET', url, undefined, `search ${resourceType}`));
      if (!bundle.success)
        throw new FhirRequestError(200, `search ${resourceType}: the answer is not a Bundle`);
      for (const entry of bundle.data.entry ?? []) {
        if (entry.resource?.resourceType === resourceType) found.push(entry.resource as FhirResource);
      }
      const next = bundle.data.link?.find((l) => l.relation === 'next')?.url;
      // A next page elsewhere would take the credentials to another server.
      url = next?.startsWith(`${this.#base}/`) ? next : undefined;
    }
    return found;
  }

  async read(resourceType: string, id: string): Promise<FhirResource> {
    return this.#resource(
      'GET',
      `${this.#base}/${resourceType}/${encodeURIComponent(id)}`,
      undefined,
      `read ${resourceType}`,
    );
  }

  async create(resource: FhirResource): Promise<FhirResource> {
    return this.#resource(
      'POST',
      `${this.#base}/${resource.resourceType}`,
      resource,
      `create ${resource.resourceType}`,
    );
  }

  async update(resource: FhirResource & { id: string }): Promise<FhirResource> {
    const url = `${this.#base}/${resource.resourceType}/${encodeURIComponent(resource.id)}`;
    return this.#resource('PUT', url, resource, `update ${resource.resourceType}`);
  }

  async #resource(method: string, url: string, body: unknown, what: string): Promise<FhirResource> {
    const parsed = resourceShape.safeParse(await this.#json(method, url, body, what));
    if (!parsed.success) throw new FhirRequestError(200, `${what}: the answer is not a FHIR resource`);
    return parsed.data as FhirResource;
  }

  async #json(method: string, url: string, body: unknown, what: string): Promise<unknown> {
    const headers: Record<string, string> = {
      accept: 'application/fhir+json',
      authorization: `Bearer ${await this.#accessToken()}`,
      ...(body === undefined ? {} : { 'content-type': 'application/fhir+json' }),
    };
    const response = await this.#send(
      { url, method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) },
      what,
    );
    if (response.status === 401) this.#token = undefined;
    if (response.status < 200 || response.status >= 300)
      throw new FhirRequestError(response.status, `${what}: the FHIR server answered ${response.status}`);
    return parseJson(response.body, response.status, what);
  }

  async #send(
    request: { url: string; method: string; headers: Record<string, string>; body?: string },
    what: string,
  ) {
    try {
      return await this.#fetch({ ...request, timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES, overflow: 'fail' });
    } catch (error) {
      if (error instanceof OutboundRequestError)
        throw new FhirRequestError(0, `${what}: the FHIR server could not be reached (${error.message})`);
      throw error;
    }
  }

  async #accessToken(): Promise<string> {
    const credentials = this.#credentials;
    if (credentials.kind === 'bearer') return credentials.token;
    if (this.#token && this.#token.until > this.#clock.nowMs()) return this.#token.value;
    const tokenUrl = await this.tokenEndpoint();
    const alg = credentials.privateJwk.kty === 'EC' ? 'ES384' : 'RS384';
    const key = await importJWK(credentials.privateJwk, alg);
    const assertion = await new SignJWT({})
      .setProtectedHeader({
        alg,
        typ: 'JWT',
        ...(credentials.privateJwk.kid ? { kid: credentials.privateJwk.kid } : {}),
      })
      .setIssuer(credentials.clientId)
      .setSubject(credentials.clientId)
      .setAudience(tokenUrl)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime('4m')
      .sign(key);
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: credentials.scope,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    });
    const response = await this.#send(
      {
        url: tokenUrl,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
      },
      'get a SMART access token',
    );
    if (response.status !== 200)
      throw new FhirRequestError(
        response.status,
        `get a SMART access token: the token endpoint answered ${response.status}`,
      );
    const token = tokenAnswer.safeParse(
      parseJson(response.body, response.status, 'get a SMART access token'),
    );
    if (!token.success)
      throw new FhirRequestError(200, 'get a SMART access token: the answer holds no access_token');
    // A minute early, so a token never expires between the check and the call.
    const lifetimeMs = Math.max((token.data.expires_in ?? 300) - 60, 30) * 1000;
    this.#token = { value: token.data.access_token, until: this.#clock.nowMs() + lifetimeMs };
    return token.data.access_token;
  }

  /** The token endpoint the server publishes in `.well-known/smart-configuration`. */
  async tokenEndpoint(): Promise<string> {
    const what = 'read .well-known/smart-configuration';
    const response = await this.#send(
      {
        url: `${this.#base}/.well-known/smart-configuration`,
        method: 'GET',
        headers: { accept: 'application/json' },
      },
      what,
    );
    if (response.status !== 200)
      throw new FhirRequestError(response.status, `${what}: the server answered ${response.status}`);
    const parsed = smartConfiguration.safeParse(parseJson(response.body, response.status, what));
    if (!parsed.success) throw new FhirRequestError(200, `${what}: no token_endpoint`);
    return parsed.data.token_endpoint;
  }
}

function parseJson(body: Buffer, status: number, what: string): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new FhirRequestError(status, `${what}: the answer is not JSON`);
  }
}
