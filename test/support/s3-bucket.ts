import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredObject {
  body: Buffer;
  contentType: string | undefined;
}

export interface S3Bucket {
  /** The endpoint to configure (path-style: `<url>/<bucket>/<key>`). */
  url: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, StoredObject>;
  /** Requests refused, with S3's error code: a test can see why. */
  refusals: string[];
  /** Answers the next `n` PUTs with 503 SlowDown, as S3 does under load. */
  failNext(n: number): void;
  close(): Promise<void>;
}

/**
 * A stand-in for an S3 bucket that implements PutObject and GetObject as AWS documents them
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html), path-style, and checks every
 * request's Signature Version 4 the way S3 does
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html): the canonical
 * request rebuilt from what arrived, the signing key derived from the secret, the date and the region,
 * and the payload's SHA-256 compared with x-amz-content-sha256. Written from the documentation, not with
 * the client's library, so a signing mistake on Careline's side shows here.
 */
export async function startS3Bucket(options: { bucket?: string; region?: string } = {}): Promise<S3Bucket> {
  const bucket = options.bucket ?? 'warehouse';
  const region = options.region ?? 'eu-west-3';
  const accessKeyId = 'AKIATESTCARELINE0001';
  const secretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const objects = new Map<string, StoredObject>();
  const refusals: string[] = [];
  let failing = 0;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const refusal = signatureProblem(request, body, { accessKeyId, secretAccessKey, region });
      if (refusal) {
        refusals.push(refusal.code);
        return error(response, refusal.status, refusal.code);
      }
      const path = new URL(request.url ?? '/', 'http://bucket').pathname;
      const [, bucketName, ...keyParts] = path.split('/');
      if (bucketName !== bucket) return error(response, 404, 'NoSuchBucket');
      const key = keyParts.map((p) => decodeURIComponent(p)).join('/');
      if (request.method === 'PUT') {
        if (failing > 0) {
          failing--;
          return error(response, 503, 'SlowDown');
        }
        objects.set(key, { body, contentType: request.headers['content-type'] });
        response.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
        return response.end();
      }
      if (request.method === 'GET') {
        const object = objects.get(key);
        if (!object) return error(response, 404, 'NoSuchKey');
        response.writeHead(200, { 'content-type': object.contentType ?? 'application/octet-stream' });
        return response.end(object.body);
      }
      return error(response, 405, 'MethodNotAllowed');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    objects,
    refusals,
    failNext(n) {
      failing = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function error(response: ServerResponse, status: number, code: string): void {
  response.writeHead(status, { 'content-type': 'application/xml' });
  response.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code}</Message></Error>`,
  );
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

function signatureProblem(
  request: IncomingMessage,
  body: Buffer,
  keys: { accessKeyId: string; secretAccessKey: string; region: string },
): { status: number; code: string } | undefined {
  const match = AUTHORIZATION.exec(String(request.headers.authorization ?? ''));
  if (!match) return { status: 403, code: 'AccessDenied' };
  const [, keyId, date, region, signedHeaders = '', signature = ''] = match;
  if (keyId !== keys.accessKeyId) return { status: 403, code: 'InvalidAccessKeyId' };
  if (region !== keys.region) return { status: 400, code: 'AuthorizationHeaderMalformed' };
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(String(date))) return { status: 403, code: 'SignatureDoesNotMatch' };
  // S3 refuses a request signed more than 15 minutes away from its clock.
  const signedAt = Date.parse(
    amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
  if (!(Math.abs(Date.now() - signedAt) < 15 * 60_000)) return { status: 403, code: 'RequestTimeTooSkewed' };
  const payloadHash = String(request.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== createHash('sha256').update(body).digest('hex')) {
    return { status: 400, code: 'XAmzContentSHA256Mismatch' };
  }
  const names = signedHeaders.split(';');
  if (!names.includes('host') || !names.includes('x-amz-date')) return { status: 403, code: 'AccessDenied' };
  const url = new URL(request.url ?? '/', 'http://bucket');
  const canonicalQuery = [...url.searchParams]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort(([a = ''], [b = '']) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalHeaders = names
    .map(
      (name) =>
        `${name}:${String(request.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonicalRequest = [
    request.method,
    // S3 encodes each path segment once, as it arrived decoded.
    url.pathname
      .split('/')
      .map((segment) => uriEncode(decodeURIComponent(segment)))
      .join('/'),
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  let key: Buffer = hmac(`AWS4${keys.secretAccessKey}`, String(date));
  for (const part of [String(region), 's3', 'aws4_request']) key = hmac(key, part);
  const expected = createHmac('sha256', key).update(stringToSign).digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { status: 403, code: 'SignatureDoesNotMatch' };
  }
  return undefined;
}

/** AWS's UriEncode: every byte but A-Z a-z 0-9 - . _ ~ percent-encoded, upper-case hex. */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
