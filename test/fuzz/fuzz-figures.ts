import type { FuzzRequest } from './api-fuzz-cases.ts';

/** What a fuzz run counted, and every request that got a 5xx or no answer. */
export interface FuzzFigures {
  seed: number;
  /** Operations fuzzed (API) or batches sent (webhooks). */
  operations: number;
  requests: number;
  byStatusClass: Map<string, number>;
  failures: FuzzFailure[];
  /** When the server stopped answering `GET /health` or hit an error that ends a process. */
  deaths: string[];
  durationMs: number;
}

export interface FuzzFailure {
  /** `POST /api/v1/teams`, or `POST /webhooks/whatsapp`. */
  operation: string;
  /** What was broken, e.g. `body.name: NUL inside`. */
  label: string;
  /** Who sent it: `admin, API key`, `anonymous`, `signed by Meta`… */
  as: string;
  request: string;
  outcome: string;
  serverError: string | undefined;
}

export function newFigures(seed: number): FuzzFigures {
  return {
    seed,
    operations: 0,
    requests: 0,
    byStatusClass: new Map(),
    failures: [],
    deaths: [],
    durationMs: 0,
  };
}

/** The failures as an assertion message: the seed to replay, then each failing request. */
export function describeFailures(figures: FuzzFigures, limit = 20): string {
  const lines = [
    `seed ${figures.seed} (replay: FUZZ_SEED=${figures.seed}); ${figures.failures.length} failing of ` +
      `${figures.requests} requests; ${figures.deaths.length} deaths`,
    ...figures.deaths.map((death) => `- death after ${death}`),
  ];
  for (const failure of figures.failures.slice(0, limit)) {
    lines.push(
      `- ${failure.operation} [${failure.as}] ${failure.label}`,
      `    request: ${failure.request}`,
      `    answer: ${failure.outcome}`,
      ...(failure.serverError ? [`    server: ${failure.serverError}`] : []),
    );
  }
  if (figures.failures.length > limit) lines.push(`… and ${figures.failures.length - limit} more`);
  return lines.join('\n');
}

/** The figures in three lines. */
export function summarize(name: string, figures: FuzzFigures, unit = 'operations'): string[] {
  return [
    `${name}: ${figures.operations} ${unit}, ${figures.requests} requests in ` +
      `${(figures.durationMs / 1000).toFixed(1)} s (seed ${figures.seed})`,
    `  responses by status class: ${statusClasses([figures.byStatusClass]) || 'none'}`,
    `  5xx or no answer: ${figures.failures.length}; deaths: ${figures.deaths.length}`,
  ];
}

export function statusClasses(counts: Array<Map<string, number>>): string {
  const total = new Map<string, number>();
  for (const map of counts) for (const [k, v] of map) total.set(k, (total.get(k) ?? 0) + v);
  return [...total.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

/** One entry per operation and kind of input (the label after the field), with a count and an example. */
export function groupFailures(failures: FuzzFailure[]): string[] {
  const groups = new Map<string, { count: number; example: FuzzFailure }>();
  for (const failure of failures) {
    const kind = failure.label.split(': ').slice(1).join(': ') || failure.label;
    const key = `${failure.operation} — ${kind}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { count: 1, example: failure });
  }
  return [...groups.entries()].map(
    ([key, { count, example }]) =>
      `${String(count).padStart(5)}  ${key}\n       ${(example.serverError ?? example.outcome).replace(/\s+/g, ' ').slice(0, 240)}`,
  );
}

/** Method, target and a truncated body, with invisible characters escaped so they can be read. */
export function describeRequest(request: FuzzRequest): string {
  const target =
    request.target.length > 200
      ? `${request.target.slice(0, 200)}… (${request.target.length} chars)`
      : request.target;
  const type = request.contentType === undefined ? '' : ` [${request.contentType}]`;
  if (request.body === undefined) return `${request.method} ${target}${type}`;
  const text = typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('latin1');
  const excerpt = JSON.stringify(text.slice(0, 240)).slice(1, -1);
  const size = typeof request.body === 'string' ? Buffer.byteLength(request.body) : request.body.byteLength;
  return `${request.method} ${target}${type} body: ${excerpt}${text.length > 240 ? `… (${size} bytes)` : ''}`;
}
