import { CheckedMediaBody } from './checked-media-body.ts';
import { graphErrorDisposition } from './graph-error-policy.ts';
import {
  invalidResponse,
  MediaTransferError,
  type MediaTransferProblem,
  tooLarge,
  unreachable,
} from './media-transfer-error.ts';
import { type GraphError, type GraphSuccess, parseGraphResponse } from './parse-graph-response.ts';
import { WHATSAPP_MEDIA_TYPES, type WhatsAppMediaKind } from './whatsapp-media-types.ts';

/** Enough of a WhatsApp channel account to call Graph's media endpoints. */
export interface GraphMediaAccount {
  graphUrl: string;
  apiVersion: string;
  accessToken: string;
  /** On lookups and deletes, Meta then checks the media belongs to this number; uploads need it. */
  phoneNumberId?: string;
}

export type { WhatsAppMediaKind };

export interface ResolvedMedia {
  /** Short-lived (about 5 minutes); download it with the same bearer token. */
  url: string;
  mimeType: string;
  sha256: string | null;
  fileSize: number | null;
}

export interface DownloadExpectations {
  /** What the webhook said the message is: a MIME type of another kind is refused. */
  kind?: WhatsAppMediaKind;
  /** From the webhook: checked against the bytes too. */
  sha256?: string;
  mimeType?: string;
  /** Lower than the kind's maximum. */
  maxBytes?: number;
}

/** A download under way, handed to whoever keeps it (the media store). */
export interface MediaDownload {
  /** As Meta gave it, parameters included (`audio/ogg; codecs=opus`). */
  mimeType: string;
  kind: WhatsAppMediaKind;
  /**
   * The bytes in order, as they arrive, to be read once and to the end. The iteration fails with a
   * {@link MediaTransferError} when the body passes the size limit, breaks off, or (after its last
   * byte) does not match its SHA-256: whatever was written of it must then be thrown away.
   */
  chunks: AsyncIterable<Uint8Array>;
}

export interface MediaUpload {
  bytes: Buffer;
  mimeType: string;
  fileName: string;
}

export { MediaTransferError, type MediaTransferProblem };

export interface GraphMediaClientOptions {
  fetch?: typeof fetch;
  /** Lookups, uploads, deletes. */
  timeoutMs?: number;
  /** A whole download, body included (documents reach 100 MB). */
  downloadTimeoutMs?: number;
}

/** WhatsApp Cloud API media endpoints (channels.md §1.8): look up, download, upload, delete. */
export class GraphMediaClient {
  private readonly options: GraphMediaClientOptions;

  constructor(options: GraphMediaClientOptions = {}) {
    this.options = options;
  }

  /** GET /{version}/{media-id}: where the media can be downloaded for the next few minutes. */
  async resolveMedia(account: GraphMediaAccount, mediaId: string): Promise<ResolvedMedia> {
    const answer = await this.callGraph(account, 'GET', mediaPath(account, mediaId), 'look up the media');
    if (!answer.media?.mimeType) {
      throw invalidResponse('WhatsApp answered the media lookup without a download URL or MIME type');
    }
    const { url, mimeType, sha256, fileSize } = answer.media;
    return { url, mimeType, sha256, fileSize };
  }

