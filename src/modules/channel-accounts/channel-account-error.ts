/**
 * Why a change to a clinic's channels was refused. `field` names what to fix in the service's terms
 * (`name`, `externalId`, `secrets.botToken`, `settings.apiUrl`, `type`); routes and the CLI translate it.
 */
export class ChannelAccountError extends Error {
  readonly kind: 'invalid' | 'not_found' | 'duplicate' | 'in_use' | 'webhook_refused' | 'reason_required';
  readonly fields: ReadonlyArray<{ field: string; message: string }>;

  constructor(
    kind: ChannelAccountError['kind'],
    message: string,
    fields: ReadonlyArray<{ field: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'ChannelAccountError';
    this.kind = kind;
    this.fields = fields;
  }

  static invalid(field: string, message: string): ChannelAccountError {
    return new ChannelAccountError('invalid', `${field}: ${message}`, [{ field, message }]);
  }
}
