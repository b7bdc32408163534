import type { RandomSource } from './random-source.ts';

/**
 * A message id shaped like Meta's: `wamid.` + base64 of a small protobuf-like blob holding the user's
 * number and a random hex id (real ones decode to the same layout). 80 random bits make collisions
 * negligible; callers that keep a map still check for them.
 */
export function newWamid(user: string, random: RandomSource): string {
  const userBytes = Buffer.from(user, 'utf8').subarray(0, 255);
  const id = Buffer.from(random.bytes(10).toString('hex').toUpperCase(), 'ascii');
  const blob = Buffer.concat([
    Buffer.from([0x1c, 0x18, userBytes.length]),
    userBytes,
    Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, id.length]),
    id,
    Buffer.from([0x00]),
  ]);
  return `wamid.${blob.toString('base64')}`;
}
