import { z } from 'zod';
import type { MediaDownload } from '../channel-adapter.ts';
import { callTelegram, fileUrl, readBounded, redact, type TelegramHttp } from './telegram-bot-api-client.ts';
import { TELEGRAM_LIMITS } from './telegram-capabilities.ts';

const fileResultSchema = z.looseObject({
  file_id: z.string(),
  file_size: z.number().int().min(0).optional().catch(undefined),
  file_path: z.string().min(1).max(1024).optional().catch(undefined),
});

/**
 * Fetches a file a patient sent: `getFile` turns its `file_id` into a path, then the file is downloaded
 * from `{apiUrl}/file/bot{token}/{file_path}`. Bots can download files of at most 20 MB; a larger one, or
 * an HTML page where a file was expected (a proxy's or captive portal's page), is refused rather than
 * stored as the patient's file.
 */
export async function downloadTelegramMedia(
  http: TelegramHttp,
  token: string,
  media: { id: string | null; url: string | null },
): Promise<MediaDownload> {
  if (media.id === null)
    return refuse('fail', 'Telegram files are fetched by file id, and this one has none');
  const found = await callTelegram(http, token, 'getFile', {
    kind: 'json',
    json: JSON.stringify({ file_id: media.id }),
  });
  if (!found.ok) {
    // `unknown` does not apply to a read: asking again is harmless.
    const disposition = found.failure.disposition === 'fail' ? 'fail' : 'retry';
    return refuse(disposition, `getFile: ${found.failure.title}`);
  }
  const file = fileResultSchema.safeParse(found.result);
  if (!file.success) return refuse('retry', 'getFile: Telegram answered without a file');
  const { file_size: size, file_path: path } = file.data;
  if (size !== undefined && size > TELEGRAM_LIMITS.downloadBytes) return tooLarge();
  // Telegram gives no path for files a bot may not download (over 20 MB).
  if (path === undefined) return refuse('fail', 'getFile: Telegram gave no file path (too large for a bot?)');
  const url = fileUrl(http.apiUrl, token, path);
  if (!url.ok) return refuse('fail', url.failure.title);
  return fetchFile(http, token, url.href, path);
}

async function fetchFile(
  http: TelegramHttp,
  token: string,
  href: string,
  path: string,
): Promise<MediaDownload> {
  let response: Response;
  try {
    response = await http.fetch(href, { method: 'GET', signal: AbortSignal.timeout(http.timeoutMs) });
  } catch (error) {
    const name = error instanceof Error ? error.name : 'error';
    return refuse('retry', redact(`the file could not be fetched from Telegram (${name})`, token));
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const transient = response.status >= 500 || response.status === 429;
    return refuse(transient ? 'retry' : 'fail', `Telegram answered HTTP ${response.status} for the file`);
  }
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (contentType === 'text/html') {
    await response.body?.cancel().catch(() => undefined);
    return refuse('fail', 'an HTML page came back where a file was expected');
  }
  const bytes = await readBounded(response, TELEGRAM_LIMITS.downloadBytes).catch(() => undefined);
  if (bytes === undefined) return refuse('retry', 'the file download from Telegram broke off');
  if (bytes === null) return tooLarge();
  if (looksLikeHtml(bytes)) return refuse('fail', 'an HTML page came back where a file was expected');
  const fileName = path.split('/').pop() ?? null;
  return { ok: true, bytes, mimeType: mimeTypeOf(fileName, contentType), fileName };
}

function refuse(disposition: 'retry' | 'fail', title: string): MediaDownload {
  return { ok: false, disposition, title };
}

function tooLarge(): MediaDownload {
  return refuse(
    'fail',
    `the file is larger than the ${TELEGRAM_LIMITS.downloadBytes / (1024 * 1024)} MB a bot may download`,
  );
}

/** Some servers label an error page `application/octet-stream`; its first bytes still say what it is. */
function looksLikeHtml(bytes: Buffer): boolean {
  const start = bytes.subarray(0, 64).toString('latin1').trimStart().toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html');
}

/**
 * Telegram's file server labels everything `application/octet-stream`; the path's extension is what it
 * chose when it stored the file (`voice/file_3.oga`, `photos/file_1.jpg`).
 */
function mimeTypeOf(fileName: string | null, contentType: string): string {
  const extension = fileName?.includes('.') ? fileName.split('.').pop()?.toLowerCase() : undefined;
  const byExtension = extension === undefined ? undefined : MIME_TYPES[extension];
  if (byExtension !== undefined) return byExtension;
  return contentType !== '' && /^[\w.+-]+\/[\w.+-]+$/.test(contentType)
    ? contentType
    : 'application/octet-stream';
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  oga: 'audio/ogg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  pdf: 'application/pdf',
  tgs: 'application/x-tgsticker',
};
