import { randomBytes } from 'node:crypto';
import { ERROR_TITLES, type ErrorCodes, type ErrorKind } from './graph-error-codes.ts';
import type { RandomSource } from './random-source.ts';

/** The body Graph returns on failure (§1.7 of channels.md); field names are Meta's. */
export interface GraphErrorBody {
  error: {
    message: string;
    type: 'OAuthException' | 'GraphMethodException';
    code: number;
    error_subcode?: number;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    fbtrace_id: string;
  };
}

export interface GraphErrorResponse {
  httpStatus: number;
  body: GraphErrorBody;
}

/** Error 190: the bearer token is missing or not one this number accepts. */
export function invalidTokenError(): GraphErrorResponse {
  return {
    httpStatus: 401,
    body: {
      error: {
        message: 'Invalid OAuth access token - Cannot parse access token',
        type: 'OAuthException',
        code: 190,
        fbtrace_id: newFbtraceId(),
      },
    },
  };
}

/** Error 100/33: the object (phone number, media, WABA) does not exist or this token may not use it. */
export function objectNotFoundError(objectId: string, method: 'get' | 'post' | 'delete' = 'post') {
  return {
    httpStatus: 400,
    body: {
      error: {
        message:
          `Unsupported ${method} request. Object with ID '${objectId}' does not exist, cannot be loaded due to ` +
          'missing permissions, or does not support this operation. Please read the Graph API documentation ' +
          'at https://developers.facebook.com/docs/graph-api',
        type: 'GraphMethodException',
        code: 100,
        error_subcode: 33,
        fbtrace_id: newFbtraceId(),
      },
    },
  } satisfies GraphErrorResponse;
}

/** Error 100 on a send body: `message` is Graph's headline, `details` names the parameter. */
export function invalidParameterError(message: string, details: string): GraphErrorResponse {
  return graphErrorWith({ code: 100, message, details });
}

/** A WhatsApp error of the catalogue: `(#code) title`, with details naming the parameter and limit. */
export function whatsAppError(
  kind: ErrorKind,
  codes: ErrorCodes,
  details: string,
  httpStatus = 400,
): GraphErrorResponse {
  const code = codes[kind];
  return graphErrorWith({ code, message: `(#${code}) ${ERROR_TITLES[kind]}`, details, httpStatus });
}

/** Any Graph error with WhatsApp `error_data`, e.g. injected ones (4, 80007, 368). */
export function graphErrorWith(error: {
  code: number;
  message: string;
  details: string;
  httpStatus?: number;
}): GraphErrorResponse {
  return {
    httpStatus: error.httpStatus ?? 400,
    body: {
      error: {
        message: error.message,
        type: 'OAuthException',
        code: error.code,
        error_data: { messaging_product: 'whatsapp', details: error.details },
        fbtrace_id: newFbtraceId(),
      },
    },
  };
}

/** Graph's `fbtrace_id`: 23 URL-safe base64 characters, random per response. */
export function newFbtraceId(random?: RandomSource): string {
  return (random ? random.bytes(17) : randomBytes(17)).toString('base64url');
}

/** Gives an error answer a trace id from the simulator's source, so seeded runs answer identically. */
export function stampTrace<T extends { body: unknown }>(response: T, random: RandomSource): T {
  const body = response.body;
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = body.error;
    if (typeof error === 'object' && error !== null)
      Object.assign(error, { fbtrace_id: newFbtraceId(random) });
  }
  return response;
}
