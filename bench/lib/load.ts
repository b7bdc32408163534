import autocannon from 'autocannon';
import { percentile } from './stats.ts';

export interface LoadOptions {
  url: string;
  path: string;
  /** Requests per second from all connections together (autocannon's `overallRate`). */
  rate: number;
  durationSeconds: number;
  connections: number;
  /** The n-th request's body and extra headers (n counts from 0 across the whole run). */
  request: (n: number) => { body: string; headers: Record<string, string> };
  /** Told the body of every request answered 2xx. */
  onAck?: (body: string) => void;
}

export interface LoadResult {
  rate: number;
  connections: number;
  /** Bodies handed to autocannon (each sent at most once). */
  built: number;
  acked: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Wall time autocannon ran, in seconds. */
  seconds: number;
  startMs: number;
  endMs: number;
  /** Raw latency of every 2xx answer, in ms, as measured per request (no coordinated-omission fill). */
  latencies: number[];
  /** When each 2xx answer arrived (ms since the epoch). */
  ackTimes: number[];
  /** autocannon's own summary, for comparison. */
  autocannonP50: number;
  autocannonP99: number;
}

/**
 * Drives POSTs at a fixed overall rate with autocannon. Every request gets a body of its own through
 * `setupRequest`. Note autocannon's rate model: each connection may send rate/connections requests
 * per second, back to back from the start of each second, so the load comes in per-second waves of
 * `connections` concurrent requests rather than evenly spaced.
 */
export async function drive(options: LoadOptions): Promise<LoadResult> {
  let n = 0;
  const latencies: number[] = [];
  const ackTimes: number[] = [];
  const startMs = Date.now();
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    overallRate: options.rate,
    duration: options.durationSeconds,
    timeout: 10,
    // autocannon's correction records extra samples at 1-ms steps for every slow answer (its
    // expected interval is ceil(1/rate) ms); the raw per-request latency is what is asked for.
    ignoreCoordinatedOmission: true,
    requests: [
      {
        method: 'POST',
        path: options.path,
        setupRequest: (request) => {
          const next = options.request(n);
          n += 1;
          return {
            ...request,
            body: next.body,
            headers: { ...request.headers, 'content-type': 'application/json', ...next.headers },
          };
        },
      },
    ],
  });
  instance.on('response', (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) {
      latencies.push(responseTime);
      ackTimes.push(Date.now());
      if (options.onAck) {
        const body = answeredBody(client);
        if (body !== undefined) options.onAck(body);
      }
    }
  });
  const result = await instance;
  const endMs = Date.now();
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count;
  return {
    rate: options.rate,
    connections: options.connections,
    built: n,
    acked: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    seconds: result.duration,
    startMs,
    endMs,
    latencies,
    ackTimes,
    autocannonP50: result.latency.p50,
    autocannonP99: result.latency.p99,
  };
}

/**
 * The body of the request a connection just got its answer to. With pipelining 1 the connection's
 * current request is the one answered (autocannon builds the next one only after this event); its
 * `requestBuffer` holds the raw HTTP request.
 */
function answeredBody(client: unknown): string | undefined {
  const buffer = (client as { requestIterator?: { currentRequest?: { requestBuffer?: Buffer } } })
    ?.requestIterator?.currentRequest?.requestBuffer;
  if (!Buffer.isBuffer(buffer)) return undefined;
  const raw = buffer.toString('utf8');
  const start = raw.indexOf('\r\n\r\n');
  return start < 0 ? undefined : raw.slice(start + 4);
}

export function summary(result: LoadResult): { throughput: number; p50: number; p99: number; max: number } {
  return {
    throughput: result.acked / result.seconds,
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
    max: percentile(result.latencies, 100),
  };
}
