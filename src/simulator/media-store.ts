import { createHash } from 'node:crypto';
import type { MediaType } from './outbound-message.schema.ts';
import { type RandomSource, randomDigits } from './random-source.ts';

/** Ids uploaded through the API live 30 days; ids received in webhooks 7 (§1.8). */
export const UPLOADED_MEDIA_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const WEBHOOK_MEDIA_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Download URLs from `GET /{media-id}` are short-lived. */
export const MEDIA_URL_TTL_MS = 5 * 60 * 1000;

export interface StoredMedia {
  id: string;
  phoneNumberId: string;
  kind: MediaType;
  bytes: Buffer;
  mimeType: string;
  fileSize: number;
  origin: 'upload' | 'webhook';
  createdAt: Date;
  expiresAt: Date;
}

/** Media the business uploaded and media patients sent, by id, with expiring download tokens. */
export class MediaStore {
  readonly #media = new Map<string, StoredMedia>();
  readonly #urls = new Map<string, { mediaId: string; expiresAt: number }>();
  readonly #random: RandomSource;

  constructor(random: RandomSource) {
    this.#random = random;
  }

  add(input: Omit<StoredMedia, 'id' | 'fileSize' | 'expiresAt'>): StoredMedia {
    let id = randomDigits(this.#random, 16);
    while (this.#media.has(id)) id = randomDigits(this.#random, 16);
    const ttl = input.origin === 'upload' ? UPLOADED_MEDIA_TTL_MS : WEBHOOK_MEDIA_TTL_MS;
    const media: StoredMedia = {
      ...input,
      id,
      fileSize: input.bytes.length,
      expiresAt: new Date(input.createdAt.getTime() + ttl),
    };
    this.#media.set(id, media);
    return media;
  }

  /** The media while its id is alive; undefined once deleted or expired. */
  get(id: string, now: Date): StoredMedia | undefined {
    const media = this.#media.get(id);
    return media && now < media.expiresAt ? media : undefined;
  }

  delete(id: string): boolean {
    return this.#media.delete(id);
  }

  /** A download token valid for five minutes. */
  issueToken(media: StoredMedia, now: Date): string {
    const token = this.#random.bytes(24).toString('base64url');
    this.#urls.set(token, { mediaId: media.id, expiresAt: now.getTime() + MEDIA_URL_TTL_MS });
    return token;
  }

  resolveToken(token: string, now: Date): StoredMedia | undefined {
    const url = this.#urls.get(token);
    if (!url || now.getTime() >= url.expiresAt) return undefined;
    return this.get(url.mediaId, now);
  }
}

/** Webhooks carry the SHA-256 in base64, the media URL endpoint in hex (as the fixtures show). */
export function sha256Of(bytes: Buffer, encoding: 'base64' | 'hex'): string {
  return createHash('sha256').update(bytes).digest(encoding);
}
