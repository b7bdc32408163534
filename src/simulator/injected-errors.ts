import { z } from 'zod';
import { type GraphErrorResponse, graphErrorWith } from './graph-error.ts';

/** Errors to answer on the next sends instead of accepting them (e.g. 4, 80007, 368). */
export const injectedErrorsSchema = z.array(
  z.object({
    code: z.number().int().nonnegative(),
    /** How many sends in a row get it. */
    count: z.number().int().min(1).default(1),
    httpStatus: z.number().int().min(400).max(599).default(400),
    message: z.string().min(1).optional(),
  }),
);

export type InjectedError = z.input<typeof injectedErrorsSchema>[number];

const KNOWN: Record<number, { title: string; details: string }> = {
  4: { title: 'Application request limit reached', details: 'Too many API calls from this app.' },
  80007: { title: 'Rate limit issues', details: 'The WhatsApp Business Account reached its rate limit.' },
  368: {
    title: 'Temporarily blocked for policies violations',
    details: 'The account is restricted from sending messages for violating a platform policy.',
  },
  131000: { title: 'Something went wrong', details: 'Something went wrong.' },
};

/** A queue of injected errors per number, consumed one send at a time. */
export class InjectedErrors {
  readonly #queues = new Map<
    string,
    Array<{ code: number; count: number; httpStatus: number; message?: string }>
  >();

  add(phoneNumberId: string, errors: InjectedError[]): void {
    const parsed = injectedErrorsSchema.parse(errors);
    this.#queues.set(phoneNumberId, [...(this.#queues.get(phoneNumberId) ?? []), ...parsed]);
  }

  /** The error the next send gets, if any is queued. */
  take(phoneNumberId: string): GraphErrorResponse | undefined {
    const queue = this.#queues.get(phoneNumberId);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.count -= 1;
    if (next.count <= 0) queue.shift();
    const known = KNOWN[next.code];
    const title = next.message ?? known?.title ?? 'Injected error';
    return graphErrorWith({
      code: next.code,
      message: `(#${next.code}) ${title}`,
      details: known?.details ?? title,
      httpStatus: next.httpStatus,
    });
  }
}
