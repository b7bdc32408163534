import type { Resource } from '@medplum/fhirtypes';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../../platform/http/problem.ts';
import { refusedValueProblem } from '../../platform/http/refused-value.ts';
import { FhirError, type IssueCode, operationOutcome } from './fhir-outcome.ts';

export const FHIR_JSON = 'application/fhir+json';

/** The issue code FHIR uses for each refusal status (http://hl7.org/fhir/http.html). */
const CODE_OF_STATUS: Record<number, IssueCode> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  405: 'not-supported',
  406: 'not-supported',
  409: 'conflict',
  410: 'deleted',
  412: 'conflict',
  413: 'too-costly',
  415: 'not-supported',
  422: 'business-rule',
  428: 'security',
  429: 'throttled',
  503: 'transient',
};

/**
 * The /fhir scope speaks FHIR only: bodies read as `application/fhir+json` (or plain JSON), every
 * answer `application/fhir+json`, every refusal an OperationOutcome — whatever raised it: the shared
 * guard's HttpProblem (401, 403, 428), Fastify's body parser (bad JSON, 413, 415), the database refusing
 * a value, or a route's FhirError.
 */
export function speakFhir(scope: FastifyInstance): void {
  // Patient data stays out of shared and browser caches, as on /api (security-headers.ts).
  scope.addHook('onRequest', async (_request, reply) => {
    reply.raw.setHeader('cache-control', 'no-store');
  });
  scope.addContentTypeParser(FHIR_JSON, { parseAs: 'string' }, parseJsonBody);
  // FHIR bodies are JSON: any other type is 415, not a string a route would misread.
  scope.removeContentTypeParser('text/plain');
  scope.setErrorHandler((error: FastifyError, request, reply) => {
    const fhir = toFhirError(error);
    if (fhir.status >= 500) request.log.error({ err: error }, 'FHIR request failed');
    return sendOutcome(reply, fhir);
  });
  const notImplemented = (request: FastifyRequest, reply: FastifyReply) =>
    sendOutcome(
      reply,
      new FhirError(
        404,
        'not-supported',
        `${request.method} ${pathOf(request).slice(0, 200)} is not an interaction of this server (see metadata)`,
      ),
    );
  scope.setNotFoundHandler(notImplemented);
  // The web app answers every other GET with its page: under /fhir, an unknown path is FHIR's 404.
  scope.all('/*', { config: { access: 'public' } }, notImplemented);
}

/** A JSON body (FHIR resources, JSON Patch documents); malformed JSON is a 400 OperationOutcome. */
export function parseJsonBody(
  _request: FastifyRequest,
  body: string | Buffer,
  done: (err: Error | null, body?: unknown) => void,
): void {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  if (text.trim() === '') {
    done(null, undefined);
    return;
  }
  try {
    done(null, JSON.parse(text));
  } catch {
    done(FhirError.invalid('body', 'is not valid JSON'));
  }
}

export function toFhirError(error: unknown): FhirError {
  if (error instanceof FhirError) return error;
  if (error instanceof HttpProblem) {
    const fields = error.errors.map((e) => e.field);
    return new FhirError(error.status, CODE_OF_STATUS[error.status] ?? 'processing', error.detail, fields);
  }
  const refused = refusedValueProblem(error);
  if (refused) return new FhirError(refused.problem.status, 'invalid', refused.problem.detail);
  const status = statusOf(error);
  if (status !== undefined && status < 500) {
    const message = error instanceof Error ? error.message : 'The request cannot be processed';
    return new FhirError(status, CODE_OF_STATUS[status] ?? 'invalid', message);
  }
  return new FhirError(500, 'exception', 'Something went wrong on our side; it has been logged.');
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  return typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

export function sendOutcome(reply: FastifyReply, error: FhirError): FastifyReply {
  return sendResource(reply.code(error.status), operationOutcome(error));
}

export function sendResource(reply: FastifyReply, resource: Resource): FastifyReply {
  return reply.type(`${FHIR_JSON}; charset=utf-8`).serializer(JSON.stringify).send(resource);
}

export function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? request.url;
}

const publicBases = new WeakMap<FastifyRequest, string>();

/**
 * Links of this request point under the operator's public URL (PUBLIC_URL): behind a reverse proxy the
 * host Careline sees is not the one the EHR called, and a paging link to it would lead nowhere.
 */
export function linkUnderPublicUrl(request: FastifyRequest, publicUrl: string, prefix: string): void {
  publicBases.set(request, `${publicUrl.replace(/\/+$/, '')}${prefix}`);
}

/** The server's base: fullUrl and paging links are absolute (the public URL, else as the caller reached it). */
export function baseUrlOf(request: FastifyRequest, prefix: string): string {
  return publicBases.get(request) ?? `${request.protocol}://${request.host}${prefix}`;
}
