import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import { pruneEvents } from './event.repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Events are a resume buffer, not history: a client away longer than this refetches. */
export const EVENT_RETENTION_MS = 7 * DAY_MS;

/**
 * Prunes old events now and then every `everyMs` (a day) in this process. Several processes may each
 * do it: deleting what is already gone costs nothing. Returns the function that stops it.
 */
export function startEventRetention(options: {
  db: Db;
  logger: Logger;
  everyMs?: number;
  keepMs?: number;
  now?: () => number;
}): () => Promise<void> {
  const { db, logger } = options;
  const now = options.now ?? Date.now;
  let running: Promise<void> | null = null;
  const prune = () => {
    if (running) return;
    const olderThan = new Date(now() - (options.keepMs ?? EVENT_RETENTION_MS));
    running = pruneEvents(db, olderThan)
      .then((deleted) => {
        if (deleted > 0) logger.info({ deleted }, 'live events: pruned old events');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'live events: pruning failed'))
      .finally(() => {
        running = null;
      });
  };
  prune();
  const timer = setInterval(prune, options.everyMs ?? DAY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
