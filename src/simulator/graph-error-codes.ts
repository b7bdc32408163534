/**
 * Every error the simulator answers or reports, by kind: its Graph code and title. Meta documents
 * some codes loosely (interactive limits come back as 100 or 131009 depending on the field), so the
 * codes are options; the titles are Meta's.
 */
export const DEFAULT_ERROR_CODES = {
  invalidParameter: 100,
  parameterValueInvalid: 131009,
  reengagement: 131047,
  undeliverable: 131026,
  mediaUpload: 131053,
  marketingOptedOut: 131050,
  templateParamCount: 132000,
  templateMissing: 132001,
  templateTextTooLong: 132005,
  templateParamFormat: 132012,
  templatePaused: 132015,
  templateDisabled: 132016,
  throughput: 130429,
  pairRateLimit: 131056,
} as const;

export type ErrorKind = keyof typeof DEFAULT_ERROR_CODES;
export type ErrorCodes = Record<ErrorKind, number>;

export const ERROR_TITLES: Record<ErrorKind, string> = {
  invalidParameter: 'Invalid parameter',
  parameterValueInvalid: 'Parameter value is not valid',
  reengagement: 'Re-engagement message',
  undeliverable: 'Message undeliverable',
  mediaUpload: 'Media upload error',
  marketingOptedOut:
    'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
  templateParamCount: 'Number of parameters does not match the expected number of params',
  templateMissing: 'Template name does not exist in the translation',
  templateTextTooLong: 'Translated text too long',
  templateParamFormat: 'Parameter format does not match format in the created template',
  templatePaused: 'Template is paused',
  templateDisabled: 'Template is disabled',
  throughput: 'Rate limit hit',
  pairRateLimit: '(Business Account, Consumer Account) pair rate limit hit',
};

/** The codes in force: the defaults with the caller's overrides. */
export function errorCodes(overrides: Partial<ErrorCodes> = {}): ErrorCodes {
  return { ...DEFAULT_ERROR_CODES, ...overrides };
}

/** The failure a `failed` status carries for this kind of error (the `fail` knob's shape). */
export function statusFailure(kind: ErrorKind, codes: ErrorCodes, details: string) {
  return { code: codes[kind], title: ERROR_TITLES[kind], details };
}
