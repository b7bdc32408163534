import { type GraphErrorResponse, invalidTokenError, objectNotFoundError } from './graph-error.ts';
import { bearerOf } from './media-graph.ts';
import type { NumberState } from './number-state.ts';
import type { SimulatedNumber } from './simulated-number.ts';
import {
  graphTemplateView,
  type Template,
  type TemplateInput,
  type TemplateStatus,
} from './template.schema.ts';
import type { TemplateChange, TemplateRegistry } from './template-registry.ts';
import { templateStatusWebhook } from './template-status-webhook.ts';
import type { WebhookOutbox } from './webhook-outbox.ts';

export interface TemplateListRequest {
  wabaId: string;
  authorization?: string;
  limit?: number;
  after?: string;
  before?: string;
  /** Where this endpoint is reachable, for `paging.next`. */
  pageUrl?: string;
}

interface TemplateGraphDeps {
  registry: TemplateRegistry;
  outbox: WebhookOutbox;
  now: () => Date;
  states: () => NumberState[];
}

const DEFAULT_PAGE_SIZE = 25;

/** Templates as Meta serves them: the listing endpoint, and status webhooks when a status changes. */
export class TemplateGraph {
  readonly #deps: TemplateGraphDeps;

  constructor(deps: TemplateGraphDeps) {
    this.#deps = deps;
  }

  upsert(input: TemplateInput): Template {
    return this.#announce(this.#deps.registry.upsert(input));
  }

  setStatus(wabaId: string, templateId: string, status: TemplateStatus, reason?: string): Template {
    return this.#announce(this.#deps.registry.setStatus(wabaId, templateId, status, reason));
  }

  /** `GET /{version}/{waba-id}/message_templates`: Bearer of a number of that WABA, cursor pages. */
  list(
    request: TemplateListRequest,
    numbers: SimulatedNumber[],
  ): GraphErrorResponse | { httpStatus: 200; body: Record<string, unknown> } {
    const token = bearerOf(request.authorization);
    if (token === undefined || !numbers.some((n) => n.accessToken === token)) return invalidTokenError();
    if (!numbers.some((n) => n.wabaId === request.wabaId && n.accessToken === token)) {
      return objectNotFoundError(request.wabaId, 'get');
    }
    const limit = request.limit ?? DEFAULT_PAGE_SIZE;
    const page = this.#deps.registry.page(request.wabaId, {
      limit,
      ...(request.after === undefined ? {} : { after: request.after }),
      ...(request.before === undefined ? {} : { before: request.before }),
    });
    const cursors = {
      ...(page.before === undefined ? {} : { before: page.before }),
      ...(page.after === undefined ? {} : { after: page.after }),
    };
    const next =
      page.hasMore && page.after !== undefined && request.pageUrl !== undefined
        ? { next: `${request.pageUrl}?limit=${limit}&after=${page.after}` }
        : {};
    return {
      httpStatus: 200,
      body: { data: page.templates.map(graphTemplateView), paging: { cursors, ...next } },
    };
  }

  /**
   * Posts the status webhook to every number of the template's WABA when the status changed. A new
   * template counts as a change unless it starts PENDING, as a freshly submitted one does at Meta.
   */
  #announce(change: TemplateChange): Template {
    const { template, previousStatus } = change;
    const changed =
      previousStatus === undefined ? template.status !== 'PENDING' : previousStatus !== template.status;
    if (!changed) return template;
    const payload = templateStatusWebhook(template, this.#deps.now(), change.reason);
    for (const state of this.#deps.states()) {
      if (state.number.wabaId !== template.wabaId) continue;
      void this.#deps.outbox.sendPayload(state, payload, {
        kind: 'template_status',
        templateId: template.id,
        status: template.status,
      });
    }
    return template;
  }
}
