import type { MediaDownload } from '../channel-adapter.ts';
import { describe, type Fetch, readAtMost } from './graph-http.ts';
import { checkMediaUrl, type Resolver } from './media-url-guard.ts';
import { MAX_ATTACHMENT_BYTES } from './messenger-capabilities.ts';

export interface AttachmentDownloadOptions {
  fetch: Fetch;
  timeoutMs: number;
  /** Whether the account's Graph is local (the simulator): then internal addresses may be fetched. */
  localGraph: boolean;
  resolve?: Resolver;
}

/** CDN links move between Meta's hosts; a few hops, each checked like the first. */
const MAX_REDIRECTS = 3;

/**
 * Fetches a file a patient sent, from the URL Messenger put in the webhook (a signed CDN link that
 * expires: Messenger gives no media id to fetch it by later). No access token goes with it: the link
 * carries its own signature, and the token must never reach a host we did not choose.
 *
 * Refused for good: a URL that is not https or points inside our network (media-url-guard.ts), an
 * answer over Meta's 25 MB attachment limit, an HTML page where a file is expected (a login or error
 * page), an expired link (4xx). Retried: Meta's 5xx and 429, the network, a timeout (a download has no
 * side effect at Meta, so trying again is safe).
 */
export async function downloadAttachment(
  url: string,
  options: AttachmentDownloadOptions,
): Promise<MediaDownload> {
  let target = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const verdict = await checkMediaUrl(target, options.localGraph, options.resolve);
    if (!verdict.ok) return { ok: false, disposition: 'fail', title: verdict.reason };
    let response: Response;
    try {
      response = await options.fetch(verdict.url, {
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      return {
        ok: false,
        disposition: 'retry',
        title: `Could not fetch the attachment: ${describe(error, options.timeoutMs)}`,
      };
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      target = new URL(location, verdict.url).href;
      continue;
    }
    return readFile(response, verdict.url, options.timeoutMs);
  }
  return { ok: false, disposition: 'fail', title: 'The attachment URL redirects too many times' };
}

async function readFile(response: Response, url: URL, timeoutMs: number): Promise<MediaDownload> {
  if (!response.ok) {
    await response.body?.cancel();
    const passing = response.status >= 500 || response.status === 429;
    return {
      ok: false,
      disposition: passing ? 'retry' : 'fail',
      title: passing
        ? `The attachment host failed (HTTP ${response.status})`
        : `The attachment is no longer available (HTTP ${response.status})`,
    };
  }
  const mimeType =
    (response.headers.get('content-type') ?? 'application/octet-stream').split(';')[0]?.trim() ?? '';
  if (mimeType.toLowerCase() === 'text/html') {
    await response.body?.cancel();
    return { ok: false, disposition: 'fail', title: 'The attachment URL answered a web page, not a file' };
  }
  let bytes: Buffer | null;
  try {
    bytes = await readAtMost(response, MAX_ATTACHMENT_BYTES);
  } catch (error) {
    return {
      ok: false,
      disposition: 'retry',
      title: `The attachment download broke off: ${describe(error, timeoutMs)}`,
    };
  }
  if (bytes === null) {
    return {
      ok: false,
      disposition: 'fail',
      title: `The attachment is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
    };
  }
  return {
    ok: true,
    bytes,
    mimeType: mimeType || 'application/octet-stream',
    fileName: fileNameOf(response, url),
  };
}

/** No path, no control character: the name is shown and may name a file on disk. */
const SAFE_FILE_NAME = /^[^\\/\p{Cc}\p{Cs}]{1,255}$/u;

/** The file's name from Content-Disposition, else the URL's last path segment when it looks like one. */
function fileNameOf(response: Response, url: URL): string | null {
  const disposition = response.headers.get('content-disposition') ?? '';
  const quoted =
    /filename="([^"]{1,255})"/i.exec(disposition)?.[1] ?? /filename=([^;\s]{1,255})/i.exec(disposition)?.[1];
  if (quoted !== undefined) return SAFE_FILE_NAME.test(quoted) ? quoted : null;
  const last = url.pathname.split('/').pop() ?? '';
  return /^[\w.-]{1,255}\.[A-Za-z0-9]{1,8}$/.test(last) ? last : null;
}
