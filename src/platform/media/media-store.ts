/**
 * Where the bytes of media files live (patients' photos and voice notes, documents agents attach).
 * Keys are opaque strings issued by `put` and scoped to an org: a key only ever reads within the org
 * it was stored for. Local disk today; an S3-compatible bucket fits behind the same port
 * (`{orgId}/{key}` as the object name).
 */
export interface MediaStore {
  /**
   * Stores a file given whole or as it arrives (an upload): a stream is written piece by piece, never
   * held whole in memory. If the stream fails (an upload refused half-way), nothing is kept.
   */
  put(input: PutMediaInput): Promise<StoredMedia>;
  /** The whole file. Throws {@link MediaNotFoundError} when this org has no such media (also for another org's key). */
  get(orgId: string, key: string): Promise<MediaObject>;
  /** The file to stream out: its bytes come piece by piece, each checked before it is given out. */
  open(orgId: string, key: string): Promise<MediaReader>;
  /** Deleting what is not there is a no-op; a key this store could never have issued is refused. */
  delete(orgId: string, key: string): Promise<void>;
}

export interface PutMediaInput {
  orgId: string;
  bytes: Buffer | AsyncIterable<Uint8Array>;
  mimeType: string;
  fileName?: string | undefined;
}

export interface StoredMedia {
  key: string;
  /** Hex SHA-256 of the plain bytes. */
  sha256: string;
  size: number;
}

export interface MediaObject extends StoredMedia {
  bytes: Buffer;
  mimeType: string;
  fileName: string | null;
}

export interface MediaReader {
  key: string;
  mimeType: string;
  fileName: string | null;
  /** Plain bytes, known before reading them. */
  size: number;
  /** The plain bytes in order; a piece that does not authenticate ends the iteration with an error. */
  chunks(): AsyncIterable<Buffer>;
}

export class MediaNotFoundError extends Error {
  override name = 'MediaNotFoundError';
  readonly orgId: string;
  readonly key: string;

  constructor(orgId: string, key: string) {
    super(`No media "${key}" in this clinic's store`);
    this.orgId = orgId;
    this.key = key;
  }
}
