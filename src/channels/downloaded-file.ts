import type { MediaDownload } from './channel-adapter.ts';
import { readBounded } from './read-bounded.ts';

/**
 * A provider's 2xx answer to a file download, read as the file: at most `maxBytes` (more is not a file
 * the provider holds for a patient), typed by its Content-Type (`application/octet-stream` when that is
 * not a media type), an HTML page refused (a login or error page is not the file). `provider` names who
 * answered, in the titles.
 */
export async function downloadedFile(
  response: Response,
  maxBytes: number,
  provider: { name: string; sends: string },
): Promise<MediaDownload> {
  const mimeType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mimeType === 'text/html') {
    await response.body?.cancel().catch(() => undefined);
    return refuseDownload('fail', 'an HTML page came back where a file was expected');
  }
  const bytes = await readBounded(response, maxBytes).catch(() => undefined);
  if (bytes === undefined)
    return refuseDownload('retry', `the file download from ${provider.name} broke off`);
  if (bytes === null) return refuseDownload('fail', `the file is larger than any ${provider.sends}`);
  return {
    ok: true,
    bytes,
    mimeType: /^[\w.+-]+\/[\w.+-]+$/.test(mimeType) ? mimeType : 'application/octet-stream',
    fileName: null,
  };
}

export function refuseDownload(disposition: 'retry' | 'fail', title: string): MediaDownload {
  return { ok: false, disposition, title };
}
