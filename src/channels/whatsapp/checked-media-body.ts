import { createHash } from 'node:crypto';
import { MediaTransferError, tooLarge, unreachable } from './media-transfer-error.ts';
import type { WhatsAppMediaKind } from './whatsapp-media-types.ts';

export interface MediaBodyChecks {
  kind: WhatsAppMediaKind;
  maxBytes: number;
  /** SHA-256 digests Meta gave (lookup, webhook), hex or base64: all must match the bytes. */
  claimedDigests: readonly string[];
  /** A mismatch now is the second one: the file is corrupt, not the transfer. */
  lastChance: boolean;
}

/**
 * The body of a media download, checked while it is read: cut off as soon as it passes the size
 * limit, and its SHA-256 compared with Meta's once the last byte is in, before the iteration ends. So
 * whoever writes the bytes away learns that they are too many, cut short or corrupt before committing
 * them, and at most one network read is ever held.
 */
export class CheckedMediaBody {
  /** Why the body could not be read whole and sound; set when the iteration failed for that reason. */
  failure: MediaTransferError | undefined;
  /** Read to the end, and its checksum matched. */
  finished = false;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  readonly #checks: MediaBodyChecks;
  #started = false;

  constructor(body: ReadableStream<Uint8Array> | null, checks: MediaBodyChecks) {
    this.#reader = body?.getReader();
    this.#checks = checks;
  }

  /** The bytes in order; one reading only. */
  async *chunks(): AsyncGenerator<Uint8Array> {
    if (this.#started) throw new Error('A media download body is read once');
    this.#started = true;
    const { kind, maxBytes } = this.#checks;
    const digest = createHash('sha256');
    let total = 0;
    try {
      for (let read = await this.#read(); !read.done; read = await this.#read()) {
        total += read.value.byteLength;
        if (total > maxBytes) throw tooLarge(kind, maxBytes, null);
        digest.update(read.value);
        yield read.value;
      }
      this.#checkDigest(digest.digest());
      this.finished = true;
    } catch (error) {
      this.failure = error instanceof MediaTransferError ? error : undefined;
      throw error;
    }
  }

  /** Stops the transfer: what was not read is never received. */
  async cancel(): Promise<void> {
    await this.#reader?.cancel().catch(() => {});
  }

  async #read(): ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']> {
    if (!this.#reader) return { done: true, value: undefined };
    try {
      return await this.#reader.read();
    } catch (error) {
      throw unreachable('The WhatsApp media download was interrupted', error);
    }
  }

  #checkDigest(digest: Buffer): void {
    const { claimedDigests, lastChance } = this.#checks;
    if (claimedDigests.every((claimed) => sameDigest(digest, claimed))) return;
    throw new MediaTransferError({
      disposition: lastChance ? 'fail' : 'retry',
      problem: 'checksum_mismatch',
      message: lastChance
        ? 'The downloaded WhatsApp media does not match its SHA-256, twice: it is corrupt'
        : 'The downloaded WhatsApp media does not match its SHA-256',
      detail: `expected ${claimedDigests.join(' / ')}, got ${digest.toString('hex')}`,
    });
  }
}

/** Meta documents hex; base64 is accepted too, in case an endpoint differs. */
function sameDigest(digest: Buffer, claimed: string): boolean {
  return claimed.toLowerCase() === digest.toString('hex') || claimed === digest.toString('base64');
}
