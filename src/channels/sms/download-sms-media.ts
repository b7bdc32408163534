import type { MediaDownload, MediaToFetch } from '../channel-adapter.ts';
import { downloadedFile, refuseDownload as refuse } from '../downloaded-file.ts';
import { accountUrl, basicAuth, type TwilioCredentials, type TwilioHttp } from './twilio-api-client.ts';

/** Twilio takes MMS of up to 5 MB in all; a file far larger is not one a patient sent. */
export const SMS_MEDIA_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Fetches a file of a patient's MMS from its `MediaUrl{n}` with the account's credentials (HTTP basic
 * auth, as Twilio's media URLs require when "HTTP basic authentication for media" is on). Only a URL
 * under the account's own resources on its API server is fetched: the credentials never go anywhere
 * else, whatever a webhook says. Twilio answers such a URL by a redirect to where the file is stored,
 * which the fetch follows without the credentials (they are not sent to another origin).
 */
export async function downloadSmsMedia(
  http: TwilioHttp,
  credentials: TwilioCredentials,
  media: MediaToFetch,
): Promise<MediaDownload> {
  if (media.url === null) return refuse('fail', 'an MMS file is fetched by its URL, and this one has none');
  const root = accountUrl(http.apiUrl, credentials.accountSid, '/');
  if (root === null) return refuse('fail', 'the SMS API URL is not an http(s) URL');
  if (!media.url.startsWith(root) || /\/\.\.?(\/|$)|%2e/i.test(media.url.slice(root.length)))
    return refuse(
      'fail',
      'the file is not one of this account’s media: it is not fetched with its credentials',
    );
  let response: Response;
  try {
    response = await http.fetch(media.url, {
      method: 'GET',
      headers: { authorization: basicAuth(credentials) },
      signal: AbortSignal.timeout(http.timeoutMs),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : 'error';
    return refuse('retry', `the file could not be fetched from the SMS provider (${name})`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const transient = response.status >= 500 || response.status === 429;
    return refuse(
      transient ? 'retry' : 'fail',
      `the SMS provider answered HTTP ${response.status} for the file`,
    );
  }
  return downloadedFile(response, SMS_MEDIA_MAX_BYTES, { name: 'the SMS provider', sends: 'MMS' });
}
