import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';

/**
 * A TOTP secret is stored sealed with the master field cipher, bound to its person: a sealed secret
 * copied onto another account does not decrypt there.
 */
export function sealTotpSecret(cipher: FieldCipher, userId: string, secret: string): string {
  return cipher.encryptText(secret, associatedDataOf(userId));
}

export function openTotpSecret(cipher: FieldCipher, userId: string, sealed: string): string {
  return cipher.decryptText(sealed, associatedDataOf(userId));
}

function associatedDataOf(userId: string): string {
  return `users.totp_secret:${userId}`;
}
