/**
 * The little the simulator logs through (pino and Fastify's logger fit). Callers never pass message
 * bodies, tokens or secrets: only ids, statuses and attempt counts.
 */
export interface SimulatorLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export const silentLogger: SimulatorLogger = {
  info() {},
  warn() {},
};