  /**
   * Looks the media up and downloads it with the same bearer token, handing the body to `receive` as it
   * arrives (never buffered whole: documents reach 100 MB); re-resolves once if the URL has expired.
   * Type and size are checked before downloading, the size again while reading and the SHA-256 at the
   * end; a checksum mismatch is downloaded (and received) once more before failing. `receive` must read
   * the body to the end; when it fails, its error or the body's (the cause) is thrown.
   */
  async downloadMedia<T>(
    account: GraphMediaAccount,
    mediaId: string,
    expected: DownloadExpectations,
    receive: (download: MediaDownload) => Promise<T>,
  ): Promise<T> {
    let urlExpired = false;
    let checksumFailed = false;
    for (;;) {
      const media = await this.resolveMedia(account, mediaId);
      const kind = checkType(media.mimeType, expected);
      const maxBytes = Math.min(
        WHATSAPP_MEDIA_TYPES[kind].maxBytes,
        expected.maxBytes ?? Number.POSITIVE_INFINITY,
      );
      if (media.fileSize !== null && media.fileSize > maxBytes) {
        throw tooLarge(kind, maxBytes, media.fileSize);
      }
      const response = await this.openDownload(account, media.url, kind, maxBytes);
      if (response === 'expired') {
        if (urlExpired) {
          throw new MediaTransferError({
            disposition: 'retry',
            problem: 'expired',
            message: 'The WhatsApp media URL was refused twice (401/404), even freshly looked up',
          });
        }
        urlExpired = true;
        continue;
      }
      const body = new CheckedMediaBody(response.body, {
        kind,
        maxBytes,
        claimedDigests: [media.sha256, expected.sha256].filter((value) => typeof value === 'string'),
        lastChance: checksumFailed,
      });
      try {
        const received = await receive({ mimeType: media.mimeType, kind, chunks: body.chunks() });
        if (!body.finished) throw new Error('The media download was kept without being read to the end');
        return received;
      } catch (error) {
        if (body.failure?.problem === 'checksum_mismatch' && !checksumFailed) {
          checksumFailed = true;
          continue;
        }
        throw body.failure ?? error;
      } finally {
        await body.cancel();
      }
    }
  }

  /**
   * Multipart POST /{version}/{phone-number-id}/media; the id is valid for 30 days. The file is given
   * whole (a clinic's own outbound file, read from the store, at most the kind's limit): streaming it
   * too would need a multipart body written as it is read.
   */
  async uploadMedia(
    account: GraphMediaAccount & { phoneNumberId: string },
    upload: MediaUpload,
  ): Promise<{ mediaId: string }> {
    const kind = checkType(upload.mimeType, {});
    if (upload.bytes.length > WHATSAPP_MEDIA_TYPES[kind].maxBytes)
      throw tooLarge(kind, WHATSAPP_MEDIA_TYPES[kind].maxBytes, upload.bytes.length);
    const form = new FormData();
    form.append('messaging_product', 'whatsapp');
    form.append('type', upload.mimeType);
    form.append('file', new Blob([upload.bytes], { type: upload.mimeType }), upload.fileName);
    const path = `${encodeURIComponent(account.phoneNumberId)}/media`;
    const answer = await this.callGraph(account, 'POST', path, 'upload the media', form);
    if (!answer.mediaId) throw invalidResponse('WhatsApp accepted the upload without a media id');
    return { mediaId: answer.mediaId };
  }

  /** DELETE /{version}/{media-id}. */
  async deleteMedia(account: GraphMediaAccount, mediaId: string): Promise<void> {
    await this.callGraph(account, 'DELETE', mediaPath(account, mediaId), 'delete the media');
  }

