import type { RandomSource } from './random-source.ts';

/** A business-scoped user id like Meta's (`US.` + 20 digits), for phoneless patients given none. */
export function randomBsuid(random: RandomSource): string {
  const digits = [...random.bytes(20)].map((byte) => String(byte % 10)).join('');
  return `US.${digits}`;
}
