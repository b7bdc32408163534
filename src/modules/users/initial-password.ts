import { randomInt } from 'node:crypto';

/** Letters and digits nobody misreads when copying by hand (no 0/O, 1/l/I). */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 20;

/**
 * A first password for a new member of the staff, shown once to the administrator who passes it on:
 * 20 characters of 56 give about 116 bits, far beyond guessing even at the lock-out's pace.
 */
export function generateInitialPassword(): string {
  let password = '';
  for (let i = 0; i < LENGTH; i++) password += ALPHABET[randomInt(ALPHABET.length)];
  return password;
}
