import type { RandomSource } from '../random-source.ts';

/** A Graph error answer of the Send API (`{error: {message, type, code, error_subcode, fbtrace_id}}`). */
export interface MetaErrorAnswer {
  httpStatus: number;
  body: {
    error: { message: string; type: string; code: number; error_subcode?: number; fbtrace_id: string };
  };
}

export type MetaErrorKind =
  | 'invalid_token'
  | 'no_matching_user'
  | 'outside_window'
  | 'rate_limited'
  | 'invalid_parameter'
  | 'unknown_object';

/**
 * Graph's answers for what the Messenger Platform refuses. Outside the window Messenger answers 10/2018278
 * "This message is sent outside of allowed window" (Meta's Messenger Platform error codes, permission
 * errors); Instagram's Send API answers 10/2534022 (IGApiException, HTTP 403, as seen in
 * public reports, e.g. ComposioHQ/composio#3604).
 */
export function metaError(
  kind: MetaErrorKind,
  random: RandomSource,
  options: { instagram?: boolean; detail?: string } = {},
): MetaErrorAnswer {
  const trace = `A${random.bytes(16).toString('base64url').slice(0, 22)}`;
  const answer = (
    httpStatus: number,
    message: string,
    code: number,
    subcode?: number,
    type = 'OAuthException',
  ) => ({
    httpStatus,
    body: {
      error: {
        message,
        type,
        code,
        ...(subcode === undefined ? {} : { error_subcode: subcode }),
        fbtrace_id: trace,
      },
    },
  });
  switch (kind) {
    case 'invalid_token':
      return answer(401, 'Invalid OAuth access token - Cannot parse access token', 190);
    case 'no_matching_user':
      return answer(400, '(#100) No matching user found', 100, 2018001);
    case 'outside_window':
      return options.instagram
        ? answer(403, 'This message is sent outside of allowed window.', 10, 2534022, 'IGApiException')
        : answer(
            400,
            '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
            10,
            2018278,
          );
    case 'rate_limited':
      return answer(400, '(#613) Calls to this api have exceeded the rate limit.', 613);
    case 'invalid_parameter':
      return answer(400, `(#100) ${options.detail ?? 'Invalid parameter'}`, 100);
    case 'unknown_object':
      return answer(
        400,
        `Unsupported get request. Object with ID '${options.detail ?? ''}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        100,
        33,
        'GraphMethodException',
      );
  }
}
