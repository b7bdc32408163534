import { SNIFF_BYTES } from './sniff-media-type.ts';

/**
 * The first bytes of a stream, enough to tell its type ({@link SNIFF_BYTES}; all of a shorter
 * stream), read before the rest so a file's type is known before it is stored. The stream goes on
 * where they end: {@link rejoined} gives the whole again.
 */
export async function readHead(source: AsyncIterator<Uint8Array>, bytes = SNIFF_BYTES): Promise<Buffer> {
  const pieces: Buffer[] = [];
  let length = 0;
  while (length < bytes) {
    const next = await source.next();
    if (next.done) break;
    pieces.push(Buffer.from(next.value));
    length += next.value.byteLength;
  }
  return Buffer.concat(pieces, length);
}

/** The head, then the rest of the stream as it comes; stopping early stops the stream too. */
export async function* rejoined(head: Buffer, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  let finished = false;
  try {
    if (head.length > 0) yield head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
    finished = true;
  } finally {
    if (!finished) await rest.return?.();
  }
}
