import type { FastifyPluginAsync } from 'fastify';
import { controlRoutes } from './control.routes.ts';
import { graphRoutes } from './graph.routes.ts';
import type { WhatsAppSimulator } from './whatsapp-simulator.ts';

/**
 * Everything the simulator serves, mountable under any prefix: the fake Graph API at the root of the
 * prefix and the control API under `/_sim`. Careline's demo mounts it at `/simulator`; the standalone
 * server at `/`.
 */
export function simulatorRoutes(simulator: WhatsAppSimulator): FastifyPluginAsync {
  return async (app) => {
    await app.register(graphRoutes(simulator));
    await app.register(controlRoutes(simulator), { prefix: '/_sim' });
  };
}
