import type { MediaDownload, MediaToFetch } from '../channel-adapter.ts';
import { downloadedFile, refuseDownload as refuse } from '../downloaded-file.ts';
import { apiUrl, type LineHttp } from './line-api-client.ts';

/** LINE takes files of up to 200 MB from its users (videos, audio, files); more is not LINE's content. */
export const LINE_CONTENT_MAX_BYTES = 200 * 1024 * 1024;

const MESSAGE_ID = /^\d{1,32}$/;

/**
 * Fetches a file a patient sent through LINE: `GET {dataApiUrl}/v2/bot/message/{messageId}/content`
 * with the channel access token (channels.md §3). Only content LINE holds can be fetched
 * (`contentProvider.type` `line`): a file an app sent by URL (`external`) stays where it is, and a
 * sticker is drawn by the app, with nothing to download. LINE keeps content for a limited time: a
 * message whose content is gone (404, 410) fails for good; a video or audio still being prepared (202)
 * is tried again later.
 */
export async function downloadLineContent(
  http: LineHttp,
  token: string,
  media: MediaToFetch,
): Promise<MediaDownload> {
  if (media.kind === 'sticker') return refuse('fail', 'a LINE sticker is drawn by the app: there is no file');
  if (media.url !== null)
    return refuse('fail', 'the file was sent from outside LINE, by URL, and is not fetched');
  if (media.id === null || !MESSAGE_ID.test(media.id))
    return refuse('fail', 'LINE content is fetched by message id, and this one has none');
  const url = apiUrl(http.dataApiUrl, `/v2/bot/message/${media.id}/content`);
  if (url === null) return refuse('fail', 'the LINE content API URL is not an http(s) URL');
  let response: Response;
  try {
    response = await http.fetch(url, {
      method: 'GET',
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(http.timeoutMs),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : 'error';
    return refuse('retry', `the file could not be fetched from LINE (${name})`);
  }
  if (response.status === 202) {
    await response.body?.cancel().catch(() => undefined);
    return refuse('retry', 'LINE is still preparing the file');
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const transient = response.status >= 500 || response.status === 429;
    const gone = response.status === 404 || response.status === 410;
    return refuse(
      transient ? 'retry' : 'fail',
      gone
        ? `LINE no longer holds the file (HTTP ${response.status})`
        : `LINE answered HTTP ${response.status} for the file`,
    );
  }
  return downloadedFile(response, LINE_CONTENT_MAX_BYTES, { name: 'LINE', sends: 'LINE sends' });
}