  private async callGraph(
    account: GraphMediaAccount,
    method: string,
    path: string,
    action: string,
    body?: FormData,
  ): Promise<GraphSuccess> {
    const url = `${account.graphUrl.replace(/\/+$/, '')}/${account.apiVersion}/${path}`;
    let response: Response;
    let json: unknown;
    try {
      response = await this.fetch(url, {
        method,
        headers: { authorization: `Bearer ${account.accessToken}` },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
      json = await response.json().catch(() => null);
    } catch (error) {
      throw unreachable(`Could not reach WhatsApp to ${action}`, error);
    }
    const answer = parseGraphResponse(response.status, json);
    if (!answer.ok) throw refused(answer, action);
    return answer;
  }

  /** The response, its body not read yet, or `expired` on 401/404 (the URL outlived its few minutes). */
  private async openDownload(
    account: GraphMediaAccount,
    url: string,
    kind: WhatsAppMediaKind,
    maxBytes: number,
  ): Promise<Response | 'expired'> {
    checkDownloadUrl(account, url);
    let response: Response;
    try {
      response = await this.fetch(url, {
        // Meta's media host refuses requests without a User-Agent it recognises as a client.
        headers: { authorization: `Bearer ${account.accessToken}`, 'user-agent': 'Careline' },
        // The whole download, body included: the timer runs on while the body is read.
        signal: AbortSignal.timeout(this.options.downloadTimeoutMs ?? 120_000),
      });
    } catch (error) {
      throw unreachable('The WhatsApp media download was interrupted', error);
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    const refusal =
      response.status === 401 || response.status === 404
        ? 'expired'
        : !response.ok
          ? new MediaTransferError({
              disposition: response.status >= 500 || response.status === 429 ? 'retry' : 'fail',
              problem: 'refused',
              message: `WhatsApp's media server answered HTTP ${response.status} to the download`,
            })
          : declared > maxBytes
            ? tooLarge(kind, maxBytes, declared)
            : null;
    if (refusal === null) return response;
    // Stops the transfer: what was not read is never received.
    await response.body?.cancel().catch(() => {});
    if (refusal === 'expired') return refusal;
    throw refusal;
  }

  private fetch(url: string, init: RequestInit): Promise<Response> {
    return (this.options.fetch ?? fetch)(url, init);
  }
}

const KINDS: readonly WhatsAppMediaKind[] = ['audio', 'document', 'image', 'video', 'sticker'];

/** The kind a MIME type belongs to; refuses types WhatsApp does not carry or the caller did not expect. */
function checkType(mimeType: string, expected: DownloadExpectations): WhatsAppMediaKind {
  const { base, kind } = classify(mimeType);
  const expectedBase = expected.mimeType ? classify(expected.mimeType).base : null;
  const reason = !kind
    ? `WhatsApp does not carry media of type ${mimeType}`
    : expected.kind && expected.kind !== kind
      ? `Expected ${expected.kind} media, got ${mimeType}`
      : expectedBase && expectedBase !== base
        ? `Expected ${expected.mimeType}, got ${mimeType}`
        : null;
  if (!kind || reason !== null) {
    throw new MediaTransferError({ disposition: 'fail', problem: 'unsupported_type', message: reason ?? '' });
  }
  return kind;
}

function classify(mimeType: string): { base: string; kind: WhatsAppMediaKind | undefined } {
  const [base = '', ...parameters] = mimeType.split(';').map((part) => part.trim().toLowerCase());
  // Ogg is carried with the Opus codec only.
  const codec = parameters.find((parameter) => parameter.startsWith('codecs='));
  if (base === 'audio/ogg' && codec !== undefined && codec !== 'codecs=opus')
    return { base, kind: undefined };
  return { base, kind: KINDS.find((candidate) => WHATSAPP_MEDIA_TYPES[candidate].mimeTypes.includes(base)) };
}

/** The bearer token goes with the download: never in clear (unless Graph itself is plain HTTP, in tests). */
function checkDownloadUrl(account: GraphMediaAccount, url: string): void {
  const protocol = URL.canParse(url) ? new URL(url).protocol : null;
  if (protocol === 'https:' || (protocol === 'http:' && !account.graphUrl.startsWith('https:'))) return;
  throw new MediaTransferError({
    disposition: 'fail',
    problem: 'invalid_response',
    message: `WhatsApp gave a media URL Careline will not send its token to (${protocol ?? 'not a URL'})`,
  });
}

function mediaPath(account: GraphMediaAccount, mediaId: string): string {
  const query = account.phoneNumberId ? `?phone_number_id=${encodeURIComponent(account.phoneNumberId)}` : '';
  return `${encodeURIComponent(mediaId)}${query}`;
}

function refused(error: GraphError, action: string): MediaTransferError {
  const isSuccessStatus = error.httpStatus >= 200 && error.httpStatus < 300;
  if (error.errorCode === null && isSuccessStatus) {
    return invalidResponse(`WhatsApp answered the request to ${action} with something that is not Graph's`);
  }
  const what = error.message ?? `HTTP ${error.httpStatus}`;
  return new MediaTransferError({
    disposition: graphErrorDisposition(error),
    problem: 'refused',
    message: `WhatsApp refused to ${action}: ${what}${error.errorCode === 190 ? ' (check the access token)' : ''}`,
    graphCode: error.errorCode,
    detail: error.details,
  });
}
