import { createHash } from 'node:crypto';
import { AwsV4Signer } from 'aws4fetch';
import type { GuardedFetch } from '../../platform/net/guarded-fetch.ts';
import { OutboundRequestError } from '../../platform/net/outbound-request-error.ts';

export interface S3Target {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export type PutResult = { ok: true } | { ok: false; error: string; retry: boolean };

/**
 * S3's PutObject, signed with AWS Signature Version 4 (the payload's SHA-256 signed too, so a body
 * changed on the way is refused), path-style (`endpoint/bucket/key`: AWS, MinIO, Ceph, Scaleway and
 * Garage all take it), through the guarded client. The error names the bucket's code, never a secret.
 */
export async function putObject(
  fetch: GuardedFetch,
  target: S3Target,
  key: string,
  body: Buffer,
  contentType: string,
): Promise<PutResult> {
  const url = objectUrl(target, key);
  const signer = new AwsV4Signer({
    method: 'PUT',
    url,
    headers: {
      'content-type': contentType,
      'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
    },
    accessKeyId: target.accessKeyId,
    secretAccessKey: target.secretAccessKey,
    region: target.region,
    service: 's3',
  });
  const signed = await signer.sign();
  const headers: Record<string, string> = {};
  signed.headers.forEach((value, name) => {
    headers[name] = value;
  });
  try {
    const response = await fetch({
      url,
      method: 'PUT',
      headers,
      body,
      timeoutMs: 120_000,
      maxBytes: 16_384,
      overflow: 'truncate',
      maxRedirects: 0,
    });
    if (response.status >= 200 && response.status < 300) return { ok: true };
    const code = /<Code>([^<]{1,100})<\/Code>/.exec(response.body.toString('utf8'))?.[1];
    return {
      ok: false,
      error: `the bucket answered ${response.status}${code ? ` ${code}` : ''}`,
      // Throttled or down for a moment: worth another try; refused (403, 404, 400): not.
      retry: response.status >= 500 || response.status === 429,
    };
  } catch (error) {
    if (error instanceof OutboundRequestError) {
      return { ok: false, error: `the bucket could not be reached (${error.reason})`, retry: true };
    }
    throw error;
  }
}

/**
 * Each segment of the key percent-encoded. A `.` or `..` segment (even encoded, URLs resolve `%2e%2e`)
 * would lead out of the bucket: the schedule refuses such a prefix, and this refuses it again.
 */
export function objectUrl(target: Pick<S3Target, 'endpoint' | 'bucket'>, key: string): string {
  const segments = [target.bucket, ...key.split('/')];
  if (segments.some(isDotSegment)) throw new Error('an object key may not hold a . or .. segment');
  const base = target.endpoint.replace(/\/+$/, '');
  return `${base}/${segments.map(encodeURIComponent).join('/')}`;
}

export function isDotSegment(segment: string): boolean {
  return segment === '.' || segment === '..';
}
