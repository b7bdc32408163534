import { randomBytes } from 'node:crypto';

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

/** Error 100/33: the phone number id does not exist or this token may not use it. */
export function objectNotFoundError(objectId: string): GraphErrorResponse {
  return {
    httpStatus: 400,
    body: {
      error: {
        message:
          `Unsupported post request. Object with ID '${objectId}' does not exist, cannot be loaded due to ` +
          'missing permissions, or does not support this operation. Please read the Graph API documentation ' +
          'at https://developers.facebook.com/docs/graph-api',
        type: 'GraphMethodException',
        code: 100,
        error_subcode: 33,
        fbtrace_id: newFbtraceId(),
      },
    },
  };
}

/** Error 100 on a send body: `message` is Graph's headline, `details` names the parameter. */
export function invalidParameterError(message: string, details: string): GraphErrorResponse {
  return {
    httpStatus: 400,
    body: {
      error: {
        message,
        type: 'OAuthException',
        code: 100,
        error_data: { messaging_product: 'whatsapp', details },
        fbtrace_id: newFbtraceId(),
      },
    },
  };
}

/** Graph's `fbtrace_id`: 23 URL-safe base64 characters, random per response. */
function newFbtraceId(): string {
  return randomBytes(17).toString('base64url');
}
