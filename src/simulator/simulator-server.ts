import Fastify from 'fastify';
import type { SimulatorAccess } from './control-access.ts';
import type { SimulatedNumber } from './simulated-number.ts';
import { simulatorRoutes } from './simulator.routes.ts';
import { WhatsAppSimulator, type WhatsAppSimulatorOptions } from './whatsapp-simulator.ts';

export interface SimulatorServerOptions extends Omit<WhatsAppSimulatorOptions, 'logger'> {
  /** 0 picks a free port; the returned `url` has the real one. */
  port: number;
  /** Defaults to 127.0.0.1: the simulator has no authentication of its own. */
  host?: string;
  numbers?: SimulatedNumber[];
  /** Log requests (never bodies, tokens or secrets); off by default. */
  logger?: boolean;
  /** Who may use the control API beside this machine (`token`), and which numbers it plays. */
  access?: SimulatorAccess;
}

export interface RunningSimulator {
  /** Base URL, e.g. `http://127.0.0.1:43117`; Graph calls go to `${url}/v25.0/{id}/messages`. */
  url: string;
  simulator: WhatsAppSimulator;
  close(): Promise<void>;
}

/** Runs the simulator as its own HTTP server, with the Graph and control APIs at the root. */
export async function startSimulatorServer(options: SimulatorServerOptions): Promise<RunningSimulator> {
  const { port, host = '127.0.0.1', logger = false, access, ...simulatorOptions } = options;
  const app = Fastify({ logger });
  const simulator = new WhatsAppSimulator({ ...simulatorOptions, logger: app.log });
  await app.register(simulatorRoutes(simulator, access));
  try {
    const url = await app.listen({ port, host });
    return {
      url,
      simulator,
      async close() {
        await simulator.close();
        await app.close();
      },
    };
  } catch (error) {
    await simulator.close();
    await app.close();
    throw error;
  }
}
