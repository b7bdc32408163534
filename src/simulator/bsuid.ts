import { randomBytes } from 'node:crypto';

/** A business-scoped user id like Meta's (`US.` + 20 digits), for phoneless patients given none. */
export function randomBsuid(): string {
  const digits = [...randomBytes(20)].map((byte) => String(byte % 10)).join('');
  return `US.${digits}`;
}
