import { createCipheriv, createDecipheriv } from 'node:crypto';
import { FieldCipherError } from '../crypto/field-cipher.ts';

/**
 * AES-256-GCM over a stream, one segment at a time (the STREAM construction of Hoang, Reyhanitabar,
 * Rogaway and Vizár): each segment is sealed with a nonce made of its index and a last-segment flag,
 * so segments cannot be reordered, dropped, or the file cut short or extended without a segment
 * failing to authenticate. Memory stays at one segment, whatever the file's size. The key must be
 * used for one file only (the store draws a fresh one per file).
 */
export async function* sealSegments(
  plain: AsyncIterable<Uint8Array>,
  key: Buffer,
  segmentBytes: number,
): AsyncGenerator<Buffer> {
  // One buffer per file, filled and sealed over and over: the only copy of the plain bytes.
  const segment = Buffer.allocUnsafe(segmentBytes);
  let filled = 0;
  let index = 0;
  for await (const chunk of plain) {
    for (let offset = 0; offset < chunk.byteLength; ) {
      // A full segment is sealed as "not last" only once more bytes are known to follow it.
      if (filled === segmentBytes) {
        yield seal(key, index, false, segment);
        index += 1;
        filled = 0;
      }
      const taken = Math.min(segmentBytes - filled, chunk.byteLength - offset);
      segment.set(chunk.subarray(offset, offset + taken), filled);
      filled += taken;
      offset += taken;
    }
  }
  yield seal(key, index, true, segment.subarray(0, filled));
}

/** Opens segment `index` of `count` (its ciphertext and tag as stored). */
export function openSegment(key: Buffer, index: number, count: number, segment: Buffer): Buffer {
  if (segment.length < TAG_BYTES) throw new FieldCipherError('malformed', 'Encrypted media is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, nonce(index, index === count - 1), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAuthTag(segment.subarray(segment.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(segment.subarray(0, segment.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new FieldCipherError(
      'authentication_failed',
      `Encrypted media segment ${index + 1} of ${count} did not authenticate: the file was altered or cut short`,
    );
  }
}

/** How many segments a sealed body of this length holds, and how many plain bytes. */
export function segmentLayout(
  bodyBytes: number,
  segmentBytes: number,
): { count: number; plainBytes: number } {
  if (bodyBytes < TAG_BYTES) throw new FieldCipherError('malformed', 'Encrypted media is truncated');
  const count = Math.ceil(bodyBytes / (segmentBytes + TAG_BYTES));
  return { count, plainBytes: bodyBytes - count * TAG_BYTES };
}

export const TAG_BYTES = 16;

function seal(key: Buffer, index: number, last: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce(index, last), { authTagLength: TAG_BYTES });
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** 7 zero bytes, the segment index (32 bits), 1 on the last segment. */
function nonce(index: number, last: boolean): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeUInt32BE(index, 7);
  iv[11] = last ? 1 : 0;
  return iv;
}
