import {
  type GraphErrorResponse,
  invalidTokenError,
  objectNotFoundError,
  whatsAppError,
} from './graph-error.ts';
import type { ErrorCodes } from './graph-error-codes.ts';
import { classifyMedia, type MediaLimits } from './media-limits.ts';
import { type MediaStore, type StoredMedia, sha256Of } from './media-store.ts';
import type { SimulatedNumber } from './simulated-number.ts';

export type MediaGraphResponse = GraphErrorResponse | { httpStatus: 200; body: Record<string, unknown> };

export interface MediaUpload {
  phoneNumberId: string;
  authorization?: string;
  messagingProduct?: string;
  /** The `type` form field: a MIME type. */
  type?: string;
  file?: { bytes: Buffer; mimeType: string };
}

interface MediaGraphDeps {
  store: MediaStore;
  limits: MediaLimits;
  codes: ErrorCodes;
  now: () => Date;
  numbers: () => SimulatedNumber[];
}

/** The media endpoints of the fake Graph API: upload, URL lookup, delete and authenticated download. */
export class MediaGraph {
  readonly #deps: MediaGraphDeps;

  constructor(deps: MediaGraphDeps) {
    this.#deps = deps;
  }

  /** `POST /{version}/{phone-number-id}/media` → `{ id }`, within the per-type MIME and size limits. */
  upload(request: MediaUpload): MediaGraphResponse {
    const number = this.#deps.numbers().find((n) => n.phoneNumberId === request.phoneNumberId);
    const refusal = this.#authorize(
      request.authorization,
      number ? [number] : [],
      request.phoneNumberId,
      'post',
    );
    if (refusal || !number) return refusal ?? objectNotFoundError(request.phoneNumberId);
    const { codes } = this.#deps;
    if (request.messagingProduct !== 'whatsapp') {
      return whatsAppError(
        'invalidParameter',
        codes,
        'The parameter messaging_product is required and must be whatsapp.',
      );
    }
    if (!request.file) return whatsAppError('invalidParameter', codes, 'The parameter file is required.');
    const mimeType = request.type ?? request.file.mimeType;
    const classified = classifyMedia(mimeType, request.file.bytes.length, this.#deps.limits);
    if ('refusal' in classified) return whatsAppError('mediaUpload', codes, classified.refusal);
    const media = this.#deps.store.add({
      phoneNumberId: number.phoneNumberId,
      kind: classified.kind,
      bytes: request.file.bytes,
      mimeType,
      origin: 'upload',
      createdAt: this.#deps.now(),
    });
    return { httpStatus: 200, body: { id: media.id } };
  }

  /** `GET /{version}/{media-id}` → the short-lived URL and the file's facts. */
  info(mediaId: string, authorization: string | undefined, baseUrl: string): MediaGraphResponse {
    const found = this.#owned(mediaId, authorization, 'get');
    if ('httpStatus' in found) return found;
    const now = this.#deps.now();
    const token = this.#deps.store.issueToken(found, now);
    return {
      httpStatus: 200,
      body: {
        messaging_product: 'whatsapp',
        url: `${baseUrl}/_media/${token}`,
        mime_type: found.mimeType,
        sha256: sha256Of(found.bytes, 'hex'),
        file_size: found.fileSize,
        id: found.id,
      },
    };
  }

  /** `DELETE /{version}/{media-id}` → `{ success: true }`. */
  delete(mediaId: string, authorization: string | undefined): MediaGraphResponse {
    const found = this.#owned(mediaId, authorization, 'delete');
    if ('httpStatus' in found) return found;
    this.#deps.store.delete(found.id);
    return { httpStatus: 200, body: { success: true } };
  }

  /** The download behind a media URL: needs the Bearer token too; 404 once the URL expired. */
  download(
    token: string,
    authorization: string | undefined,
  ): { httpStatus: 200; media: StoredMedia } | { httpStatus: 401 | 404 } {
    const media = this.#deps.store.resolveToken(token, this.#deps.now());
    if (!media) return { httpStatus: 404 };
    const owner = this.#deps.numbers().find((n) => n.phoneNumberId === media.phoneNumberId);
    if (!owner || bearerOf(authorization) !== owner.accessToken) return { httpStatus: 401 };
    return { httpStatus: 200, media };
  }

  #owned(
    mediaId: string,
    authorization: string | undefined,
    method: 'get' | 'delete',
  ): StoredMedia | GraphErrorResponse {
    const numbers = this.#deps.numbers();
    const refusal = this.#authorize(authorization, numbers, mediaId, method);
    if (refusal) return refusal;
    const media = this.#deps.store.get(mediaId, this.#deps.now());
    const owner = media && numbers.find((n) => n.phoneNumberId === media.phoneNumberId);
    if (!media || owner?.accessToken !== bearerOf(authorization)) return objectNotFoundError(mediaId, method);
    return media;
  }

  /** 190 for a token the simulator never issued; the caller checks what the token may reach. */
  #authorize(
    authorization: string | undefined,
    allowed: SimulatedNumber[],
    objectId: string,
    method: 'get' | 'post' | 'delete',
  ): GraphErrorResponse | undefined {
    const token = bearerOf(authorization);
    if (token === undefined || !this.#deps.numbers().some((n) => n.accessToken === token))
      return invalidTokenError();
    if (!allowed.some((n) => n.accessToken === token)) return objectNotFoundError(objectId, method);
    return undefined;
  }
}

export function bearerOf(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
}
