import { z } from 'zod';

/**
 * What goes wrong on the way back from Meta on the next sends: the send itself is handled as Graph
 * would (accepted, its statuses and their webhooks follow as usual, echoing `biz_opaque_callback_data`),
 * only its answer is lost or late. `reachesMeta: false` plays a proxy that never passed the request on.
 */
export const transportFaultsSchema = z.array(
  z.discriminatedUnion('kind', [
    /** Meta takes the message but answers only after `delayMs` (the caller may have given up). */
    z.object({
      kind: z.literal('slow_answer'),
      delayMs: z.number().int().min(1).max(120_000),
      count: z.number().int().min(1).default(1),
    }),
    /** The connection closes without an answer. */
    z.object({
      kind: z.literal('no_answer'),
      reachesMeta: z.boolean().default(true),
      count: z.number().int().min(1).default(1),
    }),
    /** Meta's answer starts (status line, headers, part of the body), then the connection closes. */
    z.object({
      kind: z.literal('cut_answer'),
      count: z.number().int().min(1).default(1),
    }),
    /** A gateway in front of Meta answers with its own error page (502 Bad Gateway by default). */
    z.object({
      kind: z.literal('gateway_error'),
      httpStatus: z.number().int().min(500).max(599).default(502),
      reachesMeta: z.boolean().default(true),
      count: z.number().int().min(1).default(1),
    }),
  ]),
);

export type TransportFaultInput = z.input<typeof transportFaultsSchema>[number];
export type TransportFault = z.output<typeof transportFaultsSchema>[number];

/** A queue of transport faults per number (`*`: any number), consumed one send at a time. */
export class TransportFaults {
  readonly #queues = new Map<string, TransportFault[]>();

  add(phoneNumberId: string, faults: TransportFaultInput[]): void {
    const parsed = transportFaultsSchema.parse(faults);
    this.#queues.set(phoneNumberId, [...(this.#queues.get(phoneNumberId) ?? []), ...parsed]);
  }

  /** The fault the next send of this number meets, if any is queued for it or for every number. */
  take(phoneNumberId: string): TransportFault | undefined {
    return this.#takeFrom(phoneNumberId) ?? this.#takeFrom('*');
  }

  #takeFrom(key: string): TransportFault | undefined {
    const queue = this.#queues.get(key);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.count -= 1;
    if (next.count <= 0) queue.shift();
    return next;
  }
}
