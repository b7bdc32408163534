/**
 * How a sealed value looks in a text column: `cl1.` and the base64 envelope. The prefix lets readers
 * tell sealed values from values written before encryption while the in-place migration runs; a
 * plain text that happens to start with it cannot pass as sealed, since it will not authenticate.
 */
export const SEALED_PREFIX = 'cl1.';

export function looksSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}

export function envelopeOf(value: string): Buffer {
  return Buffer.from(value.slice(SEALED_PREFIX.length), 'base64');
}

export function sealedTextOf(envelope: Buffer): string {
  return `${SEALED_PREFIX}${envelope.toString('base64')}`;
}
