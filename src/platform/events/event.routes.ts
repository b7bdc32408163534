import type { ServerResponse } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { DbListen } from '../db/create-db.ts';
import type { Db } from '../db/db.ts';
import { HttpProblem, problemSchema } from '../http/problem.ts';
import { EventFeed } from './event-feed.ts';
import { startEventRetention } from './event-retention.ts';
import {
  type EventSink,
  type LiveEventCaller,
  LiveEventSession,
  REPLAY_LIMIT,
} from './live-event-session.ts';

const STREAM_DESCRIPTION = `Server-Sent Events (text/event-stream) of the caller's clinic. Each event is
\`id: <event id>\\nevent: message.created|message.updated|conversation.updated|appointment.updated\\ndata: <JSON payload>\`;
the payload names what changed (\`conversationId\`, \`messageId\`...): fetch it. A comment every 15 s keeps
the connection open. To resume, send the last id received as \`Last-Event-ID\` (EventSource does it when
it reconnects) or \`?after=\`: the missed events come first, at most ${REPLAY_LIMIT}. When they cannot
all be replayed an \`event: reset\` comes instead (\`data: {"reason": "too_far_behind"|"expired"|"unknown_position"}\`):
refetch what is on screen; its id is the new position.`;

export interface EventRoutesDeps {
  db: Db;
  logger: Logger;
  listen?: DbListen;
  /** Who is asking and which events they may see; throws a 401 problem when nobody is signed in. */
  callerOf: (request: FastifyRequest) => LiveEventCaller;
  markPresent: (orgId: string, userId: string) => Promise<void>;
}

/**
 * GET /events: the live feed. The plugin owns the process's EventFeed (one LISTEN connection) and the
 * pruning timer, and ends the open streams when the server closes so shutdown is not held up.
 */
export function eventRoutes(deps: EventRoutesDeps): FastifyPluginAsyncZod {
  const { db, markPresent } = deps;
  return async (app) => {
    const logger = deps.logger.child({ component: 'live-events' });
    const feed = new EventFeed({ db, logger, ...(deps.listen ? { listen: deps.listen } : {}) });
    await feed.start();
    const stopRetention = startEventRetention({ db, logger });
    const open = new Map<LiveEventSession, ServerResponse>();
    app.addHook('preClose', async () => {
      for (const [session, response] of open) {
        session.stop();
        response.end();
      }
    });
    app.addHook('onClose', async () => {
      await Promise.all([feed.close(), stopRetention()]);
    });

    app.get(
      '/events',
      {
        config: { access: 'conversations.read' },
        schema: {
          tags: ['events'],
          summary: 'Live updates of the clinic (Server-Sent Events), resumable',
          description: STREAM_DESCRIPTION,
          querystring: z.object({
            after: z.coerce
              .number()
              .int()
              .min(0)
              .optional()
              .describe('Replay the events after this id (the Last-Event-ID header wins)'),
          }),
          response: {
            200: {
              description: 'The event stream; it stays open',
              content: { 'text/event-stream': { schema: z.string() } },
            },
            400: problemSchema,
            401: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const caller = deps.callerOf(request);
        const resumeAfter = lastEventIdOf(request) ?? request.query.after;
        reply.hijack();
        const response = reply.raw;
        response.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          // Reverse proxies (nginx) would otherwise hold the frames back.
          'x-accel-buffering': 'no',
        });
        const session = new LiveEventSession({ db, feed, logger, markPresent }, caller, sinkOf(response));
        open.set(session, response);
        response.on('close', () => {
          session.stop();
          open.delete(session);
        });
        await session.start(resumeAfter);
      },
    );
  };
}

function lastEventIdOf(request: FastifyRequest): number | undefined {
  const header = request.headers['last-event-id'];
  if (header === undefined || header === '') return undefined;
  if (typeof header !== 'string' || !/^\d{1,15}$/.test(header.trim()))
    throw HttpProblem.badField('headers.last-event-id', 'must be an event id received from this stream');
  return Number(header.trim());
}

function sinkOf(response: ServerResponse): EventSink {
  return {
    write(frame) {
      if (!response.writableEnded && !response.destroyed) response.write(frame);
    },
    get backlogBytes() {
      return response.writableLength;
    },
    end() {
      response.end();
    },
  };
}
